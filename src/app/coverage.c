/* Coverage (app/coverage.h): one read of the store, the gaps by the model's rule, the
 * counts per area and lead unit, and the words of the list's cells. */
#include "app/coverage.h"

#include <stdlib.h>
#include <string.h>

#include "app/chunk.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/xalloc.h"

int app_coverage_visit_days(const app_ctx *ctx)
{
	return (int)cfg_int(ctx->cfg, SET_COVERAGE_VISIT_DAYS);
}

/* the tally named name in *v (added when new, with its own copy of the name; rows
 * come by area, not by unit, so a unit's is looked for among all) */
static coverage_tally *tally_of(coverage_tally **v, int *n, const char *name)
{
	for (int i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0)
			return &(*v)[i];
	*v = xrealloc(*v, sizeof **v * (size_t)(*n + 1));
	(*v)[*n] = (coverage_tally){ .name = xstrdup(name) };
	return &(*v)[(*n)++];
}

static void count(coverage_tally *t, unsigned gaps)
{
	t->enterprises++;
	if (gaps)
		t->with_gaps++;
	for (int g = 0; g < COV_GAP__COUNT; g++)
		if (gaps & COV_BIT(g))
			t->gap[g]++;
}

void app_coverage_filter(app_ctx *ctx, const app_coverage_pick *pick,
                         coverage_filter *f)
{
	*f = (coverage_filter){ .scope_area = app_scope_area(ctx), .area = pick->area,
		.unit = pick->unit,
		.gaps = pick->gap < COV_GAP__COUNT ? COV_BIT(pick->gap) : COV_ALL,
		.visit_cut = ctx->today - app_coverage_visit_days(ctx) };
}

void app_coverage_judge(const app_ctx *ctx, int visit_days, coverage_row *r)
{
	r->gaps = coverage_gaps(r->commissioner_id != 0, r->card_on, r->visit_on, ctx->today,
	                        visit_days);
}

/* the walk of the register: what to read, and where the rows go */
typedef struct cov_walk {
	app_ctx *ctx;
	coverage_filter f;
	unsigned want;         /* the pick's gaps */
	app_coverage *c;
	int cap;               /* of c->all */
	char **usccs;          /* app_coverage_usccs: the codes read */
	int nusccs, ucap;
} cov_walk;

/* a chunk of the register (app_chunk_read) after the last enterprise read */
static int cov_chunk(db *d, void *query, const void *last, long offset, int limit, void *out,
                     int *n, store_err *err)
{
	(void)offset;
	const cov_walk *w = query;
	const coverage_row *l = last;
	int rc = coverage_store_list_from(d, &w->f, l ? l->id : 0, false, limit, out, n, err);
	if (rc > 0) {
		/* enterprises are never deleted: the last one read is there */
		store_err_name(store_err_set(err, STORE_E_NO_ENTERPRISE_USCC), 0, l->uscc);
		return -1;
	}
	return rc;
}

static void cov_clear(void *rec)
{
	coverage_row_clear(rec);
}

/* one enterprise: its gaps, the counts, and kept when it has the pick's gap */
static int cov_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	cov_walk *w = arg;
	app_coverage *c = w->c;
	coverage_row *r = rec;
	app_coverage_judge(w->ctx, c->visit_days, r);
	c->nall++;
	count(tally_of(&c->areas, &c->nareas, r->area), r->gaps);
	count(tally_of(&c->units, &c->nunits, r->lead_unit), r->gaps);
	if (!(r->gaps & w->want))
		return 0;
	if (c->ngaps == w->cap)
		c->all = xrealloc(c->all, sizeof *c->all * (size_t)(w->cap = w->cap ? 2 * w->cap : 64));
	coverage_row *kept = &c->all[c->ngaps++];
	*kept = *r;
	/* moved: the walk's copy keeps what the next chunk starts after */
	*r = (coverage_row){ .id = kept->id, .uscc = xstrdup(kept->uscc) };
	return 0;
}

