/* The form widget. Each text-like field owns one line editor from ui/prompt.c (a
 * multi-line field moves its editor from line to line), so typing, Backspace in all
 * its spellings, C-u, C-w and the caret behave exactly as in the status-line prompt.
 * Layout is a pure pass over the fields into screen rows (recalc), drawing another
 * (repaint); the focus always stays on screen. */
#include "ui/form.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "store/enterprise_store.h"
#include "ui/draw.h"
#include "ui/layout.h"
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
} form_kind;

typedef struct field {
	form_kind kind;
	char *label;
	bool required;
	int max_chars;
	char *initial;      /* the value it started with, as field_value spells it */
	char *error;
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
	ent_row hits[FORM_HIT_ROWS];
	int nhits, hit;
	char *hits_for;     /* the text the hits were fetched for */
} field;

/* what one screen row of the form shows */
typedef enum row_kind { ROW_TITLE, ROW_FIELD, ROW_ERROR, ROW_PICK, ROW_HIT, ROW_BLANK,
	ROW_BUTTONS } row_kind;

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

static const char *const default_buttons[] = { N_("Save"), N_("Cancel") };

form *form_new(shell *sh, const char *title)
{
	form *f = xcalloc(1, sizeof *f);
	f->sh = sh;
	f->title = xstrdup(title);
	f->confirm = true;
	const char *labels[2] = { _(default_buttons[0]), _(default_buttons[1]) };
	form_set_buttons(f, labels, 2, 1);
	return f;
}

static void clear_hits(field *fl)
{
	for (int i = 0; i < fl->nhits; i++)
		ent_row_clear(&fl->hits[i]);
	fl->nhits = 0;
}

static void free_lines(field *fl)
{
	for (int i = 0; i < fl->nlines; i++)
		xfree(&fl->lines[i]);
	xfree(&fl->lines);
	fl->nlines = 0;
}

void form_free(form **f)
{
	if (!*f)
		return;
	form *fm = *f;
	for (int i = 0; i < fm->n; i++) {
		field *fl = &fm->v[i];
		xfree(&fl->label);
		xfree(&fl->initial);
		xfree(&fl->error);
		prompt_free(&fl->ed);
		free_lines(fl);
		for (int k = 0; k < fl->nopts; k++) {
			xfree(&fl->opts[k].value);
			xfree(&fl->opts[k].label);
		}
		xfree(&fl->opts);
		clear_hits(fl);
		xfree(&fl->hits_for);
	}
	xfree(&fm->v);
	for (int i = 0; i < fm->nbuttons; i++)
		xfree(&fm->buttons[i]);
	xfree(&fm->buttons);
	xfree(&fm->title);
	xfree(&fm->scope_area);
	xfree(&fm->rows);
	xfree(&fm->hint);
	xfree(&fm->error);
	xfree(f);
}

void form_set_buttons(form *f, const char *const *labels, int n, int cancel)
{
	for (int i = 0; i < f->nbuttons; i++)
		xfree(&f->buttons[i]);
	f->buttons = xrealloc(f->buttons, (size_t)(n > 0 ? n : 1) * sizeof *f->buttons);
	for (int i = 0; i < n; i++)
		f->buttons[i] = xstrdup(labels[i]);
	f->nbuttons = n;
	f->cancel = cancel;
	f->button = 0;
}

void form_set_confirm(form *f, bool confirm)
{
	f->confirm = confirm;
}

void form_set_menu(form *f, int i)
{
	if (i < 0 || i >= f->n || f->v[i].kind != FK_CHOICE)
		return;
	form_focus(f, i);
	f->v[i].open = true;
	f->v[i].pick = f->v[i].sel;
	f->menu = true;
}

static field *add_field(form *f, form_kind kind, const char *label, bool required)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->v = xrealloc(f->v, (size_t)f->cap * sizeof *f->v);
	}
	field *fl = &f->v[f->n++];
	memset(fl, 0, sizeof *fl);
	fl->kind = kind;
	fl->label = xstrdup(label);
	fl->required = required;
	fl->rows = 1;
	return fl;
}

/* the lines field's text with its lines joined, the current one from the editor */
static char *lines_joined(const field *fl)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < fl->nlines; i++) {
		if (i)
			sb_addc(&b, '\n');
		sb_add(&b, i == fl->cur ? prompt_raw(fl->ed) : fl->lines[i]);
	}
	return sb_steal(&b);
}

