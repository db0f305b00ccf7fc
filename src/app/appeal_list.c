/* The appeal queue's columns and cells (app/appeal_list.h): the Appeals pane draws the
 * columns with a width, qifu appeal list prints those with a key, and both take every
 * cell's text from app_appeal_cell, so the two faces cannot word a row differently. */
#include "app/appeal_list.h"

#include <stdio.h>

#include "app/appeal.h"
#include "app/chunk.h"
#include "core/i18n.h"
#include "model/escalation.h"

/* The screen at 80 columns keeps number, enterprise, title, state and deadline; unit
 * joins from 100, kind from 120 (UX.md: more columns from 100). The command line
 * prints every column with a key, in this order, in all three formats. */
const app_column app_appeal_columns[APPEAL_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[APPEAL_COL_NUMBER] = { "number", N_("Number"), COL_STR, 11, false, TEXT_LEFT, 0 },
	[APPEAL_COL_USCC] = { "enterprise", N_("USCC"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[APPEAL_COL_ENTERPRISE] = { "enterprise_name", N_("Enterprise"), COL_STR, 16, false,
		TEXT_LEFT, 0 },
	[APPEAL_COL_TITLE] = { "title", N_("Title"), COL_STR, 12, true, TEXT_LEFT, 0 },
	[APPEAL_COL_KIND] = { "kind", N_("Kind"), COL_STR, 8, false, TEXT_LEFT, 120 },
	[APPEAL_COL_UNIT] = { "unit", N_("Unit"), COL_STR, 12, false, TEXT_LEFT, 100 },
	[APPEAL_COL_STATE] = { "state", N_("State"), COL_STR, 8, false, TEXT_LEFT, 0 },
	/* the screen says light and days in one cell; the machine output keeps them
	 * apart (light, due_text) beside the date */
	[APPEAL_COL_DEADLINE] = { NULL, N_("Deadline"), COL_STR, 20, false, TEXT_LEFT, 0 },
	[APPEAL_COL_DUE] = { "next_due", N_("Due"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[APPEAL_COL_LIGHT] = { "light", N_("Light"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[APPEAL_COL_DUE_TEXT] = { "due_text", N_("Working days"), COL_STR, 0, false, TEXT_LEFT,
		0 },
	[APPEAL_COL_VERSION] = { "version", N_("Version"), COL_INT, 0, false, TEXT_LEFT, 0 },
	[APPEAL_COL_LEVEL] = { "level", N_("Level"), COL_INT, 0, false, TEXT_LEFT, 0 },
	[APPEAL_COL_SUGGEST] = { "suggest_escalation", N_("suggest escalation"), COL_BOOL, 0,
		false, TEXT_LEFT, 0 },
	[APPEAL_COL_CHANNEL] = { "channel", N_("Channel"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[APPEAL_COL_EXTERNAL_NO] = { "external_no", N_("Work order"), COL_STR, 0, false,
		TEXT_LEFT, 0 },
};

ticket_light_t app_appeal_row_light(app_ctx *ctx, const appeal_row *r, int *days)
{
	*days = 0;
	if (r->next_due == DATE_NONE)
		return TICKET_LIGHT_NONE;
	ticket_params tp = app_ticket_params(ctx);
	return ticket_light(r->next_due, ctx->today, app_calendar(ctx), tp.yellow_days, days);
}

void app_appeal_cell(app_ctx *ctx, const appeal_row *r, int col, app_cell_form form,
                     strbuf *out)
{
	bool words = form == CELL_WORDS;
	int days;
	ticket_light_t l;
	char date[16];
	const char *s = NULL; /* the cell, when it is a string of r or a word */
	switch ((enum app_appeal_col)col) {
	case APPEAL_COL_NUMBER: s = r->number; break;
	case APPEAL_COL_USCC: s = r->uscc; break;
	case APPEAL_COL_ENTERPRISE: s = r->enterprise_name; break;
	case APPEAL_COL_TITLE: s = r->title; break;
	case APPEAL_COL_KIND:
		s = words ? _(ticket_kind_label(r->kind)) : ticket_kind_code(r->kind);
		break;
	case APPEAL_COL_UNIT: s = r->lead_unit ? r->lead_unit : r->first_unit; break;
	case APPEAL_COL_STATE:
		s = words ? _(ticket_state_label(r->state)) : ticket_state_code(r->state);
		break;
	case APPEAL_COL_DEADLINE:
		l = app_appeal_row_light(ctx, r, &days);
		app_light_text(l, days, out);
		break;
	case APPEAL_COL_DUE:
		if (r->next_due != DATE_NONE)
			s = date_format(r->next_due, date);
		break;
	case APPEAL_COL_LIGHT:
		/* no light has no word either (the code is "") */
		l = app_appeal_row_light(ctx, r, &days);
		if (l != TICKET_LIGHT_NONE)
			s = words ? _(ticket_light_label(l)) : ticket_light_code(l);
		break;
	case APPEAL_COL_DUE_TEXT:
		l = app_appeal_row_light(ctx, r, &days);
		ticket_due_text(l, days, out);
		break;
	case APPEAL_COL_VERSION: sb_addf(out, "%d", r->version); break;
	case APPEAL_COL_LEVEL:
		if (r->level && words)
			s = _(escalation_level_short(r->level));
		else if (r->level)
			sb_addf(out, "%d", r->level);
		break;
	case APPEAL_COL_SUGGEST:
		s = app_appeal_suggested(ctx, r->handle_due, r->level) ? "1" : "0";
		break;
	case APPEAL_COL_CHANNEL:
		s = words ? _(appeal_channel_label(r->channel)) : appeal_channel_code(r->channel);
		break;
	case APPEAL_COL_EXTERNAL_NO: s = r->external_no; break;
	case APPEAL_COL__COUNT: break;
	}
	if (s)
		sb_add(out, s);
}

typedef struct appeal_chunks {
	const appeal_filter *f;
	appeal_sort sort;
	bool desc;
} appeal_chunks;

static int appeal_chunk_read(db *d, void *query, const void *last, long offset, int limit,
                             void *out, int *n, store_err *err)
{
	(void)offset;
	const appeal_chunks *q = query;
	return appeal_store_window_after(d, q->f, q->sort, q->desc, last, limit, out, n, err);
}

static void appeal_chunk_clear(void *rec)
{
	appeal_row_clear(rec);
}

typedef struct appeal_each_state {
	int (*row)(appeal_row *r, void *arg, strbuf *err);
	void *arg;
} appeal_each_state;

static int appeal_each_row(void *rec, void *arg, strbuf *err)
{
	appeal_each_state *st = arg;
	return st->row(rec, st->arg, err);
}

int app_appeal_each(app_ctx *ctx, const appeal_filter *f, appeal_sort sort, bool desc,
                    int (*row)(appeal_row *r, void *arg, strbuf *err), void *arg,
                    strbuf *err)
{
	appeal_chunks q = { f, sort, desc };
	app_chunked c = { appeal_chunk_read, &q, sizeof(appeal_row), appeal_chunk_clear, 0 };
	appeal_each_state st = { row, arg };
	return app_each_chunk(ctx, &c, appeal_each_row, &st, err);
}
