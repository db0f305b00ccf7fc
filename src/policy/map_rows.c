/* The loop every column-map reader shares (policy/private.h). */
#include "policy/private.h"

#include "core/tsv.h"

int policy_map_read(const char *path, void *map, policy_map_row_fn row,
                    policy_map_check_fn check, strbuf *err)
{
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return -1;
	char **v;
	int n, got;
	strbuf why = STRBUF_INIT;
	while ((got = tsv_next(f, 0, &v, &n, err)) == 1) {
		if (row(map, v, n, &why) < 0) {
			sb_addf(err, "%s:%d: %s", tsv_path(f), tsv_line(f), sb_str(&why));
			got = -1;
			break;
		}
	}
	if (got == 0 && check && check(map, &why) < 0) {
		sb_addf(err, "%s: %s", path, sb_str(&why));
		got = -1;
	}
	sb_free(&why);
	tsv_close(&f);
	return got < 0 ? -1 : 0;
}