/* the value as one string, for form_changed */
static char *field_value(const field *fl)
{
	switch (fl->kind) {
	case FK_LINES:
		return lines_joined(fl);
	case FK_CHOICE:
		return xstrdup(fl->nopts ? fl->opts[fl->sel].value : "");
	case FK_YESNO:
		return xstrdup(fl->yes ? "1" : "0");
	case FK_ENTERPRISE:
		return xasprintf("%lld", (long long)fl->ent_id);
	default:
		return xstrdup(prompt_raw(fl->ed));
	}
}

static void remember_initial(field *fl)
{
	xfree(&fl->initial);
	fl->initial = field_value(fl);
}

int form_add_text(form *f, const char *label, const char *value, int max_chars, bool required)
{
	field *fl = add_field(f, FK_TEXT, label, required);
	fl->max_chars = max_chars;
	fl->ed = prompt_new("", value);
	prompt_set_limit(fl->ed, max_chars);
	remember_initial(fl);
	return f->n - 1;
}

/* the characters the other lines and the line breaks already use */
static int lines_used_elsewhere(const field *fl)
{
	int used = fl->nlines - 1;
	for (int i = 0; i < fl->nlines; i++)
		if (i != fl->cur)
			used += (int)text_chars(fl->lines[i]);
	return used;
}

/* move the one editor to line i, caret at byte offset caret of that line */
static void lines_goto(field *fl, int i, size_t caret)
{
	xfree(&fl->lines[fl->cur]);
	fl->lines[fl->cur] = xstrdup(prompt_raw(fl->ed));
	fl->cur = i;
	prompt_set(fl->ed, fl->lines[i], caret);
	int left = fl->max_chars - lines_used_elsewhere(fl);
	prompt_set_limit(fl->ed, left > 0 ? left : 1);
}

int form_add_lines(form *f, const char *label, const char *value, int max_chars, int rows,
                   bool required)
{
	field *fl = add_field(f, FK_LINES, label, required);
	fl->max_chars = max_chars;
	fl->rows = rows > 0 ? rows : 1;
	const char *s = value ? value : "";
	do {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		fl->lines = xrealloc(fl->lines, (size_t)(fl->nlines + 1) * sizeof *fl->lines);
		fl->lines[fl->nlines++] = xstrndup(s, len);
		s = nl ? nl + 1 : NULL;
	} while (s);
	fl->ed = prompt_new("", fl->lines[0]);
	lines_goto(fl, 0, 0);
	remember_initial(fl);
	return f->n - 1;
}

int form_add_choice(form *f, const char *label, const form_option *opts, int n,
                    const char *value, bool required)
{
	field *fl = add_field(f, FK_CHOICE, label, required);
	fl->opts = xcalloc((size_t)(n > 0 ? n : 1), sizeof *fl->opts);
	for (int i = 0; i < n; i++) {
		fl->opts[i].value = xstrdup(opts[i].value);
		fl->opts[i].label = xstrdup(opts[i].label);
		if (value && fl->sel == 0 && strcmp(opts[i].value, value) == 0)
			fl->sel = i;
	}
	fl->nopts = n;
	remember_initial(fl);
	return f->n - 1;
}

int form_add_yesno(form *f, const char *label, bool value)
{
	field *fl = add_field(f, FK_YESNO, label, false);
	fl->yes = value;
	remember_initial(fl);
	return f->n - 1;
}

int form_add_date(form *f, const char *label, qdate value, bool required)
{
	char buf[16] = "";
	if (value != DATE_NONE)
		date_format(value, buf);
	field *fl = add_field(f, FK_DATE, label, required);
	fl->max_chars = 10;
	fl->ed = prompt_new("", buf);
	prompt_set_limit(fl->ed, 10);
	remember_initial(fl);
	return f->n - 1;
}

int form_add_enterprise(form *f, const char *label, db *d, const char *scope_area, int64_t id,
                        const char *name, bool required)
{
	field *fl = add_field(f, FK_ENTERPRISE, label, required);
	f->d = d;
	xfree(&f->scope_area);
	f->scope_area = scope_area ? xstrdup(scope_area) : NULL;
	fl->max_chars = 100;
	fl->ed = prompt_new("", id ? name : "");
	prompt_set_limit(fl->ed, 100);
	fl->ent_id = id;
	fl->hits_for = xstrdup(prompt_raw(fl->ed));
	remember_initial(fl);
	return f->n - 1;
}

int form_button(const form *f)
{
	return f->button;
}

static field *focused(form *f)
{
	return f->focus < f->n ? &f->v[f->focus] : NULL;
}

void form_focus(form *f, int i)
{
	field *fl = focused(f);
	if (fl)
		fl->open = false;
	f->focus = i < 0 ? 0 : i > f->n ? f->n : i;
}

