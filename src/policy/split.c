/* Splitting a comma-separated field of a policy file (a category's aliases, a
 * routing rule's cooperating units) into its items. */
#include "policy/private.h"

#include <string.h>

#include "core/xalloc.h"

char **policy_split(const char *s, bool keep_empty)
{
	char **v = xcalloc(1, sizeof *v);
	int n = 0;
	while (s && *s) {
		size_t len = strcspn(s, ",");
		if (len || keep_empty) {
			v = xrealloc(v, sizeof *v * (size_t)(n + 2));
			v[n++] = xstrndup(s, len);
			v[n] = NULL;
		}
		s += len + (s[len] == ',');
	}
	return v;
}
