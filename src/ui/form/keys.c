/* What a key does to a form: the focus moves with Tab and the arrows, Enter takes,
 * opens or goes on, the F-keys keep their meaning while letters and digits are text,
 * Esc leaves (asking first when something changed), and button 0 is pressed only when
 * the required fields and dates pass the form's own checks. */
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/form/private.h"

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
		if (fl->kind == FK_ENTERPRISE && fl->multi) {
			if (fl->required && !fl->npicked)
				msg = *t ? _("pick an enterprise from the list with Enter")
				         : _("this field is required");
		} else if (fl->kind == FK_ENTERPRISE && fl->required && !fl->ent_id)
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
		if (form_lines_used_elsewhere(fl) + (int)text_chars(s) + 1 > fl->max_chars)
			return true;
		char *head = xstrndup(s, caret), *tail = xstrdup(s + caret);
		prompt_set(fl->ed, head, caret);
		fl->lines = xrealloc(fl->lines, (size_t)(fl->nlines + 1) * sizeof *fl->lines);
		memmove(fl->lines + fl->cur + 2, fl->lines + fl->cur + 1,
		        (size_t)(fl->nlines - fl->cur - 1) * sizeof *fl->lines);
		fl->lines[fl->cur + 1] = tail;
		fl->nlines++;
		form_lines_goto(fl, fl->cur + 1, 0);
		xfree(&head);
		return true;
	}
	bool join_prev = k == QK_BACKSPACE && caret == 0 && fl->cur > 0;
	bool join_next = k == QK_DELETE && s[caret] == '\0' && fl->cur < fl->nlines - 1;
	if (!join_prev && !join_next)
		return false;
	int keep = join_prev ? fl->cur - 1 : fl->cur;
	if (join_prev)
		form_lines_goto(fl, keep, strlen(fl->lines[keep]));
	size_t at = prompt_caret(fl->ed);
	char *joined = xasprintf("%s%s", prompt_raw(fl->ed), fl->lines[keep + 1]);
	xfree(&fl->lines[keep + 1]);
	memmove(fl->lines + keep + 1, fl->lines + keep + 2,
	        (size_t)(fl->nlines - keep - 2) * sizeof *fl->lines);
	fl->nlines--;
	prompt_set(fl->ed, joined, at);
	prompt_set_limit(fl->ed, fl->max_chars - form_lines_used_elsewhere(fl));
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
			form_lines_goto(fl, to, caret);
			return FORM_EDITING;
		}
	}
	if (fl && form_picker_step(fl, dir))
		return FORM_EDITING;
	form_move_focus(f, dir, false);
	return FORM_EDITING;
}

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
		if (form_picker_take(f, fl))
			return FORM_EDITING;
		break;
	default:
		break;
	}
	form_move_focus(f, 1, false);
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
	if (fl->kind == FK_ENTERPRISE && form_picker_unpick(fl, k))
		return FORM_EDITING;
	char *before = fl->kind == FK_ENTERPRISE ? xstrdup(prompt_raw(fl->ed)) : NULL;
	prompt_key(fl->ed, k);
	if (before && strcmp(before, prompt_raw(fl->ed)) != 0)
		form_picker_typed(fl);
	xfree(&before);
	return FORM_EDITING;
}

static form_state key_in(form *f, const pane_event *ev);

form_state form_key(form *f, const pane_event *ev)
{
	/* an error stays until its field is changed or the form is submitted again */
	field *fl = form_focused(f);
	char *before = fl && fl->error ? form_field_value(fl) : NULL;
	form_state st = key_in(f, ev);
	if (before) {
		char *after = form_field_value(fl);
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
	field *fl = form_focused(f);
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
		form_move_focus(f, 1, true);
		return FORM_EDITING;
	case QK_BTAB:
		form_move_focus(f, -1, true);
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
	else if (fl->kind == FK_ENTERPRISE && fl->multi && fl->nhits)
		what = _("type a name, pinyin or code; Up/Down and Enter add it");
	else if (fl->kind == FK_ENTERPRISE && fl->multi && fl->npicked)
		what = _("type to add another; Backspace in the empty field takes the last off");
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
