/* Financing needs out to the platform (app/fin_export.h). */
#include "app/fin_export.h"

#include <stdlib.h>
#include <string.h>

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

/* the needs read a page at a time */
enum { PAGE = 200 };

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
	fin_rec page[PAGE];
	app_access_tally tally = { 0 };
	store_err se = { 0 };
	long offset = 0, n_out = 0, n_gaps = 0;
	for (int n = PAGE; ok && n == PAGE; offset += n) {
		if (fin_store_window(d, &f, offset, PAGE, page, &n, &se) < 0) {
			app_store_text(&se, err);
			ok = false;
			break;
		}
		for (int i = 0; i < n; i++) {
			ent_record e = { 0 };
			int got = ok ? ent_store_get(d, page[i].uscc, 0, &e, &se) : 1;
			if (got < 0) {
				app_store_text(&se, err);
				ok = false;
			} else if (got == 0) {
				app_ent_row_out(ctx, &e, &tally);
			}
			fin_pf_contact who = { e.contact, e.phone };
			if (ok) {
				unsigned missing = fin_pf_missing(m, &page[i], &who);
				if (missing) {
					n_gaps++;
					if (gap)
						gap(arg, page[i].id, page[i].enterprise, missing);
				}
				for (int c = 0; c < m->n; c++) {
					sb_reset(&text[c]);
					fin_pf_cell(m->field[c], &page[i], &who, &text[c]);
					cells[c] = sb_str(&text[c]);
				}
				/* a failed write is reported by the close */
				ok = csv ? csvw_row(csv, cells, m->n) == 0 : xlsx_row(book, cells) == 0;
				n_out++;
			}
			ent_record_clear(&e);
			fin_rec_clear(&page[i]);
		}
	}
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
