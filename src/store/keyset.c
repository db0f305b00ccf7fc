/* The index ranges that read a list by key past a row (store/keyset.h). */
#include "store/keyset.h"

/* whether the NULLs of a column come before its values in the direction read */
static bool nulls_lead(ks_nulls k, bool rev)
{
	return k == KS_NULLS_FIRST ? !rev : k == KS_NULLS_LAST ? rev : false;
}

int keyset_segments(const ks_nulls *nulls, int n, const bool *isnull, bool rev, ks_seg *out)
{
	int m = 0;
	if (n <= 0)
		return 0;
	if (!isnull) {
		/* from an end: the first column's NULLs before or after its values */
		if (nulls[0] == KS_NOT_NULL) {
			out[m++] = (ks_seg){ 0, 0, KS_ALL };
		} else if (nulls_lead(nulls[0], rev)) {
			out[m++] = (ks_seg){ 0, 0, KS_ISNULL };
			out[m++] = (ks_seg){ 0, 0, KS_NOTNULL };
		} else {
			out[m++] = (ks_seg){ 0, 0, KS_NOTNULL };
			out[m++] = (ks_seg){ 0, 0, KS_ISNULL };
		}
		return m;
	}
	/* the rows sharing the longest prefix with the row come first */
	for (int j = n - 1; j >= 0; j--) {
		bool lead = nulls_lead(nulls[j], rev);
		if (isnull[j]) {
			/* past a NULL come the values when the NULLs lead, else nothing */
			if (lead)
				out[m++] = (ks_seg){ j, j, KS_NOTNULL };
			continue;
		}
		out[m++] = (ks_seg){ j, j, KS_AFTER };
		if (nulls[j] != KS_NOT_NULL && !lead)
			out[m++] = (ks_seg){ j, j, KS_ISNULL };
	}
	return m;
}