app_status app_coverage_read(app_ctx *ctx, const app_coverage_pick *pick, app_coverage *c,
                             strbuf *err)
{
	*c = (app_coverage){ .visit_days = app_coverage_visit_days(ctx) };
	cov_walk w = { .ctx = ctx, .c = c };
	app_coverage_filter(ctx, pick, &w.f);
	/* every enterprise: the counts are of all of them */
	w.want = w.f.gaps;
	w.f.gaps = 0;
	app_chunked ch = { cov_chunk, &w, sizeof(coverage_row), cov_clear, 0 };
	if (app_each_chunk(ctx, &ch, cov_row, &w, err) < 0) {
		app_coverage_free(c);
		return APP_BAD;
	}
	c->gaps = xcalloc((size_t)c->ngaps + 1, sizeof *c->gaps);
	for (int i = 0; i < c->ngaps; i++)
		c->gaps[i] = &c->all[i];
	return APP_OK;
}

app_status app_coverage_sum(app_ctx *ctx, const app_coverage_pick *pick, coverage_sum *s,
                            strbuf *err)
{
	coverage_filter f;
	app_coverage_filter(ctx, pick, &f);
	store_err se = { 0 };
	if (coverage_store_sum(app_db(ctx), &f, s, &se) < 0) {
		app_store_text(&se, err);
		return APP_BAD;
	}
	return APP_OK;
}

/* one listed enterprise's code kept */
static int uscc_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	cov_walk *w = arg;
	const coverage_row *r = rec;
	if (w->nusccs + 1 >= w->ucap)
		w->usccs = xrealloc(w->usccs, sizeof *w->usccs *
		                    (size_t)(w->ucap = w->ucap ? 2 * w->ucap : 64));
	w->usccs[w->nusccs++] = xstrdup(r->uscc);
	w->usccs[w->nusccs] = NULL;
	return 0;
}

app_status app_coverage_usccs(app_ctx *ctx, const app_coverage_pick *pick, char ***usccs,
                              int *n, strbuf *err)
{
	cov_walk w = { .ctx = ctx };
	app_coverage_filter(ctx, pick, &w.f);
	app_chunked ch = { cov_chunk, &w, sizeof(coverage_row), cov_clear, 0 };
	*usccs = NULL;
	*n = 0;
	if (app_each_chunk(ctx, &ch, uscc_row, &w, err) < 0) {
		for (int i = 0; i < w.nusccs; i++)
			free(w.usccs[i]);
		free(w.usccs);
		return APP_BAD;
	}
	*usccs = w.usccs;
	*n = w.nusccs;
	return APP_OK;
}

static void tallies_free(coverage_tally **v, int n)
{
	for (int i = 0; *v && i < n; i++)
		free((char *)(*v)[i].name);
	xfree(v);
}

void app_coverage_free(app_coverage *c)
{
	for (int i = 0; c->all && i < c->ngaps; i++)
		coverage_row_clear(&c->all[i]);
	xfree(&c->all);
	xfree(&c->gaps);
	tallies_free(&c->areas, c->nareas);
	tallies_free(&c->units, c->nunits);
	*c = (app_coverage){ 0 };
}

void app_coverage_gap_words(int visit_days, unsigned gaps, strbuf *out)
{
	const char *sep = "";
	if (gaps & COV_BIT(COV_GAP_COMMISSIONER)) {
		sb_addf(out, "%s%s", sep, _("no commissioner"));
		sep = _(", ");
	}
	if (gaps & COV_BIT(COV_GAP_CARD)) {
		sb_addf(out, "%s%s", sep, _("no card"));
		sep = _(", ");
	}
	if (gaps & COV_BIT(COV_GAP_VISIT)) {
		sb_add(out, sep);
		sb_addf(out, P_("no visit in %d day", "no visit in %d days", (unsigned long)visit_days),
		        visit_days);
	}
}