/* Tab and Shift-Tab go round; the arrows stop at the ends */
static void move_focus(form *f, int dir, bool wrap)
{
	int to = f->focus + dir;
	if (wrap)
		to = (to + f->n + 1) % (f->n + 1);
	if (to < 0 || to > f->n)
		return;
	form_focus(f, to);
	if (f->focus == f->n)
		f->button = 0;
}

char *form_text(const form *f, int i)
{
	const field *fl = &f->v[i];
	char *raw = fl->kind == FK_LINES ? lines_joined(fl) : xstrdup(prompt_raw(fl->ed));
	char *t = text_trim(raw);
	xfree(&raw);
	return t;
}

const char *form_choice(const form *f, int i)
{
	const field *fl = &f->v[i];
	return fl->nopts ? fl->opts[fl->sel].value : "";
}

bool form_yes(const form *f, int i)
{
	return f->v[i].yes;
}

qdate form_date(const form *f, int i)
{
	char *t = form_text(f, i);
	qdate d;
	if (!date_parse(t, &d))
		d = DATE_NONE;
	xfree(&t);
	return d;
}

int64_t form_enterprise(const form *f, int i)
{
	return f->v[i].ent_id;
}

bool form_changed(const form *f)
{
	for (int i = 0; i < f->n; i++) {
		char *now = field_value(&f->v[i]);
		bool same = strcmp(now, f->v[i].initial) == 0;
		xfree(&now);
		if (!same)
			return true;
	}
	return false;
}

void form_set_error(form *f, int i, const char *msg)
{
	if (i >= f->n)
		return;
	char **slot = i < 0 ? &f->error : &f->v[i].error;
	xfree(slot);
	if (msg) {
		*slot = xstrdup(msg);
		form_focus(f, i < 0 ? f->n : i);
	}
}

void form_clear_errors(form *f)
{
	for (int i = 0; i < f->n; i++)
		xfree(&f->v[i].error);
	xfree(&f->error);
}

/* the form's own checks before button 0 reports: required fields and dates */
static bool check_fields(form *f)
{
	form_clear_errors(f);
	int first = -1;
	for (int i = 0; i < f->n; i++) {
		field *fl = &f->v[i];
		char *t = fl->ed ? form_text(f, i) : NULL;
		const char *msg = NULL;
		qdate d;
		if (fl->kind == FK_ENTERPRISE && fl->required && !fl->ent_id)
			msg = *t ? _("pick an enterprise from the list with Enter")
			         : _("this field is required");
		else if (t && fl->required && !*t)
			msg = _("this field is required");
		else if (fl->kind == FK_CHOICE && fl->required && !*form_choice(f, i))
			msg = _("this field is required: choose one");
		else if (fl->kind == FK_DATE && t && *t && !date_parse(t, &d))
			msg = _("not a date: write it as YYYY-MM-DD, e.g. 2026-12-01");
		if (msg) {
			fl->error = xstrdup(msg);
			if (first < 0)
				first = i;
		}
		xfree(&t);
	}
	if (first >= 0)
		form_focus(f, first);
	return first < 0;
}

static form_state leave(form *f)
{
	if (!f->confirm || !form_changed(f))
		return FORM_CANCEL;
	f->asking = true;
	shell_message(f->sh, "%s", _("Leave without saving your changes? [y/N]"));
	return FORM_EDITING;
}

static form_state press(form *f, int b)
{
	f->button = b;
	if (b == f->cancel)
		return leave(f);
	if (b == 0 && !check_fields(f))
		return FORM_EDITING;
	return FORM_PRESSED;
}

/* keys of an open pick list; false when the key closes it without being used */
static bool pick_key(field *fl, qkey k)
{
	switch (k) {
	case QK_UP: fl->pick--; break;
	case QK_DOWN: fl->pick++; break;
	case QK_PGUP: fl->pick -= FORM_PICK_ROWS; break;
	case QK_PGDN: fl->pick += FORM_PICK_ROWS; break;
	case QK_HOME: fl->pick = 0; break;
	case QK_END: fl->pick = fl->nopts - 1; break;
	case QK_ENTER: case ' ':
		fl->sel = fl->pick;
		fl->open = false;
		break;
	case QK_ESC:
		fl->open = false;
		break;
	default:
		fl->open = false;
		return false;
	}
	if (fl->pick < 0)
		fl->pick = 0;
	if (fl->pick >= fl->nopts)
		fl->pick = fl->nopts - 1;
	return true;
}

