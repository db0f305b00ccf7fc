/* Financing needs out to the platform (app/fin_export.h). */
#include "app/fin_export.h"

#include <stdlib.h>
#include <string.h>

#include "app/chunk.h"
#include "app/ent_io.h"
#include "app/personal.h"
#include "app/store_text.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/perm.h"
#include "policy/policy.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/financing_store.h"

int app_fin_pf_map_load(fin_pf_map *m, strbuf *err)
{
	char *path = paths_data_file(FIN_PF_MAP_FILE);
	int rc = policy_fin_pf_map_load(m, path, err);
	free(path);
	return rc;
}

/* a need with its enterprise (its contact and phone), read together in a chunk */
typedef struct fin_out {
	fin_rec need;
	ent_record e;
	bool has_e;
} fin_out;

static void fin_out_clear(void *rec)
{
	fin_out *o = rec;
	fin_rec_clear(&o->need);
	ent_record_clear(&o->e);
	o->has_e = false;
}

/* the open needs in chunks by key (app/chunk.h), each with its enterprise */
static int fin_chunk_read(db *d, void *query, const void *last, long offset, int limit,
                          void *out, int *n, store_err *err)
{
	(void)offset;
	fin_out *o = out;
	fin_rec *needs = xcalloc((size_t)limit, sizeof *needs);
	int rc = fin_store_window_from(d, query, last ? ((const fin_out *)last)->need.id : 0, false,
	                               limit, needs, n, err);
	for (int i = 0; i < *n; i++) {
		o[i].need = needs[i];
		int got = rc == 0 ? ent_store_get(d, needs[i].uscc, 0, &o[i].e, err) : 1;
		if (got < 0)
			rc = -1;
		o[i].has_e = got == 0;
	}
	free(needs);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			fin_out_clear(&o[i]);
		*n = 0;
	}
	return rc;
}

typedef struct fin_export_state {
	app_ctx *ctx;
	const fin_pf_map *m;
	fin_pf_gap_fn gap;
	void *arg;
	const char **cells;
	strbuf *text;
	csv_writer *csv;
	xlsx_table *book;
	app_access_tally tally;
	long n_out, n_gaps;
} fin_export_state;

static int fin_export_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	fin_export_state *st = arg;
	fin_out *o = rec;
	const fin_pf_map *m = st->m;
	if (o->has_e)
		app_ent_row_out(st->ctx, &o->e, &st->tally);
	fin_pf_contact who = { o->e.contact, o->e.phone };
	unsigned missing = fin_pf_missing(m, &o->need, &who);
	if (missing) {
		st->n_gaps++;
		if (st->gap)
			st->gap(st->arg, o->need.id, o->need.enterprise, missing);
	}
	for (int c = 0; c < m->n; c++) {
		sb_reset(&st->text[c]);
		fin_pf_cell(m->field[c], &o->need, &who, &st->text[c]);
		st->cells[c] = sb_str(&st->text[c]);
	}
	st->n_out++;
	/* a failed write is reported by the close */
	return (st->csv ? csvw_row(st->csv, st->cells, m->n) : xlsx_row(st->book, st->cells)) == 0
	       ? 0 : -1;
}

app_status app_fin_platform_export(app_ctx *ctx, const fin_pf_map *m, const char *area,
                                   const char *path, fin_pf_gap_fn gap, void *arg, long *rows,
                                   long *gaps, strbuf *err)
{
	*rows = 0;
	*gaps = 0;
	const char *scope = app_scope_area(ctx);
	if (!app_allowed(ctx, PERM_ENT_EXPORT, area ? area : scope, NULL, err))
		return APP_NO;
	bool xlsx = false;
	if (path && ent_export_check_path(path, &xlsx, err) < 0)
		return APP_BAD;
	db *d = app_db(ctx);
	const char *cells[FPF__COUNT];
	strbuf text[FPF__COUNT];
	for (int c = 0; c < m->n; c++) {
		text[c] = (strbuf)STRBUF_INIT;
		cells[c] = m->header[c];
	}
	csv_writer *csv = NULL;
	xlsx_table *book = NULL;
	if (xlsx) {
		xlsx_col cols[FPF__COUNT];
		for (int c = 0; c < m->n; c++) {
			cols[c].header = cells[c];
			cols[c].kind = m->field[c] == FPF_USCC || m->field[c] == FPF_PHONE ? XLSX_CODE
			                                                                 : XLSX_TEXT;
		}
		char now[20];
		db_now(d, now);
		char *title = xasprintf(_("Open financing needs for the financing credit platform, "
		                          "exported %s"), now);
		book = xlsx_open(path, title, m->n, cols, err);
		free(title);
	} else {
		csv = path ? csvw_open(path, err) : csvw_open_fp(stdout, false);
		if (csv)
			csvw_row(csv, cells, m->n);
	}
	bool ok = csv || book;
	fin_filter f = { .status = -1, .scope_area = scope, .area = area, .open_only = true };
	fin_export_state st = { ctx, m, gap, arg, cells, text, csv, book, { 0 }, 0, 0 };
	if (ok) {
		app_chunked c = { fin_chunk_read, &f, sizeof(fin_out), fin_out_clear, 0 };
		strbuf why = STRBUF_INIT;
		ok = app_each_chunk(ctx, &c, fin_export_row, &st, &why) == 0;
		/* a read that failed is the reason; a write that failed, the close's */
		if (!ok && why.len)
			sb_add(err, sb_str(&why));
		sb_free(&why);
	}
	app_access_tally tally = st.tally;
	long n_out = st.n_out, n_gaps = st.n_gaps;
	/* personal data out in full is recorded before the file takes its place */
	ok = ok && app_access_export(ctx, "financing", &tally, path ? path : "-", err) == 0;
	int closed = !csv && !book ? -1 : xlsx ? xlsx_close(&book, ok, err)
	                                       : csvw_close(&csv, ok, err);
	for (int c = 0; c < m->n; c++)
		sb_free(&text[c]);
	if (!ok || closed < 0)
		return APP_BAD;
	*rows = n_out;
	*gaps = n_gaps;
	return APP_OK;
}
