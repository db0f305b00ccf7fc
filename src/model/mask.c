/* Masking of personal fields: see mask.h. */
#include "model/mask.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "model/enterprise.h"
#include "core/xalloc.h"

/* bytes of the UTF-8 character at s (1 for a stray byte) */
static size_t char_len(const unsigned char *s)
{
	size_t n = *s < 0x80 ? 1 : *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc0 ? 2 : 1;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

char *mask_personal(mask_kind kind, const char *s)
{
	if (!s)
		return xstrdup("");
	size_t n = 0;
	for (const char *p = s; *p; p += char_len((const unsigned char *)p))
		n++;
	size_t head, tail;
	if (kind == MASK_NAME) {
		head = n > 1 ? 1 : 0;
		tail = 0;
	} else if (n >= 8) {
		head = 3;
		tail = 4;
	} else if (n >= 5) {
		head = 0;
		tail = 2;
	} else {
		head = tail = 0;
	}
	strbuf b = STRBUF_INIT;
	sb_add(&b, "");
	size_t i = 0;
	for (const char *p = s; *p; i++) {
		size_t len = char_len((const unsigned char *)p);
		if (i < head || i >= n - tail)
			sb_addn(&b, p, len);
		else
			sb_add(&b, "*");
		p += len;
	}
	return sb_steal(&b);
}

static void mask_in_place(mask_kind kind, char **field)
{
	char *m = mask_personal(kind, *field);
	free(*field);
	*field = m;
}

void mask_enterprise(ent_record *e)
{
	mask_in_place(MASK_NAME, &e->legal_rep);
	mask_in_place(MASK_NAME, &e->contact);
	mask_in_place(MASK_PHONE, &e->phone);
}

const char *mask_kept(mask_kind kind, const char *old, const char *typed)
{
	old = old ? old : "";
	typed = typed ? typed : "";
	char *m = mask_personal(kind, old);
	bool same = strcmp(m, typed) == 0;
	free(m);
	return same ? old : typed;
}
