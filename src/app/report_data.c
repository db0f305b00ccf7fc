/* Report rows shared by the CLI reports and the TUI's report views: the supervision
 * counts sorted into the units' order, and the quarter's per-unit aggregation over
 * every unit that serves enterprises. */
#include "app/report_data.h"

#include "app/chunk.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/unit.h"
#include "store/outreach_store.h"
#include "store/rating_store.h"
#include "store/supervision_store.h"
#include "store/whistle_store.h"

/* position of a unit in data/units.tsv; units no longer listed go last */
static int unit_rank(const unit_table *t, const char *name)
{
	const unit_def *u = units_find(t, name);
	return u ? (int)(u - t->v) : t->n;
}

/* rows (by unit name from the store) into the order of data/units.tsv; an insertion
 * sort, as a zone has a few dozen units and qsort has no context for the table */
static void sort_by_units(supervision_counts *rows, int n, const unit_table *t)
{
	for (int i = 1; i < n; i++) {
		supervision_counts r = rows[i];
		int rank = unit_rank(t, r.unit), j = i;
		for (; j > 0 && unit_rank(t, rows[j - 1].unit) > rank; j--)
			rows[j] = rows[j - 1];
		rows[j] = r;
	}
}

/* the period's dispatches counted a chunk at a time (app/chunk.h): what a chunk
 * hands on is the keys of the dispatches it counted */
typedef struct sup_chunks {
	qdate from, to;
	const calendar *cal;
	int dispatch_days;
	supervision_counts **rows;
	int *n;
} sup_chunks;

static int sup_chunk_read(db *d, void *query, const void *last, long offset, int limit,
                          void *out, int *n, store_err *err)
{
	(void)offset;
	sup_chunks *q = query;
	return sup_store_count_dispatches(d, q->from, q->to, q->cal, q->dispatch_days, last, limit,
	                                  out, n, q->rows, q->n, err);
}

static void sup_key_clear(void *rec)
{
	(void)rec;
}

static int sup_counted(void *rec, void *arg, strbuf *err)
{
	(void)rec, (void)arg, (void)err;
	return 0;
}

int report_units_rows(app_ctx *ctx, qdate from, qdate to, supervision_counts **rows, int *n,
		strbuf *err)
{
	*rows = NULL;
	*n = 0;
	store_err se = { 0 };
	sup_chunks q = { from, to, app_calendar(ctx), app_ticket_params(ctx).dispatch_days, rows,
		n };
	app_chunked c = { sup_chunk_read, &q, sizeof(sup_key), sup_key_clear, 0 };
	if (app_each_chunk(ctx, &c, sup_counted, NULL, err) < 0)
		return -1;
	if (sup_store_count_overdue(app_db(ctx), ctx->today, rows, n, &se) < 0)
		return app_store_rc(-1, &se, err);
	/* a count beyond its whole is a broken query or database, not a figure to print */
	for (int i = 0; i < *n; i++)
		if (supervision_counts_check(&(*rows)[i], err) < 0)
			return -1;
	sort_by_units(*rows, *n, app_units(ctx));
	return 0;
}

int report_whistle_rows(app_ctx *ctx, qdate from, qdate to, whistle_counts **rows, int *n,
		strbuf *err)
{
	store_err se = { 0 };
	if (whistle_store_counts(app_db(ctx), from, to, ctx->today, rows, n, &se) < 0)
		return app_store_rc(-1, &se, err);
	const unit_table *t = app_units(ctx);
	for (int i = 0; i < *n; i++) {
		const whistle_counts *c = &(*rows)[i];
		if (c->reported + c->late + c->overdue > c->whistles || c->appeals > c->whistles) {
			sb_addf(err, _("the whistle counts of %s do not add up"), c->login);
			whistle_counts_free(rows, *n);
			*n = 0;
			return -1;
		}
	}
	/* the store sorts by unit name; the report reads in units.tsv order */
	for (int i = 1; i < *n; i++) {
		whistle_counts r = (*rows)[i];
		int rank = unit_rank(t, r.unit), j = i;
		for (; j > 0 && unit_rank(t, (*rows)[j - 1].unit) > rank; j--)
			(*rows)[j] = (*rows)[j - 1];
		(*rows)[j] = r;
	}
	return 0;
}

typedef struct quarter_state {
	assessment_unit *rows;
	int n;
	assessment_tiers tiers;
	const unit_table *units;
} quarter_state;

static int find_row(quarter_state *st, const char *unit)
{
	for (int i = 0; i < st->n; i++)
		if (strcmp(st->rows[i].unit, unit) == 0)
			return i;
	st->rows = xrealloc(st->rows, sizeof *st->rows * (size_t)(st->n + 1));
	const unit_def *u = units_find(st->units, unit);
	assessment_unit_stats(u ? u->name : xstrdup(unit), 0, 0, &st->tiers, &st->rows[st->n]);
	return st->n++;
}

static void add_sum(const char *unit, long sum, int count, void *arg)
{
	quarter_state *st = arg;
	int i = find_row(st, unit);
	assessment_unit_stats(st->rows[i].unit, sum, count, &st->tiers, &st->rows[i]);
}

int report_quarter_rows(app_ctx *ctx, assessment_quarter q, assessment_unit **rows, int *n,
		int *frozen, strbuf *err)
{
	quarter_state st = { NULL, 0, app_assessment_tiers(ctx), app_units(ctx) };
	/* every unit that serves enterprises has a row, rated or not */
	for (int i = 0; i < st.units->n; i++) {
		unit_kind k = st.units->v[i].kind;
		if (k == UNIT_DEPT || k == UNIT_AREA || k == UNIT_CENTRE)
			find_row(&st, st.units->v[i].name);
	}
	*rows = NULL;
	*n = 0;
	store_err se = { 0 };
	if (rating_store_sums(app_db(ctx), q, add_sum, &st, &se) < 0) {
		report_quarter_rows_free(ctx, &st.rows, st.n);
		return app_store_rc(-1, &se, err);
	}
	*frozen = rating_store_frozen(app_db(ctx), q, &se);
	app_store_text(&se, err);
	*rows = st.rows;
	*n = st.n;
	return 0;
}

void report_quarter_rows_free(app_ctx *ctx, assessment_unit **rows, int n)
{
	const unit_table *units = app_units(ctx);
	/* names of units no longer listed were copied by find_row */
	for (int i = 0; i < n; i++)
		if (!units_find(units, (*rows)[i].unit))
			free((char *)(*rows)[i].unit);
	xfree(rows);
}

int report_outreach_rows(app_ctx *ctx, qdate from, qdate to, outreach_quarter_count **rows,
		int *n, strbuf *err)
{
	store_err se = { 0 };
	if (outreach_store_quarter_counts(app_db(ctx), from, to, rows, n, &se) < 0)
		return app_store_rc(-1, &se, err);
	/* the store's rows come by unit name, then quarter: a stable insertion sort by the
	 * units' order keeps the quarters in order within a unit */
	const unit_table *t = app_units(ctx);
	for (int i = 1; i < *n; i++) {
		outreach_quarter_count r = (*rows)[i];
		int rank = unit_rank(t, r.unit), j = i;
		for (; j > 0 && unit_rank(t, (*rows)[j - 1].unit) > rank; j--)
			(*rows)[j] = (*rows)[j - 1];
		(*rows)[j] = r;
	}
	return 0;
}
