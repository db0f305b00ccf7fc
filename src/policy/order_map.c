/* Reader of a work-order column map (data/import/NAME.tsv, model/order_import.h):
 * channel, column and kind rows into the map, the first bad row named file:line. */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

/* why a row of the map was refused */
static void row_fault(order_map_row r, const tsv_file *f, char **v, int n, strbuf *err)
{
	sb_addf(err, "%s:%d: ", tsv_path(f), tsv_line(f));
	switch (r) {
	case ORDER_MAP_OK:
		break;
	case ORDER_MAP_WHAT:
		sb_addf(err, _("'%s' is not channel, column, kind or callback"), v[0]);
		break;
	case ORDER_MAP_SHAPE:
		sb_addf(err, _("a %s row has %d fields, not %d"), v[0], n,
		        strcmp(v[0], "channel") == 0 ? 2 : 3);
		break;
	case ORDER_MAP_CHANNEL:
		sb_addf(err, _("'%s' is not a channel work orders come by (hotline, online)"), v[1]);
		break;
	case ORDER_MAP_FIELD:
		sb_addf(err, _("'%s' is not a field (number, received_at, caller, phone, content, "
		               "enterprise, uscc, kind, due, result, answered_at, callback)"), v[1]);
		break;
	case ORDER_MAP_CALLBACK:
		sb_addf(err, _("'%s' is not satisfied or dissatisfied"), v[1]);
		break;
	case ORDER_MAP_KIND:
		sb_addf(err, _("'%s' is not a kind of appeal (simple, general, complex)"), v[2]);
		break;
	case ORDER_MAP_TWICE:
		sb_addf(err, _("'%s' is given twice"), n > 2 && strcmp(v[0], "column") == 0 ? v[2] : v[1]);
		break;
	case ORDER_MAP_FULL:
		sb_add(err, _("more headers or types than a map holds"));
		break;
	}
}

int policy_order_map_load(order_colmap *m, const char *path, strbuf *err)
{
	memset(m, 0, sizeof *m);
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return -1;
	char **v;
	int n, got;
	while ((got = tsv_next(f, 0, &v, &n, err)) == 1) {
		order_map_row r = order_colmap_add(m, v, n);
		if (r != ORDER_MAP_OK) {
			row_fault(r, f, v, n, err);
			got = -1;
			break;
		}
	}
	if (got == 0) {
		strbuf why = STRBUF_INIT;
		if (order_colmap_check(m, &why) < 0) {
			sb_addf(err, "%s: %s", path, sb_str(&why));
			got = -1;
		}
		sb_free(&why);
	}
	tsv_close(&f);
	if (got < 0)
		order_colmap_free(m);
	return got < 0 ? -1 : 0;
}