/* Enter, Backspace and Delete at the line ends of a lines field; false for the rest */
static bool lines_key(field *fl, qkey k)
{
	const char *s = prompt_raw(fl->ed);
	size_t caret = prompt_caret(fl->ed);
	if (k == QK_ENTER) {
		if (lines_used_elsewhere(fl) + (int)text_chars(s) + 1 > fl->max_chars)
			return true;
		char *head = xstrndup(s, caret), *tail = xstrdup(s + caret);
		prompt_set(fl->ed, head, caret);
		fl->lines = xrealloc(fl->lines, (size_t)(fl->nlines + 1) * sizeof *fl->lines);
		memmove(fl->lines + fl->cur + 2, fl->lines + fl->cur + 1,
		        (size_t)(fl->nlines - fl->cur - 1) * sizeof *fl->lines);
		fl->lines[fl->cur + 1] = tail;
		fl->nlines++;
		lines_goto(fl, fl->cur + 1, 0);
		xfree(&head);
		return true;
	}
	bool join_prev = k == QK_BACKSPACE && caret == 0 && fl->cur > 0;
	bool join_next = k == QK_DELETE && s[caret] == '\0' && fl->cur < fl->nlines - 1;
	if (!join_prev && !join_next)
		return false;
	int keep = join_prev ? fl->cur - 1 : fl->cur;
	if (join_prev)
		lines_goto(fl, keep, strlen(fl->lines[keep]));
	size_t at = prompt_caret(fl->ed);
	char *joined = xasprintf("%s%s", prompt_raw(fl->ed), fl->lines[keep + 1]);
	xfree(&fl->lines[keep + 1]);
	memmove(fl->lines + keep + 1, fl->lines + keep + 2,
	        (size_t)(fl->nlines - keep - 2) * sizeof *fl->lines);
	fl->nlines--;
	prompt_set(fl->ed, joined, at);
	prompt_set_limit(fl->ed, fl->max_chars - lines_used_elsewhere(fl));
	xfree(&joined);
	return true;
}

/* the caret's column in the line the editor leaves, as a byte offset in line s */
static size_t same_column(const char *from, size_t caret, const char *s)
{
	int col = text_cursor_col(from, caret);
	size_t off = 0;
	while (s[off] && text_cursor_col(s, text_next_char(s, off)) <= col)
		off = text_next_char(s, off);
	return off;
}

static form_state vertical(form *f, field *fl, int dir)
{
	if (fl && fl->kind == FK_LINES) {
		int to = fl->cur + dir;
		if (to >= 0 && to < fl->nlines) {
			const char *s = prompt_raw(fl->ed);
			size_t caret = same_column(s, prompt_caret(fl->ed), fl->lines[to]);
			lines_goto(fl, to, caret);
			return FORM_EDITING;
		}
	}
	if (fl && fl->kind == FK_ENTERPRISE && !fl->ent_id && fl->nhits > 0) {
		int to = fl->hit + dir;
		if (to >= 0 && to < fl->nhits) {
			fl->hit = to;
			return FORM_EDITING;
		}
	}
	move_focus(f, dir, false);
	return FORM_EDITING;
}

static void fetch_hits(form *f, field *fl);

static form_state enter(form *f, field *fl)
{
	if (!fl)
		return press(f, f->button);
	switch (fl->kind) {
	case FK_CHOICE:
		fl->open = true;
		fl->pick = fl->sel;
		return FORM_EDITING;
	case FK_LINES:
		lines_key(fl, QK_ENTER);
		return FORM_EDITING;
	case FK_ENTERPRISE:
		/* the list on screen may lag a burst of typing: match what is typed now */
		fetch_hits(f, fl);
		if (!fl->ent_id && fl->hit < fl->nhits) {
			const ent_row *h = &fl->hits[fl->hit];
			fl->ent_id = h->id;
			prompt_set(fl->ed, h->name, strlen(h->name));
			xfree(&fl->hits_for);
			fl->hits_for = xstrdup(h->name);
			xfree(&fl->error);
			return FORM_EDITING;
		}
		break;
	default:
		break;
	}
	move_focus(f, 1, false);
	return FORM_EDITING;
}

static form_state sideways(form *f, field *fl, int dir)
{
	if (!fl) {
		f->button = (f->button + dir + f->nbuttons) % f->nbuttons;
		return FORM_EDITING;
	}
	if (fl->kind == FK_CHOICE && fl->nopts)
		fl->sel = (fl->sel + dir + fl->nopts) % fl->nopts;
	else if (fl->kind == FK_YESNO)
		fl->yes = !fl->yes;
	else if (fl->ed)
		prompt_key(fl->ed, dir < 0 ? QK_LEFT : QK_RIGHT);
	return FORM_EDITING;
}

