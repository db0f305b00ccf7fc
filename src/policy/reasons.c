/* Reader of data/inspection_reasons.tsv (code, name, quiet-day flag, filing flag) into
 * the reason table (model/inspection_reason.h). The first bad row is reported as
 * file:line, because a wrong flag silently changes which inspections are allowed. */
#include "policy/policy.h"

#include "core/i18n.h"
#include "core/tsv.h"
#include "core/xalloc.h"

enum { REASON_FIELDS = 4 };

/* the table being read; lines[i] is the line reason i came from, for the duplicate
 * message */
typedef struct reason_reading {
	inspection_reason_table *t;
	int *lines;
} reason_reading;

/* one row of the file; 0 or -1 with a message naming file:line */
static int add_reason(void *reading, const tsv_file *f, char **field, strbuf *err)
{
	reason_reading *rd = reading;
	inspection_reason_table *t = rd->t;
	const char *path = tsv_path(f);
	int lineno = tsv_line(f);
	reason_fault fault = inspection_reason_add(t, field[0], field[1], field[2], field[3]);
	switch (fault) {
	case REASON_ROW_OK:
		rd->lines = xrealloc(rd->lines, t->n * sizeof *rd->lines);
		rd->lines[t->n - 1] = lineno;
		return 0;
	case REASON_ROW_CODE:
		sb_addf(err, _("%s:%d: reason code '%s' must be 1 to %d characters of a-z, 0-9 and _"),
			path, lineno, field[0], INSPECT_REASON_CODE_MAX);
		break;
	case REASON_ROW_TWICE:
		sb_addf(err, _("%s:%d: duplicate reason code '%s' (first on line %d)"),
			path, lineno, field[0], rd->lines[inspection_reason_find(t, field[0]) - t->v]);
		break;
	case REASON_ROW_NAME:
		sb_addf(err, _("%s:%d: the name of reason '%s' is empty or holds control characters"),
			path, lineno, field[0]);
		break;
	case REASON_ROW_QUIET:
	case REASON_ROW_FILING: {
		const char *flag = field[fault == REASON_ROW_QUIET ? 2 : 3];
		sb_addf(err, _("%s:%d: unknown flag '%s' for reason '%s' (expected yes or no)"),
			path, lineno, flag, field[0]);
		break;
	}
	}
	return -1;
}

inspection_reason_table *policy_reasons_load(const char *path, strbuf *err)
{
	reason_reading rd = { xcalloc(1, sizeof *rd.t), NULL };
	int n = tsv_load(path, REASON_FIELDS, add_reason, &rd, err);
	if (n == 0)
		sb_addf(err, _("%s: no inspection reasons defined"), path);
	xfree(&rd.lines);
	if (n <= 0)
		inspection_reason_table_free(&rd.t);
	return rd.t;
}
