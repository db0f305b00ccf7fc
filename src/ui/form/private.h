/* The form widget's insides, shared by its files: fields.c (building a form, its
 * values and errors), keys.c (what a key does to it), draw.c (the layout pass and
 * drawing) and picker.c (the enterprise picker's live list). Only src/ui/form/
 * includes this; everyone else has ui/form.h. */
#ifndef QIFU_UI_FORM_PRIVATE_H
#define QIFU_UI_FORM_PRIVATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/enterprise_store.h"
#include "ui/form.h"
#include "ui/prompt.h"
#include "ui/shell.h"

/* rows of an open pick list and of the enterprise picker's live list */
#define FORM_PICK_ROWS 8
#define FORM_HIT_ROWS 5
/* an error message wraps into at most this many rows */
#define FORM_ERROR_ROWS 4
/* the label column never takes more than this share of the width */
#define FORM_LABEL_MAX_DIV 3

typedef enum form_kind {
	FK_TEXT,
	FK_LINES,
	FK_CHOICE,
	FK_YESNO,
	FK_DATE,
	FK_ENTERPRISE,
	FK_NOTE,            /* words to read, never focused or changed */
} form_kind;

typedef struct field {
	form_kind kind;
	char *label;
	bool required;
	int max_chars;
	char *initial;      /* the value it started with, as form_field_value spells it */
	char *error;
	char *note;         /* a note's text */
	prompt *ed;         /* text, date, enterprise, and the current line of lines */
	/* lines */
	char **lines;
	int nlines, cur, rows, top;
	/* choice */
	form_option *opts;
	int nopts, sel, pick, pick_top;
	bool open;
	/* yes/no */
	bool yes;
	/* enterprise */
	int64_t ent_id;
	bool multi;         /* several picked, listed under the field */
	int64_t *picked;
	char **picked_names, **picked_codes;
	int npicked;
	ent_record hits[FORM_HIT_ROWS];
	int nhits, hit;
	char *hits_for;     /* the text the hits were fetched for */
} field;

/* what one screen row of the form shows */
typedef enum row_kind { ROW_TITLE, ROW_FIELD, ROW_ERROR, ROW_PICK, ROW_HIT, ROW_PICKED,
	ROW_BLANK, ROW_BUTTONS } row_kind;

typedef struct frow {
	row_kind kind;
	int field;
	int idx;            /* line of a lines field, option of a pick list, hit */
} frow;

struct form {
	shell *sh;
	char *title;
	field *v;
	int n, cap;
	int focus;          /* a field, or n for the buttons */
	char **buttons;
	int nbuttons, button, cancel;
	bool confirm, asking;
	bool menu;          /* taking an option presses button 0 */
	char *error;        /* about the form as a whole, shown above the buttons */
	db *d;
	char *scope_area;
	frow *rows;
	int nrows, rcap, top;
	ui_rect r;
	int label_w;
	int caret_y, caret_x;
	bool have_caret;
	char *hint;
};

/* fields.c: a new field of kind at the end of f */
field *form_add_field(form *f, form_kind kind, const char *label, bool required);
/* the value as one string, for form_changed (caller frees) */
char *form_field_value(const field *fl);
void form_remember_initial(field *fl);
/* the characters the other lines and the line breaks already use */
int form_lines_used_elsewhere(const field *fl);
/* move the one editor to line i, caret at byte offset caret of that line */
void form_lines_goto(field *fl, int i, size_t caret);
/* the focused field, or NULL on the buttons */
field *form_focused(form *f);
/* Tab and Shift-Tab go round (wrap); the arrows stop at the ends */
void form_move_focus(form *f, int dir, bool wrap);

/* draw.c: x where values start */
int form_value_x(const form *f);

/* picker.c: drop the live list's rows */
void form_picker_clear(field *fl);
/* drop a multi-picker's picks */
void form_picker_free_picks(field *fl);
/* Backspace on a multi-picker's empty text takes the last pick off; false otherwise */
bool form_picker_unpick(field *fl, qkey k);
/* one picked enterprise of a multi-picker, at screen row y */
void form_picker_draw_picked(form *f, const frow *row, int y);
/* the live list for the text typed so far, from the store's search */
void form_picker_fetch(form *f, field *fl);
/* whether field i shows its live list under it now */
bool form_picker_shows(const form *f, int i);
/* Up or Down in the live list; false when there is none or the step would leave it */
bool form_picker_step(field *fl, int dir);
/* Enter: the highlighted enterprise becomes the pick; false when none was taken */
bool form_picker_take(form *f, field *fl);
/* typing changed the text: a pick made before is undone, the search starts over */
void form_picker_typed(field *fl);
/* one row of the live list, at screen row y */
void form_picker_draw(form *f, const frow *row, int y);

#endif