/* a key for the focused text: the line editor's, except Enter and Esc */
static form_state edit(field *fl, qkey k)
{
	if (fl->kind == FK_LINES && lines_key(fl, k))
		return FORM_EDITING;
	char *before = fl->kind == FK_ENTERPRISE ? xstrdup(prompt_raw(fl->ed)) : NULL;
	prompt_key(fl->ed, k);
	if (before && strcmp(before, prompt_raw(fl->ed)) != 0) {
		/* typing after a pick starts a new search */
		fl->ent_id = 0;
		fl->hit = 0;
	}
	xfree(&before);
	return FORM_EDITING;
}

static form_state key_in(form *f, const pane_event *ev);

form_state form_key(form *f, const pane_event *ev)
{
	/* an error stays until its field is changed or the form is submitted again */
	field *fl = focused(f);
	char *before = fl && fl->error ? field_value(fl) : NULL;
	form_state st = key_in(f, ev);
	if (before) {
		char *after = field_value(fl);
		if (strcmp(before, after) != 0)
			xfree(&fl->error);
		xfree(&after);
		xfree(&before);
	}
	return st;
}

static form_state key_in(form *f, const pane_event *ev)
{
	qkey k = ev->key;
	if (f->asking) {
		f->asking = false;
		return prompt_yes(k) ? FORM_CANCEL : FORM_EDITING;
	}
	field *fl = focused(f);
	if (f->menu && k == QK_ESC)
		return leave(f);
	if (fl && fl->kind == FK_CHOICE && fl->open && pick_key(fl, k)) {
		if (f->menu && !fl->open && (k == QK_ENTER || k == ' '))
			return press(f, 0);
		return FORM_EDITING;
	}
	/* the F-keys keep their meaning; letters, digits and punctuation are text */
	if (k >= QK_F1 && k <= QK_F12) {
		if (ev->act == ACT_QUIT || ev->act == ACT_CANCEL || ev->act == ACT_BACK)
			return leave(f);
		return ev->act == ACT_HELP || ev->act == ACT_MENU ? FORM_PASS : FORM_EDITING;
	}
	switch (k) {
	case QK_ESC:
		return f->cancel >= 0 ? press(f, f->cancel) : leave(f);
	case QK_TAB:
		move_focus(f, 1, true);
		return FORM_EDITING;
	case QK_BTAB:
		move_focus(f, -1, true);
		return FORM_EDITING;
	case QK_DOWN:
		return vertical(f, fl, 1);
	case QK_UP:
		return vertical(f, fl, -1);
	case QK_ENTER:
		return enter(f, fl);
	case QK_LEFT:
		return sideways(f, fl, -1);
	case QK_RIGHT:
		return sideways(f, fl, 1);
	case QK_RESIZE:
		return FORM_EDITING;
	default:
		break;
	}
	if (!fl)
		return FORM_EDITING;
	if (fl->kind == FK_YESNO) {
		if (k == ' ')
			fl->yes = !fl->yes;
		else if (prompt_yes(k) || k == 'n' || k == 'N' || k == 0xFF4E || k == 0xFF2E)
			fl->yes = prompt_yes(k);
		return FORM_EDITING;
	}
	if (fl->kind == FK_CHOICE) {
		if (k == ' ') {
			fl->open = true;
			fl->pick = fl->sel;
		}
		return FORM_EDITING;
	}
	return edit(fl, k);
}

/* ---- layout and drawing ---- */

static void add_row(form *f, row_kind kind, int fi, int idx)
{
	if (f->nrows == f->rcap) {
		f->rcap = f->rcap ? f->rcap * 2 : 64;
		f->rows = xrealloc(f->rows, (size_t)f->rcap * sizeof *f->rows);
	}
	f->rows[f->nrows++] = (frow){ kind, fi, idx };
}

/* the picker's live list for the text typed so far, from the store's search */
static void fetch_hits(form *f, field *fl)
{
	const char *text = prompt_raw(fl->ed);
	if (fl->hits_for && strcmp(fl->hits_for, text) == 0)
		return;
	clear_hits(fl);
	xfree(&fl->hits_for);
	fl->hits_for = xstrdup(text);
	fl->hit = 0;
	char *q = text_trim(text);
	if (*q && f->d) {
		ent_filter flt = { 0 };
		flt.search = q;
		flt.scope_area = f->scope_area;
		strbuf err = STRBUF_INIT;
		int n = 0;
		if (ent_store_window(f->d, &flt, ENT_SORT_NAME, false, 0, FORM_HIT_ROWS, fl->hits, &n,
		                     &err) < 0)
			shell_error(f->sh, "%s", sb_str(&err));
		fl->nhits = n > 0 ? n : 0;
		sb_free(&err);
	}
	xfree(&q);
}

