/* The hash chain's verdicts, one row at a time and at the end of the log. */
#include "model/audit.h"

#include <string.h>

/* 64 lowercase hex digits, as the chain writes them */
static bool is_hash(const char *s)
{
	if (!s || strlen(s) != 64)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

audit_fault audit_judge_row(int64_t prev_id, int64_t id, const char *stored,
                            const char *computed, const char *anchored)
{
	/* ids are the previous one plus one (db_event writes them so, and nothing
	 * removes a row): a jump is a removal, said before the broken link it makes */
	if (id != prev_id + 1)
		return AUDIT_MISSING_BEFORE;
	if (!is_hash(stored))
		return AUDIT_NOT_A_HASH;
	if (!computed || strcmp(stored, computed) != 0)
		return AUDIT_CHANGED;
	if (anchored && strcmp(anchored, stored) != 0)
		return AUDIT_ANCHOR_DIFFERS;
	return AUDIT_FITS;
}

audit_fault audit_judge_end(int64_t head, int64_t anchored_max, bool anchor_exists,
                            int bad_line)
{
	if (anchored_max > head)
		return AUDIT_MISSING_NEWEST;
	if (head > 0 && !anchor_exists)
		return AUDIT_NO_ANCHOR;
	if (bad_line > 0)
		return AUDIT_ANCHOR_BAD_LINE;
	return AUDIT_FITS;
}
