/* Reader of the signal kinds and column map (data/import/signals.tsv,
 * model/signal.h): kind and column rows into the map, the first bad row named
 * file:line. */
#include "policy/policy.h"

#include <string.h>

#include "core/i18n.h"
#include "core/tsv.h"

static void row_fault(signal_map_row r, const tsv_file *f, char **v, int n, strbuf *err)
{
	sb_addf(err, "%s:%d: ", tsv_path(f), tsv_line(f));
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

int policy_signal_map_load(signal_map *m, const char *path, strbuf *err)
{
	memset(m, 0, sizeof *m);
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return -1;
	char **v;
	int n, got;
	while ((got = tsv_next(f, 0, &v, &n, err)) == 1) {
		signal_map_row r = signal_map_add(m, v, n);
		if (r != SIG_MAP_OK) {
			row_fault(r, f, v, n, err);
			got = -1;
			break;
		}
	}
	if (got == 0) {
		strbuf why = STRBUF_INIT;
		if (signal_map_check(m, &why) < 0) {
			sb_addf(err, "%s: %s", path, sb_str(&why));
			got = -1;
		}
		sb_free(&why);
	}
	tsv_close(&f);
	if (got < 0)
		signal_map_free(m);
	return got < 0 ? -1 : 0;
}