static int value_x(const form *f);

/* an error wraps under its field, at most FORM_ERROR_ROWS rows of it */
static int wrap_error(const form *f, const char *error, size_t *starts, size_t *lens)
{
	char *msg = xasprintf("%s%s", _("Error: "), error);
	int w = f->r.x + f->r.w - value_x(f);
	int n = layout_wrap(msg, w > 8 ? w : 8, starts, lens, FORM_ERROR_ROWS);
	xfree(&msg);
	return n;
}

static int error_rows(const form *f, const char *error)
{
	size_t starts[FORM_ERROR_ROWS], lens[FORM_ERROR_ROWS];
	return error ? wrap_error(f, error, starts, lens) : 0;
}

static bool shows_hits(const form *f, int i)
{
	const field *fl = &f->v[i];
	return fl->kind == FK_ENTERPRISE && i == f->focus && !fl->ent_id && *prompt_raw(fl->ed);
}

void form_recalc(form *f, ui_rect r)
{
	f->r = r;
	f->nrows = 0;
	int lw = 0;
	for (int i = 0; i < f->n; i++) {
		int w = text_width(f->v[i].label) + (f->v[i].required ? 1 : 0);
		if (w > lw)
			lw = w;
	}
	if (lw > r.w / FORM_LABEL_MAX_DIV)
		lw = r.w / FORM_LABEL_MAX_DIV;
	f->label_w = lw;
	add_row(f, ROW_TITLE, -1, 0);
	int focus_first = 0, focus_last = 0;
	for (int i = 0; i < f->n; i++) {
		field *fl = &f->v[i];
		int first = f->nrows;
		for (int k = 0; k < (fl->kind == FK_LINES ? fl->rows : 1); k++)
			add_row(f, ROW_FIELD, i, k);
		if (fl->kind == FK_CHOICE && fl->open) {
			int n = fl->nopts < FORM_PICK_ROWS ? fl->nopts : FORM_PICK_ROWS;
			if (fl->pick < fl->pick_top)
				fl->pick_top = fl->pick;
			if (fl->pick >= fl->pick_top + n)
				fl->pick_top = fl->pick - n + 1;
			for (int k = 0; k < n; k++)
				add_row(f, ROW_PICK, i, fl->pick_top + k);
		}
		if (shows_hits(f, i)) {
			fetch_hits(f, fl);
			for (int k = 0; k < (fl->nhits ? fl->nhits : 1); k++)
				add_row(f, ROW_HIT, i, k);
		}
		for (int k = 0; k < error_rows(f, fl->error); k++)
			add_row(f, ROW_ERROR, i, k);
		if (i == f->focus) {
			focus_first = first;
			focus_last = f->nrows - 1;
		}
	}
	add_row(f, ROW_BLANK, -1, 0);
	int form_errors = f->nrows;
	for (int k = 0; k < error_rows(f, f->error); k++)
		add_row(f, ROW_ERROR, -1, k);
	add_row(f, ROW_BUTTONS, -1, 0);
	if (f->focus == f->n) {
		focus_first = form_errors;
		focus_last = f->nrows - 1;
	}
	/* the title stays on the first row; the rest scrolls under it */
	int body = r.h - 1;
	if (body < 1)
		body = 1;
	if (focus_last - f->top >= body)
		f->top = focus_last - body + 1;
	if (focus_first - f->top < 1)
		f->top = focus_first - 1;
	if (f->top > f->nrows - 1 - body)
		f->top = f->nrows - 1 - body;
	if (f->top < 0)
		f->top = 0;
}

/* x where values start: two cells of focus marker, the label, one space */
static int value_x(const form *f)
{
	return f->r.x + 2 + f->label_w + 1;
}

