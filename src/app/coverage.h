/* Coverage (全面覆盖、职责到人), once for both faces: the enterprises the actor sees
 * (an area officer their area) with their gaps (no commissioner, no contact card
 * delivered, no visit within [coverage] visit_days; model/coverage.h decides), the
 * counts per area and per lead unit, and the list's columns and words, which qifu
 * coverage and the Enterprises tab's coverage list both read. */
#ifndef QIFU_APP_COVERAGE_H
#define QIFU_APP_COVERAGE_H
#include <stdbool.h>

#include "app/app.h"
#include "app/column.h"
#include "model/coverage.h"
#include "store/coverage_store.h"

/* the visit window of the settings, in natural days */
int app_coverage_visit_days(const app_ctx *ctx);

/* what to list: an area, a lead unit (NULL: any) and one gap (COV_GAP__COUNT: any) */
typedef struct app_coverage_pick {
	const char *area, *unit;
	coverage_gap gap;
} app_coverage_pick;

/* the counts of one area or lead unit */
typedef struct coverage_tally {
	const char *name;          /* the area's or unit's (owned) */
	int enterprises, with_gaps;
	int gap[COV_GAP__COUNT];
} coverage_tally;

typedef struct app_coverage {
	int nall;                  /* the enterprises of the pick in sight */
	coverage_row *all;         /* those with the pick's gap (any), gaps filled: ngaps */
	coverage_row **gaps;       /* pointers to them, in order */
	int ngaps;
	coverage_tally *areas, *units;
	int nareas, nunits;
	int visit_days;
} app_coverage;

/* read the coverage of pick as the actor sees it, the register a chunk at a time by
 * key (app/chunk.h: each chunk its own short read, no read held between them), keeping
 * only the enterprises with the pick's gap: APP_OK, or APP_BAD with the store's words
 * in err */
app_status app_coverage_read(app_ctx *ctx, const app_coverage_pick *pick, app_coverage *c,
                             strbuf *err);
void app_coverage_free(app_coverage *c);

/* the store's filter of pick as the actor sees it today: the enterprises with the
 * pick's gap (any gap) */
void app_coverage_filter(app_ctx *ctx, const app_coverage_pick *pick,
                         coverage_filter *f);
/* r->gaps from r's commissioner, card and visit (model/coverage.h) */
void app_coverage_judge(const app_ctx *ctx, int visit_days, coverage_row *r);
/* the counts of the summary line (the pick's enterprises, each gap, those listed) in
 * one pass of the store: APP_OK, or APP_BAD with the store's words in err */
app_status app_coverage_sum(app_ctx *ctx, const app_coverage_pick *pick, coverage_sum *s,
                            strbuf *err);
/* the credit codes of the enterprises pick lists, in the list's order, read a chunk
 * at a time (NULL-terminated, *n of them; free each and the array): APP_OK, or
 * APP_BAD with the store's words in err */
app_status app_coverage_usccs(app_ctx *ctx, const app_coverage_pick *pick, char ***usccs,
                              int *n, strbuf *err);

/* the gaps of r in words, 、-separated ("无服务专员、未送卡、90 天未走访") */
void app_coverage_gap_words(int visit_days, unsigned gaps, strbuf *out);

/* the columns of the coverage list: the screen (those with a width) and qifu
 * coverage (those with a key, in this order) */
typedef enum app_coverage_col {
	COV_COL_ENTERPRISE, COV_COL_USCC, COV_COL_AREA, COV_COL_LEAD_UNIT,
	COV_COL_COMMISSIONER, COV_COL_CARD_ON, COV_COL_VISIT_ON, COV_COL_GAPS,
	COV_COL__COUNT
} app_coverage_col;

extern const app_column app_coverage_columns[COV_COL__COUNT];
/* the text of column col of r: words (the commissioner's name, the gaps in words) for
 * CELL_WORDS, codes (the login, the gap codes) for CELL_CODE */
void app_coverage_cell(int visit_days, const coverage_row *r, int col, app_cell_form form,
                       strbuf *out);

/* the columns of the counts per area or per unit */
typedef enum app_tally_col {
	TALLY_COL_NAME, TALLY_COL_ENTERPRISES, TALLY_COL_WITH_GAPS, TALLY_COL_COMMISSIONER,
	TALLY_COL_CARD, TALLY_COL_VISIT,
	TALLY_COL__COUNT
} app_tally_col;

extern const app_column app_coverage_area_columns[TALLY_COL__COUNT];
extern const app_column app_coverage_unit_columns[TALLY_COL__COUNT];
void app_coverage_tally_cell(const coverage_tally *t, int col, strbuf *out);

#endif
