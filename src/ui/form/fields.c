/* The form widget: building a form (its fields, buttons and modes) and reading it
 * back (values, whether anything changed, errors under the fields). Each text-like
 * field owns one line editor from ui/prompt.c (a multi-line field moves its editor from
 * line to line), so typing, Backspace in all its spellings, C-u, C-w and the caret
 * behave exactly as in the status-line prompt. */
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/form/private.h"

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
		xfree(&fl->note);
		prompt_free(&fl->ed);
		free_lines(fl);
		for (int k = 0; k < fl->nopts; k++) {
			xfree(&fl->opts[k].value);
			xfree(&fl->opts[k].label);
		}
		xfree(&fl->opts);
		form_picker_clear(fl);
		form_picker_free_picks(fl);
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

field *form_add_field(form *f, form_kind kind, const char *label, bool required)
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
char *form_field_value(const field *fl)
{
	switch (fl->kind) {
	case FK_LINES:
		return lines_joined(fl);
	case FK_CHOICE:
		return xstrdup(fl->nopts ? fl->opts[fl->sel].value : "");
	case FK_YESNO:
		return xstrdup(fl->yes ? "1" : "0");
	case FK_ENTERPRISE: {
		if (!fl->multi)
			return xasprintf("%lld", (long long)fl->ent_id);
		strbuf b = STRBUF_INIT;
		for (int i = 0; i < fl->npicked; i++)
			sb_addf(&b, "%lld,", (long long)fl->picked[i]);
		return sb_steal(&b);
	}
	case FK_NOTE:
		return xstrdup(fl->note);
	default:
		return xstrdup(prompt_raw(fl->ed));
	}
}

void form_remember_initial(field *fl)
{
	xfree(&fl->initial);
	fl->initial = form_field_value(fl);
}

int form_add_text(form *f, const char *label, const char *value, int max_chars, bool required)
{
	field *fl = form_add_field(f, FK_TEXT, label, required);
	fl->max_chars = max_chars;
	fl->ed = prompt_new("", value);
	prompt_set_limit(fl->ed, max_chars);
	form_remember_initial(fl);
	return f->n - 1;
}

/* the characters the other lines and the line breaks already use */
int form_lines_used_elsewhere(const field *fl)
{
	int used = fl->nlines - 1;
	for (int i = 0; i < fl->nlines; i++)
		if (i != fl->cur)
			used += (int)text_chars(fl->lines[i]);
	return used;
}

/* move the one editor to line i, caret at byte offset caret of that line */
void form_lines_goto(field *fl, int i, size_t caret)
{
	xfree(&fl->lines[fl->cur]);
	fl->lines[fl->cur] = xstrdup(prompt_raw(fl->ed));
	fl->cur = i;
	prompt_set(fl->ed, fl->lines[i], caret);
	int left = fl->max_chars - form_lines_used_elsewhere(fl);
	prompt_set_limit(fl->ed, left > 0 ? left : 1);
}

int form_add_lines(form *f, const char *label, const char *value, int max_chars, int rows,
                   bool required)
{
	field *fl = form_add_field(f, FK_LINES, label, required);
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
	form_lines_goto(fl, 0, 0);
	form_remember_initial(fl);
	return f->n - 1;
}

int form_add_choice(form *f, const char *label, const form_option *opts, int n,
                    const char *value, bool required)
{
	field *fl = form_add_field(f, FK_CHOICE, label, required);
	fl->opts = xcalloc((size_t)(n > 0 ? n : 1), sizeof *fl->opts);
	for (int i = 0; i < n; i++) {
		fl->opts[i].value = xstrdup(opts[i].value);
		fl->opts[i].label = xstrdup(opts[i].label);
		if (value && fl->sel == 0 && strcmp(opts[i].value, value) == 0)
			fl->sel = i;
	}
	fl->nopts = n;
	form_remember_initial(fl);
	return f->n - 1;
}

int form_add_note(form *f, const char *label, const char *text)
{
	field *fl = form_add_field(f, FK_NOTE, label, false);
	fl->note = xstrdup(text ? text : "");
	form_remember_initial(fl);
	/* the focus starts on the first field a person can change */
	if (f->focus == f->n - 1)
		f->focus = f->n;
	return f->n - 1;
}

int form_add_yesno(form *f, const char *label, bool value)
{
	field *fl = form_add_field(f, FK_YESNO, label, false);
	fl->yes = value;
	form_remember_initial(fl);
	return f->n - 1;
}

int form_add_date(form *f, const char *label, qdate value, bool required)
{
	char buf[16] = "";
	if (value != DATE_NONE)
		date_format(value, buf);
	field *fl = form_add_field(f, FK_DATE, label, required);
	fl->max_chars = 10;
	fl->ed = prompt_new("", buf);
	prompt_set_limit(fl->ed, 10);
	form_remember_initial(fl);
	return f->n - 1;
}

int form_button(const form *f)
{
	return f->button;
}

field *form_focused(form *f)
{
	return f->focus < f->n ? &f->v[f->focus] : NULL;
}

void form_focus(form *f, int i)
{
	field *fl = form_focused(f);
	if (fl)
		fl->open = false;
	f->focus = i < 0 ? 0 : i > f->n ? f->n : i;
}

/* Tab and Shift-Tab go round; the arrows stop at the ends */
void form_move_focus(form *f, int dir, bool wrap)
{
	int to = f->focus;
	do {
		to += dir;
		if (wrap)
			to = (to + f->n + 1) % (f->n + 1);
		if (to < 0 || to > f->n)
			return;
	} while (to < f->n && f->v[to].kind == FK_NOTE && to != f->focus);
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
		char *now = form_field_value(&f->v[i]);
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
