/* Reader of a work-order column map (data/import/NAME.tsv, model/order_import.h):
 * channel, column and kind rows into the map, the first bad row named file:line. */
#include "policy/policy.h"
#include "policy/private.h"

#include <string.h>

#include "core/i18n.h"

/* why a row of the map was refused */
static void row_fault(int code, char **v, int n, strbuf *err)
{
	switch ((order_map_row)code) {
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

static int add_row(void *map, char *const *v, int n)
{
	return (int)order_colmap_add(map, v, n);
}

static int check(const void *map, strbuf *err)
{
	return order_colmap_check(map, err);
}

static void free_map(void *map)
{
	order_colmap_free(map);
}

int policy_order_map_load(order_colmap *m, const char *path, strbuf *err)
{
	static const policy_map_reader reader = { add_row, row_fault, check, free_map };
	memset(m, 0, sizeof *m);
	return policy_map_load(m, &reader, path, err);
}
