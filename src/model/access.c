/* Access to personal data: see access.h. */
#include "model/access.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static const char *const field_codes[ACCESS__COUNT] = {
	[ACCESS_LEGAL_REP] = "legal_rep",
	[ACCESS_CONTACT] = "contact",
	[ACCESS_PHONE] = "phone",
	[ACCESS_CALLER_NAME] = "caller_name",
	[ACCESS_CALLER_PHONE] = "caller_phone",
};

const char *access_field_code(access_field f)
{
	return f < ACCESS__COUNT ? field_codes[f] : "?";
}

unsigned access_fields_shown(const access_field *which, const char *const *values, int n)
{
	unsigned bits = 0;
	for (int i = 0; i < n; i++)
		if (values[i] && *values[i] && which[i] < ACCESS__COUNT)
			bits |= 1u << which[i];
	return bits;
}

void access_fields_codes(unsigned fields, strbuf *out)
{
	bool first = true;
	for (int f = 0; f < ACCESS__COUNT; f++)
		if (fields & (1u << f)) {
			sb_addf(out, "%s%s", first ? "" : ",", field_codes[f]);
			first = false;
		}
}

bool access_needs_event(bool full, unsigned fields, bool logged)
{
	return full && fields != 0 && !logged;
}

bool access_export_needs_event(long full_rows)
{
	return full_rows > 0;
}

void access_event_parse(const char *summary, access_event *ev)
{
	ev->kind = NULL;
	ev->rows = 0;
	for (const char *p = summary ? summary : ""; *p;) {
		p += strspn(p, " ");
		size_t len = strcspn(p, ";");
		if (strncmp(p, "kind=", 5) == 0 && !ev->kind)
			ev->kind = xstrndup(p + 5, len - 5);
		else if (strncmp(p, "rows=", 5) == 0)
			ev->rows = strtol(p + 5, NULL, 10);
		p += len;
		if (*p == ';')
			p++;
	}
	if (!ev->kind)
		ev->kind = xstrdup("");
}

static int by_login_subject(const void *x, const void *y)
{
	const access_event *a = x, *b = y;
	int c = strcmp(a->login, b->login);
	if (c)
		return c;
	if (a->is_export != b->is_export)
		return a->is_export ? 1 : -1;
	if ((c = strcmp(a->kind, b->kind)) != 0)
		return c;
	return a->subject < b->subject ? -1 : a->subject > b->subject;
}

int access_summarise(access_event *ev, int n, access_summary **out)
{
	*out = NULL;
	if (n <= 0)
		return 0;
	qsort(ev, (size_t)n, sizeof *ev, by_login_subject);
	access_summary *s = xcalloc((size_t)n, sizeof *s);
	int m = 0;
	for (int i = 0; i < n; i++) {
		if (i == 0 || strcmp(ev[i].login, ev[i - 1].login) != 0)
			s[m++].login = xstrdup(ev[i].login);
		access_summary *cur = &s[m - 1];
		if (ev[i].is_export) {
			cur->exports++;
			cur->rows += ev[i].rows;
		} else {
			cur->views++;
			bool same = i > 0 && strcmp(ev[i].login, ev[i - 1].login) == 0 &&
			            !ev[i - 1].is_export && strcmp(ev[i].kind, ev[i - 1].kind) == 0 &&
			            ev[i].subject == ev[i - 1].subject;
			if (!same)
				cur->subjects++;
		}
		if (ev[i].at && strcmp(ev[i].at, cur->last) > 0) {
			strncpy(cur->last, ev[i].at, sizeof cur->last - 1);
			cur->last[sizeof cur->last - 1] = '\0';
		}
	}
	*out = s;
	return m;
}

void access_summary_free(access_summary *s, int n)
{
	for (int i = 0; s && i < n; i++)
		free(s[i].login);
	free(s);
}