/* a bracketed text field: "[" editor "]"; inner width from the limit when short */
static void draw_edit(form *f, field *fl, int y, bool focus, const char *text)
{
	int x = value_x(f), avail = f->r.x + f->r.w - x - 2;
	int inner = fl->max_chars > 0 && fl->max_chars <= 40 && fl->max_chars + 1 < avail ?
		fl->max_chars + 1 : avail;
	if (inner < 1)
		inner = 1;
	draw_text(y, x, 1, "[", TEXT_LEFT, STYLE_NORMAL);
	if (text) {
		draw_text(y, x + 1, inner, text, TEXT_LEFT, STYLE_NORMAL);
	} else {
		int cx;
		prompt_draw_field(fl->ed, y, x + 1, inner, STYLE_NORMAL, &cx);
		if (focus) {
			f->have_caret = true;
			f->caret_y = y;
			f->caret_x = cx;
		}
	}
	draw_text(y, x + 1 + inner, 1, "]", TEXT_LEFT, STYLE_NORMAL);
	int after = x + 2 + inner, rest = f->r.x + f->r.w - after;
	const char *hint = "";
	if (fl->kind == FK_DATE)
		hint = " YYYY-MM-DD";
	else if (fl->kind == FK_ENTERPRISE && fl->ent_id)
		hint = _(" (picked)");
	if (rest > 0)
		draw_text(y, after, rest, hint, TEXT_LEFT, STYLE_DIM);
}

static void draw_field_row(form *f, const frow *row, int y)
{
	field *fl = &f->v[row->field];
	bool focus = row->field == f->focus;
	int x = f->r.x;
	if (row->idx == 0) {
		draw_text(y, x, 2, focus ? ">" : "", TEXT_LEFT, focus ? STYLE_CURSOR : STYLE_NORMAL);
		char *label = xasprintf("%s%s", fl->label, fl->required ? "*" : "");
		draw_text(y, x + 2, f->label_w + 1, label, TEXT_LEFT, STYLE_NORMAL);
		xfree(&label);
	} else {
		draw_text(y, x, 2 + f->label_w + 1, "", TEXT_LEFT, STYLE_NORMAL);
	}
	int vx = value_x(f), vw = f->r.x + f->r.w - vx;
	switch (fl->kind) {
	case FK_CHOICE: case FK_YESNO: {
		const char *v = fl->kind == FK_YESNO ? (fl->yes ? _("yes") : _("no")) :
			fl->nopts ? fl->opts[fl->sel].label : "";
		draw_textf(y, vx, vw, TEXT_LEFT, focus ? STYLE_CURSOR : STYLE_NORMAL, "< %s >", v);
		break;
	}
	case FK_LINES: {
		/* keep the current line on screen */
		if (fl->cur < fl->top)
			fl->top = fl->cur;
		if (fl->cur >= fl->top + fl->rows)
			fl->top = fl->cur - fl->rows + 1;
		int line = fl->top + row->idx;
		if (line == fl->cur)
			draw_edit(f, fl, y, focus, NULL);
		else
			draw_edit(f, fl, y, false, line < fl->nlines ? fl->lines[line] : "");
		break;
	}
	default:
		draw_edit(f, fl, y, focus, NULL);
		break;
	}
}

static void draw_pick_row(form *f, const frow *row, int y)
{
	field *fl = &f->v[row->field];
	int vx = value_x(f);
	draw_text(y, f->r.x, vx - f->r.x, "", TEXT_LEFT, STYLE_NORMAL);
	bool on = row->idx == fl->pick;
	draw_textf(y, vx, f->r.x + f->r.w - vx, TEXT_LEFT, on ? STYLE_CURSOR : STYLE_NORMAL,
	           "%s %s", on ? ">" : " ", fl->opts[row->idx].label);
}

static void draw_hit_row(form *f, const frow *row, int y)
{
	field *fl = &f->v[row->field];
	int vx = value_x(f), vw = f->r.x + f->r.w - vx;
	draw_text(y, f->r.x, vx - f->r.x, "", TEXT_LEFT, STYLE_NORMAL);
	if (!fl->nhits) {
		draw_text(y, vx, vw, _("  no enterprise matches"), TEXT_LEFT, STYLE_DIM);
		return;
	}
	const ent_row *h = &fl->hits[row->idx];
	bool on = row->idx == fl->hit;
	/* name, then code and area when there is room */
	int tail = 1 + 18 + 1 + 12;
	strbuf b = STRBUF_INIT;
	sb_add(&b, on ? "> " : "  ");
	if (vw - 2 - tail >= 12) {
		text_fit_pad_sb(&b, h->name, vw - 2 - tail, TEXT_LEFT);
		sb_addf(&b, " %s ", h->uscc);
		sb_add(&b, h->area);
	} else {
		sb_add(&b, h->name);
	}
	draw_text(y, vx, vw, sb_str(&b), TEXT_LEFT, on ? STYLE_CURSOR : STYLE_NORMAL);
	sb_free(&b);
}

