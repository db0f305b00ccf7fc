/* The reading loop every column-map file shares (policy/private.h). */
#include "policy/private.h"

int policy_map_load(void *map, const policy_map_reader *r, const char *path, strbuf *err)
{
	tsv_file *f = tsv_open(path, err);
	if (!f)
		return -1;
	char **v;
	int n, got;
	while ((got = tsv_next(f, 0, &v, &n, err)) == 1) {
		int code = r->add(map, v, n);
		if (code != 0) {
			sb_addf(err, "%s:%d: ", tsv_path(f), tsv_line(f));
			r->fault(code, v, n, err);
			got = -1;
			break;
		}
	}
	if (got == 0) {
		strbuf why = STRBUF_INIT;
		if (r->check(map, &why) < 0) {
			sb_addf(err, "%s: %s", path, sb_str(&why));
			got = -1;
		}
		sb_free(&why);
	}
	tsv_close(&f);
	if (got < 0)
		r->free(map);
	return got < 0 ? -1 : 0;
}
