/* The one form widget: a titled, vertical list of labelled fields (text, multi-line
 * text, choice, yes/no, date, enterprise picker) above a row of buttons, edited in a
 * pane's rectangle. Text goes through the one line editor (ui/prompt.c); an error
 * shows under the field at fault; the owner reads the values back when a button is
 * pressed, checks them with the model and hands the model's verdict back. */
#ifndef QIFU_FORM_H
#define QIFU_FORM_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "store/db.h"
#include "ui/pane.h"

/* one value of a choice field; both strings are copied */
typedef struct form_option {
	const char *value; /* what the owner reads back ("" for none) */
	const char *label; /* what the user sees */
} form_option;

/* what a key did to the form */
typedef enum form_state {
	FORM_EDITING, /* taken by the form: repaint */
	FORM_PASS,    /* not the form's (F1 help, F9): the shell's */
	FORM_CANCEL,  /* leave without saving (confirmed first when something changed) */
	FORM_PRESSED, /* a button was pressed; form_button says which */
} form_state;

typedef struct form form;

/* an empty form titled title (translated) with the buttons Save and Cancel */
form *form_new(shell *sh, const char *title);
void form_free(form **f);

/* Fields, top to bottom; each returns its index. Labels are translated; limits count
 * characters; a required field left empty is refused before a button reports. */
int form_add_text(form *f, const char *label, const char *value, int max_chars, bool required);
/* several lines of text, rows of them on screen; Enter starts a new line */
int form_add_lines(form *f, const char *label, const char *value, int max_chars, int rows,
                   bool required);
/* one of n options (copied); value selects the first option with that value; a
 * required choice may not be left on an option whose value is "" */
int form_add_choice(form *f, const char *label, const form_option *opts, int n,
                    const char *value, bool required);
int form_add_yesno(form *f, const char *label, bool value);
/* several enterprises picked the same way, one after another: Enter adds the highlighted
 * one to the list under the field, Backspace in the empty field takes the last one off */
int form_add_enterprises(form *f, const char *label, db *d, const char *scope_area,
                         bool required);
/* words to read beside the fields (whom to call, what was decided): never focused,
 * never changed */
int form_add_note(form *f, const char *label, const char *text);
/* YYYY-MM-DD, checked when the form is submitted; DATE_NONE starts empty */
int form_add_date(form *f, const char *label, qdate value, bool required);
/* an enterprise picked by typing Chinese, pinyin or a USCC prefix: a live list from
 * the store below the field (scope_area: an area officer's area, else NULL); id and
 * name give the current pick (0 and NULL for none) */
int form_add_enterprise(form *f, const char *label, db *d, const char *scope_area, int64_t id,
                        const char *name, bool required);

/* the buttons (translated labels); cancel is the index that acts as Esc, -1 none.
 * Button 0 submits: the form checks required fields and dates before reporting it. */
void form_set_buttons(form *f, const char *const *labels, int n, int cancel);
/* whether Esc asks before throwing changes away (default yes; a filter form clears) */
void form_set_confirm(form *f, bool confirm);
/* a menu-like form: the choice field's list starts open, and taking an option with
 * Enter presses button 0 */
void form_set_menu(form *f, int field);

/* one key; ev->key is what was typed, whatever action the keymap gives it */
form_state form_key(form *f, const pane_event *ev);
/* the button last pressed */
int form_button(const form *f);
/* lay the fields out in r, scrolled so the focus shows; fetches the picker's list */
void form_recalc(form *f, ui_rect r);
/* draw every cell of r */
void form_repaint(form *f, ui_rect r);
/* the rows the last recalc laid out, title to buttons: the height that shows all of it */
int form_rows(const form *f);
/* where the caret of the focused text is on screen; false when no text has focus */
bool form_caret(const form *f, int *y, int *x);
/* the standing hint for the status line (translated, owned by the form) */
const char *form_hint(form *f);

/* the text of a text, lines or date field, trimmed (caller frees) */
char *form_text(const form *f, int field);
/* the chosen option's value of a choice field */
const char *form_choice(const form *f, int field);
bool form_yes(const form *f, int field);
/* a date field's date; DATE_NONE when empty (and, until submitted, when malformed) */
qdate form_date(const form *f, int field);
/* the enterprise picked in a picker field; 0 when none */
int64_t form_enterprise(const form *f, int field);
/* the enterprises picked in a multi-picker, in order: how many, their ids and USCCs
 * into *ids and *usccs (either may be NULL; owned by the form) */
int form_enterprises(const form *f, int field, const int64_t **ids, const char *const **usccs);
/* whether any field differs from the value it started with */
bool form_changed(const form *f);

/* show msg (translated) under field and move the focus there; field -1 is the form
 * as a whole (shown above the buttons); NULL clears it */
void form_set_error(form *f, int field, const char *msg);
void form_clear_errors(form *f);
void form_focus(form *f, int field);

#endif