const app_column app_coverage_columns[COV_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[COV_COL_ENTERPRISE] = { "enterprise", N_("Enterprise"), COL_STR, 14, true, TEXT_LEFT,
		0 },
	[COV_COL_USCC] = { "uscc", N_("Credit code"), COL_STR, 18, false, TEXT_LEFT, 140 },
	[COV_COL_AREA] = { "area", N_("Area"), COL_STR, 12, false, TEXT_LEFT, 100 },
	[COV_COL_LEAD_UNIT] = { "lead_unit", N_("Lead unit"), COL_STR, 10, false, TEXT_LEFT,
		110 },
	[COV_COL_COMMISSIONER] = { "commissioner", N_("Commissioner"), COL_STR, 8, false,
		TEXT_LEFT, 0 },
	[COV_COL_CARD_ON] = { "card_on", N_("Card delivered"), COL_STR, 10, false, TEXT_LEFT,
		120 },
	[COV_COL_VISIT_ON] = { "visited_on", N_("Last visit"), COL_STR, 10, false, TEXT_LEFT,
		90 },
	[COV_COL_GAPS] = { "gaps", N_("Gaps"), COL_LIST, 32, false, TEXT_LEFT, 0 },
};

static void add_date(strbuf *out, qdate d)
{
	char day[11];
	if (d != DATE_NONE)
		sb_add(out, date_format(d, day));
}

void app_coverage_cell(int visit_days, const coverage_row *r, int col, app_cell_form form,
                       strbuf *out)
{
	switch ((app_coverage_col)col) {
	case COV_COL_ENTERPRISE: sb_add(out, r->name); break;
	case COV_COL_USCC: sb_add(out, r->uscc); break;
	case COV_COL_AREA: sb_add(out, r->area); break;
	case COV_COL_LEAD_UNIT: sb_add(out, r->lead_unit); break;
	case COV_COL_COMMISSIONER:
		sb_add(out, form == CELL_WORDS ? r->commissioner : r->commissioner_login);
		break;
	case COV_COL_CARD_ON: add_date(out, r->card_on); break;
	case COV_COL_VISIT_ON: add_date(out, r->visit_on); break;
	case COV_COL_GAPS:
		if (form == CELL_WORDS) {
			app_coverage_gap_words(visit_days, r->gaps, out);
			break;
		}
		for (int g = 0, first = 1; g < COV_GAP__COUNT; g++)
			if (r->gaps & COV_BIT(g)) {
				sb_addf(out, "%s%s", first ? "" : "|", coverage_gap_code((coverage_gap)g));
				first = 0;
			}
		break;
	case COV_COL__COUNT: break;
	}
}

#define TALLY_COLUMNS(key, header) { \
	[TALLY_COL_NAME] = { key, header, COL_STR, 0, false, TEXT_LEFT, 0 }, \
	[TALLY_COL_ENTERPRISES] = { "enterprises", N_("Enterprises"), COL_INT, 0, false, \
		TEXT_RIGHT, 0 }, \
	[TALLY_COL_WITH_GAPS] = { "with_gaps", N_("With gaps"), COL_INT, 0, false, TEXT_RIGHT, \
		0 }, \
	[TALLY_COL_COMMISSIONER] = { "no_commissioner", N_("No commissioner"), COL_INT, 0, \
		false, TEXT_RIGHT, 0 }, \
	[TALLY_COL_CARD] = { "no_card", N_("No card"), COL_INT, 0, false, TEXT_RIGHT, 0 }, \
	[TALLY_COL_VISIT] = { "no_visit", N_("No recent visit"), COL_INT, 0, false, TEXT_RIGHT, \
		0 }, \
}

const app_column app_coverage_area_columns[TALLY_COL__COUNT] =
	TALLY_COLUMNS("area", N_("Area"));
const app_column app_coverage_unit_columns[TALLY_COL__COUNT] =
	TALLY_COLUMNS("unit", N_("Lead unit"));

void app_coverage_tally_cell(const coverage_tally *t, int col, strbuf *out)
{
	switch ((app_tally_col)col) {
	case TALLY_COL_NAME: sb_add(out, t->name); break;
	case TALLY_COL_ENTERPRISES: sb_addf(out, "%d", t->enterprises); break;
	case TALLY_COL_WITH_GAPS: sb_addf(out, "%d", t->with_gaps); break;
	case TALLY_COL_COMMISSIONER: sb_addf(out, "%d", t->gap[COV_GAP_COMMISSIONER]); break;
	case TALLY_COL_CARD: sb_addf(out, "%d", t->gap[COV_GAP_CARD]); break;
	case TALLY_COL_VISIT: sb_addf(out, "%d", t->gap[COV_GAP_VISIT]); break;
	case TALLY_COL__COUNT: break;
	}
}
