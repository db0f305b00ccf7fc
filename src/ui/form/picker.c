/* The form's enterprise picker: a field where typing Chinese, pinyin or a USCC prefix
 * lists the matching enterprises under it, live from the store's search (an area
 * officer's area only), Up and Down choose and Enter takes one. A multi-picker keeps
 * what Enter took in a list under the field and starts the search afresh. */
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/draw.h"
#include "ui/form/private.h"

void form_picker_clear(field *fl)
{
	for (int i = 0; i < fl->nhits; i++)
		ent_record_clear(&fl->hits[i]);
	fl->nhits = 0;
}

void form_picker_free_picks(field *fl)
{
	for (int i = 0; i < fl->npicked; i++) {
		xfree(&fl->picked_names[i]);
		xfree(&fl->picked_codes[i]);
	}
	xfree(&fl->picked);
	xfree(&fl->picked_names);
	xfree(&fl->picked_codes);
	fl->npicked = 0;
}

int form_add_enterprises(form *f, const char *label, db *d, const char *scope_area,
                         bool required)
{
	int i = form_add_enterprise(f, label, d, scope_area, 0, NULL, required);
	f->v[i].multi = true;
	form_remember_initial(&f->v[i]);
	return i;
}

int form_enterprises(const form *f, int i, const int64_t **ids, const char *const **usccs)
{
	const field *fl = &f->v[i];
	if (ids)
		*ids = fl->picked;
	if (usccs)
		*usccs = (const char *const *)fl->picked_codes;
	return fl->npicked;
}

/* a multi-picker's new pick, once */
static void add_pick(field *fl, const ent_record *h)
{
	for (int i = 0; i < fl->npicked; i++)
		if (fl->picked[i] == h->id)
			return;
	size_t n = (size_t)fl->npicked + 1;
	fl->picked = xrealloc(fl->picked, n * sizeof *fl->picked);
	fl->picked_names = xrealloc(fl->picked_names, n * sizeof *fl->picked_names);
	fl->picked_codes = xrealloc(fl->picked_codes, n * sizeof *fl->picked_codes);
	fl->picked[fl->npicked] = h->id;
	fl->picked_names[fl->npicked] = xstrdup(h->name);
	fl->picked_codes[fl->npicked] = xstrdup(h->uscc);
	fl->npicked++;
}

bool form_picker_unpick(field *fl, qkey k)
{
	if (!fl->multi || fl->npicked == 0 || *prompt_raw(fl->ed) ||
	    (k != QK_BACKSPACE && k != 127 && k != 8))
		return false;
	fl->npicked--;
	xfree(&fl->picked_names[fl->npicked]);
	xfree(&fl->picked_codes[fl->npicked]);
	return true;
}

void form_picker_draw_picked(form *f, const frow *row, int y)
{
	field *fl = &f->v[row->field];
	int vx = form_value_x(f), vw = f->r.x + f->r.w - vx;
	draw_text(y, f->r.x, vx - f->r.x, "", TEXT_LEFT, STYLE_NORMAL);
	strbuf b = STRBUF_INIT;
	sb_addf(&b, "%d. ", row->idx + 1);
	int tail = 1 + 18;
	if (vw - text_width(sb_str(&b)) - tail >= 12) {
		text_fit_pad_sb(&b, fl->picked_names[row->idx], vw - text_width(sb_str(&b)) - tail,
		                TEXT_LEFT);
		sb_addf(&b, " %s", fl->picked_codes[row->idx]);
	} else {
		sb_add(&b, fl->picked_names[row->idx]);
	}
	draw_text(y, vx, vw, sb_str(&b), TEXT_LEFT, STYLE_NORMAL);
	sb_free(&b);
}

int form_add_enterprise(form *f, const char *label, db *d, const char *scope_area, int64_t id,
                        const char *name, bool required)
{
	field *fl = form_add_field(f, FK_ENTERPRISE, label, required);
	f->d = d;
	xfree(&f->scope_area);
	f->scope_area = scope_area ? xstrdup(scope_area) : NULL;
	fl->max_chars = 100;
	fl->ed = prompt_new("", id ? name : "");
	prompt_set_limit(fl->ed, 100);
	fl->ent_id = id;
	fl->hits_for = xstrdup(prompt_raw(fl->ed));
	form_remember_initial(fl);
	return f->n - 1;
}

/* the picker's live list for the text typed so far, from the store's search */
void form_picker_fetch(form *f, field *fl)
{
	const char *text = prompt_raw(fl->ed);
	if (fl->hits_for && strcmp(fl->hits_for, text) == 0)
		return;
	form_picker_clear(fl);
	xfree(&fl->hits_for);
	fl->hits_for = xstrdup(text);
	fl->hit = 0;
	char *q = text_trim(text);
	if (*q && f->d) {
		ent_filter flt = { 0 };
		flt.search = q;
		flt.scope_area = f->scope_area;
		store_err err = { 0 };
		int n = 0;
		shell_store_rc(f->sh, ent_store_window(f->d, &flt, ENT_SORT_NAME, false, 0,
		                                       FORM_HIT_ROWS, fl->hits, &n, &err), &err);
		fl->nhits = n > 0 ? n : 0;
	}
	xfree(&q);
}

bool form_picker_shows(const form *f, int i)
{
	const field *fl = &f->v[i];
	return fl->kind == FK_ENTERPRISE && i == f->focus && !fl->ent_id && *prompt_raw(fl->ed);
}

void form_picker_draw(form *f, const frow *row, int y)
{
	field *fl = &f->v[row->field];
	int vx = form_value_x(f), vw = f->r.x + f->r.w - vx;
	draw_text(y, f->r.x, vx - f->r.x, "", TEXT_LEFT, STYLE_NORMAL);
	if (!fl->nhits) {
		draw_text(y, vx, vw, _("  no enterprise matches"), TEXT_LEFT, STYLE_DIM);
		return;
	}
	const ent_record *h = &fl->hits[row->idx];
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

bool form_picker_step(field *fl, int dir)
{
	if (fl->kind != FK_ENTERPRISE || fl->ent_id || fl->nhits <= 0)
		return false;
	int to = fl->hit + dir;
	if (to < 0 || to >= fl->nhits)
		return false;
	fl->hit = to;
	return true;
}

bool form_picker_take(form *f, field *fl)
{
	/* the list on screen may lag a burst of typing: match what is typed now */
	form_picker_fetch(f, fl);
	if (fl->ent_id || fl->hit >= fl->nhits)
		return false;
	const ent_record *h = &fl->hits[fl->hit];
	if (fl->multi) {
		add_pick(fl, h);
		prompt_set(fl->ed, "", 0);
		form_picker_clear(fl);
		xfree(&fl->hits_for);
		fl->hits_for = xstrdup("");
		fl->hit = 0;
		xfree(&fl->error);
		return true;
	}
	fl->ent_id = h->id;
	prompt_set(fl->ed, h->name, strlen(h->name));
	xfree(&fl->hits_for);
	fl->hits_for = xstrdup(h->name);
	xfree(&fl->error);
	return true;
}

void form_picker_typed(field *fl)
{
	/* typing after a pick starts a new search */
	fl->ent_id = 0;
	fl->hit = 0;
}
