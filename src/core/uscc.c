/* Unified social credit codes: GB 32100-2015's 18 characters with a mod-31 check at
 * position 18, and the GB 11714 organisation code (positions 9–17) with its own mod-11
 * check at position 17. Input is normalised first because codes arrive typed with an
 * input method on (full-width forms) or pasted from documents (spaces, hyphens). */
#include "core/uscc.h"

#include <stdint.h>
#include <string.h>
#include <unistr.h>

#include "core/i18n.h"

enum { USCC_LEN = 18 };

/* GB 32100 drops I, O, S, V and Z so that they cannot be misread as 1, 0, 5, U and 2 */
static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int gb_weights[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};
static const int org_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

static int alphabet_value(char c)
{
	const char *p = c ? strchr(uscc_alphabet, c) : NULL;
	return p ? (int)(p - uscc_alphabet) : -1;
}

/* separators people type or paste inside a code; they carry no meaning */
static bool is_separator(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '-' || c == 0x00A0 || c == 0x3000
		|| c == 0xFF0D || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* full-width digits and letters to ASCII, then lower case to upper */
static ucs4_t fold(ucs4_t c)
{
	if (c >= 0xFF10 && c <= 0xFF19)
		c = '0' + (c - 0xFF10);
	else if (c >= 0xFF21 && c <= 0xFF3A)
		c = 'A' + (c - 0xFF21);
	else if (c >= 0xFF41 && c <= 0xFF5A)
		c = 'a' + (c - 0xFF41);
	if (c >= 'a' && c <= 'z')
		c = c - 'a' + 'A';
	return c;
}

static char gb_check_char(const char *code)
{
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += alphabet_value(code[i]) * gb_weights[i];
	return uscc_alphabet[(31 - sum % 31) % 31];
}

/* the organisation code's own digits count letters as A = 10 … Z = 35 */
static char org_check_char(const char *code)
{
	int sum = 0;
	for (int i = 0; i < 8; i++) {
		char c = code[8 + i];
		int v = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
		sum += v * org_weights[i];
	}
	int r = 11 - sum % 11;
	return r == 10 ? 'X' : r == 11 ? '0' : (char)('0' + r);
}

static void set_found(uscc_error *e, int pos, ucs4_t c)
{
	e->pos = pos;
	int n = u8_uctomb((uint8_t *)e->found, c, 4);
	e->found[n > 0 ? n : 0] = '\0';
}

uscc_status uscc_check(const char *in, char norm[19], uscc_error *e)
{
	uscc_error dummy;
	if (!e)
		e = &dummy;
	memset(e, 0, sizeof *e);
	if (norm)
		norm[0] = '\0';
	if (!in)
		in = "";
	ucs4_t cp[USCC_LEN];
	int n = 0;
	const uint8_t *s = (const uint8_t *)in;
	size_t left = strlen(in);
	while (left > 0) {
		ucs4_t c;
		int k = u8_mbtouc(&c, s, left);
		s += k;
		left -= (size_t)k;
		if (is_separator(c))
			continue;
		if (n < USCC_LEN)
			cp[n] = fold(c);
		n++;
	}
	if (n != USCC_LEN) {
		e->length = n;
		return USCC_BAD_LENGTH;
	}
	e->length = n;
	char code[USCC_LEN + 1];
	for (int i = 0; i < USCC_LEN; i++) {
		if (cp[i] > 0x7F || alphabet_value((char)cp[i]) < 0) {
			set_found(e, i + 1, cp[i]);
			return USCC_BAD_CHAR;
		}
		code[i] = (char)cp[i];
	}
	code[USCC_LEN] = '\0';
	if (norm)
		memcpy(norm, code, USCC_LEN + 1);
	for (int i = 2; i < 8; i++)
		if (code[i] < '0' || code[i] > '9') {
			set_found(e, i + 1, (ucs4_t)code[i]);
			return USCC_BAD_REGION;
		}
	char want = gb_check_char(code);
	if (code[17] != want) {
		set_found(e, 18, (ucs4_t)code[17]);
		e->expected = want;
		return USCC_BAD_CHECK;
	}
	want = org_check_char(code);
	if (code[16] != want) {
		set_found(e, 17, (ucs4_t)code[16]);
		e->expected = want;
		return USCC_BAD_ORG_CHECK;
	}
	return USCC_VALID;
}

void uscc_complete(char code[19])
{
	code[16] = org_check_char(code);
	code[17] = gb_check_char(code);
	code[18] = '\0';
}

void uscc_explain(uscc_status st, const uscc_error *e, strbuf *out)
{
	switch (st) {
	case USCC_VALID:
		sb_add(out, _("the credit code is valid"));
		break;
	case USCC_BAD_LENGTH:
		sb_addf(out, _("a credit code has 18 characters, this one has %d"), e->length);
		break;
	case USCC_BAD_CHAR:
		sb_addf(out, _("position %d: '%s' cannot appear in a credit code "
			"(digits and capital letters except I, O, S, V, Z)"), e->pos, e->found);
		break;
	case USCC_BAD_REGION:
		sb_addf(out, _("position %d: the region code (positions 3-8) must be digits, "
			"found '%s'"), e->pos, e->found);
		break;
	case USCC_BAD_CHECK:
		sb_addf(out, _("position %d: check character is %s, expected %c"),
			e->pos, e->found, e->expected);
		break;
	case USCC_BAD_ORG_CHECK:
		sb_addf(out, _("position %d: organisation code check character is %s, expected %c"),
			e->pos, e->found, e->expected);
		break;
	}
}
