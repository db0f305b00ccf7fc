/* Reader of a work-order column map (data/import/NAME.tsv, model/order_import.h):
 * channel, column and kind rows into the map, the first bad row named file:line. */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "policy/private.h"

/* why a row of the map was refused */
static void row_fault(order_map_row r, char **v, int n, strbuf *err)
{
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

/* one row of the map (policy_map_row_fn) */
static int order_row(void *map, char **v, int n, strbuf *why)
{
	order_map_row r = order_colmap_add(map, v, n);
	if (r == ORDER_MAP_OK)
		return 0;
	row_fault(r, v, n, why);
	return -1;
}

static int order_check(const void *map, strbuf *why)
{
	return order_colmap_check(map, why);
}

int policy_order_map_load(order_colmap *m, const char *path, strbuf *err)
{
	memset(m, 0, sizeof *m);
	if (policy_map_read(path, m, order_row, order_check, err) == 0)
		return 0;
	order_colmap_free(m);
	return -1;
}
