/* Reader of the signal kinds and column map (data/import/signals.tsv,
 * model/signal.h): kind and column rows into the map, the first bad row named
 * file:line. */
#include "policy/policy.h"
#include "policy/private.h"

#include <string.h>

#include "core/i18n.h"

static void row_fault(signal_map_row r, char **v, int n, strbuf *err)
{
	switch (r) {
	case SIG_MAP_OK:
		break;
	case SIG_MAP_WHAT:
		sb_addf(err, _("'%s' is not kind or column"), v[0]);
		break;
	case SIG_MAP_SHAPE:
		sb_addf(err, _("a %s row has %d fields, not %d"), v[0], n,
		        strcmp(v[0], "kind") == 0 ? 6 : 3);
		break;
	case SIG_MAP_SOURCE:
		sb_addf(err, _("'%s' is not a source of signals (tax, market)"), v[2]);
		break;
	case SIG_MAP_LEVEL:
		sb_addf(err, _("'%s' is not a warning level (low, medium, high)"), v[3]);
		break;
	case SIG_MAP_STATUS:
		sb_addf(err, _("'%s' is not a status a signal sets (moved_out, deregistered, "
		               "suspended, -)"), v[4]);
		break;
	case SIG_MAP_FIELD:
		sb_addf(err, _("'%s' is not a field (uscc, kind, date, name, detail)"), v[1]);
		break;
	case SIG_MAP_TWICE:
		sb_add(err, _("a kind, word, field or header is given twice"));
		break;
	case SIG_MAP_FULL:
		sb_add(err, _("more kinds, words or headers than a map holds"));
		break;
	}
}

/* one row of the map (policy_map_row_fn) */
static int signal_row(void *map, char **v, int n, strbuf *why)
{
	signal_map_row r = signal_map_add(map, v, n);
	if (r == SIG_MAP_OK)
		return 0;
	row_fault(r, v, n, why);
	return -1;
}

static int signal_check(const void *map, strbuf *why)
{
	return signal_map_check(map, why);
}

int policy_signal_map_load(signal_map *m, const char *path, strbuf *err)
{
	memset(m, 0, sizeof *m);
	if (policy_map_read(path, m, signal_row, signal_check, err) == 0)
		return 0;
	signal_map_free(m);
	return -1;
}