static void draw_buttons(form *f, int y)
{
	int x = value_x(f);
	draw_text(y, f->r.x, x - f->r.x, f->focus == f->n ? ">" : "", TEXT_LEFT,
	          f->focus == f->n ? STYLE_CURSOR : STYLE_NORMAL);
	for (int i = 0; i < f->nbuttons && x < f->r.x + f->r.w; i++) {
		bool on = f->focus == f->n && i == f->button;
		char *b = xasprintf(on ? ">[ %s ]" : " [ %s ]", f->buttons[i]);
		int w = text_width(b) + 1;
		if (w > f->r.x + f->r.w - x)
			w = f->r.x + f->r.w - x;
		draw_text(y, x, w, b, TEXT_LEFT, on ? STYLE_CURSOR : STYLE_NORMAL);
		x += w;
		xfree(&b);
	}
	if (x < f->r.x + f->r.w)
		draw_text(y, x, f->r.x + f->r.w - x, "", TEXT_LEFT, STYLE_NORMAL);
}

void form_repaint(form *f, ui_rect r)
{
	f->r = r;
	f->have_caret = false;
	if (r.h <= 0)
		return;
	/* "标题", and "(more below)" when rows are hidden, on the title row */
	int body = r.h - 1;
	bool more = f->top + body < f->nrows - 1;
	const char *marks = f->top > 0 && more ? _("(more above and below)") :
		f->top > 0 ? _("(more above)") : more ? _("(more below)") : "";
	int mw = text_width(marks);
	if (mw > r.w / 2)
		mw = 0;
	draw_text(r.y, r.x, r.w - mw, f->title, TEXT_LEFT, STYLE_HEADER);
	if (mw)
		draw_text(r.y, r.x + r.w - mw, mw, marks, TEXT_RIGHT, STYLE_DIM);
	for (int k = 0; k < body; k++) {
		int y = r.y + 1 + k, i = f->top + 1 + k;
		if (i >= f->nrows) {
			draw_text(y, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
			continue;
		}
		const frow *row = &f->rows[i];
		switch (row->kind) {
		case ROW_FIELD:
			draw_field_row(f, row, y);
			break;
		case ROW_PICK:
			draw_pick_row(f, row, y);
			break;
		case ROW_HIT:
			draw_hit_row(f, row, y);
			break;
		case ROW_ERROR: {
			int vx = value_x(f);
			size_t starts[FORM_ERROR_ROWS], lens[FORM_ERROR_ROWS];
			const char *error = row->field < 0 ? f->error : f->v[row->field].error;
			wrap_error(f, error, starts, lens);
			char *msg = xasprintf("%s%s", _("Error: "), error);
			char *piece = xstrndup(msg + starts[row->idx], lens[row->idx]);
			draw_text(y, r.x, vx - r.x, "", TEXT_LEFT, STYLE_NORMAL);
			draw_text(y, vx, r.x + r.w - vx, piece, TEXT_LEFT, STYLE_ERROR);
			xfree(&piece);
			xfree(&msg);
			break;
		}
		case ROW_BUTTONS:
			draw_buttons(f, y);
			break;
		default:
			draw_text(y, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
			break;
		}
	}
}

bool form_caret(const form *f, int *y, int *x)
{
	if (!f->have_caret || f->asking)
		return false;
	*y = f->caret_y;
	*x = f->caret_x;
	return true;
}

const char *form_hint(form *f)
{
	const field *fl = f->focus < f->n ? &f->v[f->focus] : NULL;
	const char *what;
	if (!fl)
		what = _("Enter presses the button, Left/Right choose one");
	else if (fl->kind == FK_CHOICE && fl->open)
		return _("Up/Down choose, Enter takes it, Esc closes the list");
	else if (fl->kind == FK_CHOICE)
		what = _("Left/Right change, Enter opens the list");
	else if (fl->kind == FK_YESNO)
		what = _("Left/Right or y/n change it");
	else if (fl->kind == FK_LINES)
		what = _("Enter starts a new line");
	else if (fl->kind == FK_ENTERPRISE && !fl->ent_id && fl->nhits)
		what = _("type a name, pinyin or code; Up/Down and Enter pick");
	else if (fl->kind == FK_ENTERPRISE && !fl->ent_id)
		what = _("type a name, pinyin or code");
	else
		what = _("Enter goes to the next field");
	xfree(&f->hint);
	f->hint = xasprintf(_("Tab/Shift-Tab next/previous field  %s  Esc leave"), what);
	return f->hint;
}
