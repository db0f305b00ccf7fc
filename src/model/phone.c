/* The work phone rule: what people type (spaces, hyphens, +86, 转 for an extension)
 * reduced to the digits that make a mobile or a landline number, written one way so
 * that the contact card and the lists show it alike. */
#include "model/phone.h"

#include <stdbool.h>
#include <string.h>

#include "core/i18n.h"

enum { MAX_DIGITS = 24 };

/* area codes with two digits after the 0 (Beijing, Shanghai, Tianjin, Chongqing and
 * 020-029); the others have three (0791 Nanchang) */
static int area_code_len(const char *d)
{
	if (d[1] == '1' && d[2] == '0')
		return 3;
	if (d[1] == '2')
		return 3;
	return 4;
}

const char *phone_work_check(const char *typed, strbuf *out)
{
	char main_d[MAX_DIGITS + 1], ext[MAX_DIGITS + 1];
	size_t nm = 0, ne = 0;
	int groups = 0;     /* runs of digits before the extension */
	bool in_ext = false, in_digits = false, plus = false;
	const char *p = typed ? typed : "";
	while (*p == ' ')
		p++;
	if (*p == '\0') {
		sb_add(out, "");
		return NULL;
	}
	if (*p == '+') {
		plus = true;
		p++;
	}
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (!in_digits && !in_ext)
				groups++;
			in_digits = true;
			if (in_ext ? ne >= MAX_DIGITS : nm >= MAX_DIGITS)
				return N_("has too many digits for a telephone number");
			if (in_ext)
				ext[ne++] = *p;
			else
				main_d[nm++] = *p;
			continue;
		}
		in_digits = false;
		if (*p == ' ' || *p == '-' || *p == '(' || *p == ')')
			continue;
		if (strncmp(p, "转", strlen("转")) == 0 && !in_ext && nm > 0) {
			in_ext = true;
			p += strlen("转") - 1;
			continue;
		}
		return N_("may hold only digits, spaces, hyphens, +86 and 转 before an extension");
	}
	main_d[nm] = '\0';
	ext[ne] = '\0';
	const char *d = main_d;
	if (plus || (nm == 13 && strncmp(d, "86", 2) == 0 && d[2] == '1')) {
		if (strncmp(d, "86", 2) != 0)
			return N_("is a foreign number: only Chinese numbers (+86) are work phones");
		d += 2;
		nm -= 2;
	}
	if (nm == 0)
		return N_("has no digits");
	if (d[0] == '1') {
		if (ne > 0)
			return N_("is a mobile number: a mobile has no extension");
		if (nm != 11)
			return N_("is not a mobile number: a mobile has 11 digits");
		if (d[1] < '3')
			return N_("is not a mobile number: the second digit is 3 to 9");
		sb_add(out, d);
		return NULL;
	}
	if (d[0] != '0')
		return N_("needs its area code: a landline is written like 0791-88881234, a mobile "
		          "has 11 digits starting with 1");
	if (nm < 3)
		return N_("is too short for a landline with its area code (0791-88881234)");
	int ac = area_code_len(d);
	/* without 转, a third group is the extension when the first two already make the
	 * number (0791-88881234-801), else the number was typed in three parts */
	size_t whole = nm - (size_t)ac;
	if (ne == 0 && groups == 3 && (whole < 7 || whole > 8)) {
		size_t tail = 0;
		const char *q = typed + strlen(typed);
		while (q > typed && !(q[-1] >= '0' && q[-1] <= '9'))
			q--;
		while (q > typed && q[-1] >= '0' && q[-1] <= '9') {
			q--;
			tail++;
		}
		memcpy(ext, d + nm - tail, tail);
		ext[tail] = '\0';
		ne = tail;
		nm -= tail;
	} else if (groups > 3 || (groups == 3 && (whole < 7 || whole > 8))) {
		return N_("is not one number: write a landline like 0791-88881234");
	}
	size_t local = nm - (size_t)ac;
	if (local < 7 || local > 8)
		return N_("is not a landline number: after the area code come 7 or 8 digits "
		          "(0791-88881234)");
	if (d[ac] == '0' || d[ac] == '1')
		return N_("is not a landline number: the number after the area code does not "
		          "start with 0 or 1");
	if (ne > 6)
		return N_("has an extension longer than 6 digits");
	sb_addf(out, "%.*s-%.*s", ac, d, (int)local, d + ac);
	if (ne > 0)
		sb_addf(out, "-%s", ext);
	return NULL;
}
