/* The project ledger (项目台账) as a printable xlsx sheet: the list's columns that
 * scripts read, worded for people, one row per project, most urgent first, as the
 * Projects tab and `qifu project ledger` both write it. */
#include "app/project.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "store/db.h"

int app_project_ledger(app_ctx *ctx, const project_filter *f, int light, const char *path,
                       int *rows, strbuf *err)
{
	*rows = 0;
	if (!xlsx_available()) {
		sb_add(err, _("this qifu was built without xlsx support"));
		return -1;
	}
	project_row *v = NULL;
	int n = 0;
	if (app_project_list(ctx, f, light, &v, &n, err) < 0)
		return -1;
	xlsx_col cols[PROJECT_COL__COUNT];
	int which[PROJECT_COL__COUNT], ncols = 0;
	for (int c = 0; c < PROJECT_COL__COUNT; c++) {
		const app_column *col = &app_project_columns[c];
		if (!col->key)
			continue;
		which[ncols] = c;
		cols[ncols].header = _(col->header);
		cols[ncols].kind = c == PROJECT_COL_USCC || c == PROJECT_COL_NUMBER ? XLSX_CODE
			: col->kind == COL_INT ? XLSX_NUMBER : XLSX_TEXT;
		ncols++;
	}
	char now[20];
	db_now(app_db(ctx), now);
	char *title = xasprintf(_("Project ledger (pre-investment projects), exported %s"), now);
	xlsx_table *t = xlsx_open(path, title, ncols, cols, err);
	free(title);
	bool ok = t != NULL;
	strbuf cell[PROJECT_COL__COUNT];
	for (int c = 0; c < ncols; c++)
		cell[c] = (strbuf)STRBUF_INIT;
	for (int i = 0; ok && i < n; i++) {
		const char *cells[PROJECT_COL__COUNT];
		for (int c = 0; c < ncols; c++) {
			sb_reset(&cell[c]);
			app_project_cell(&v[i], which[c], CELL_WORDS, &cell[c]);
			cells[c] = sb_str(&cell[c]);
		}
		ok = xlsx_row(t, cells) == 0;
		*rows += ok;
	}
	for (int c = 0; c < ncols; c++)
		sb_free(&cell[c]);
	project_rows_free(&v, n);
	if (t && xlsx_close(&t, ok, err) < 0)
		ok = false;
	return ok ? 0 : -1;
}
