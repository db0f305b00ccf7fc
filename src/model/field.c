/* Text fields of records: one cleaning rule, so that a visit typed at the command
 * line and one typed into a form are stored alike. */
#include "model/field.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

int field_clean(char **f, const char *label, size_t limit, bool required, strbuf *err)
{
	const char *in = *f ? *f : "";
	char *s = text_sanitize(in, strlen(in), 0);
	char *t = text_trim(s);
	free(s);
	free(*f);
	*f = t;
	if (required && !*t) {
		sb_addf(err, _("%s must not be empty"), _(label));
		return -1;
	}
	if (text_chars(t) > limit) {
		sb_addf(err, _("%s has more than %zu characters"), _(label), limit);
		return -1;
	}
	return 0;
}
