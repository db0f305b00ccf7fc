/* Unified social credit codes: real valid codes, each kind of fault with its position
 * and expected character, the normalisation of typed and pasted input, and
 * uscc_complete against the checker over many generated codes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/uscc.h"

static void test_valid(void **state)
{
	(void)state;
	static const char *const t[] = {
		"914403001922038216", "91440300708461136T", "91110000600037341L",
		"91360117914177769G",
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char norm[19];
		uscc_error e;
		if (uscc_check(t[i], norm, &e) != USCC_VALID)
			fail_msg("%s rejected", t[i]);
		assert_string_equal(norm, t[i]);
	}
	assert_int_equal(uscc_check(t[0], NULL, NULL), USCC_VALID);
}

static void test_faults(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		uscc_status st;
		int pos, length;
		const char *found;
		char expected;
	} t[] = {
		{ "91440300708461136", USCC_BAD_LENGTH, 0, 17, "", 0 },
		{ "91440300708461136T1", USCC_BAD_LENGTH, 0, 19, "", 0 },
		{ "", USCC_BAD_LENGTH, 0, 0, "", 0 },
		{ NULL, USCC_BAD_LENGTH, 0, 0, "", 0 },
		{ "   ", USCC_BAD_LENGTH, 0, 0, "", 0 },
		{ "91440300708461136I", USCC_BAD_CHAR, 18, 18, "I", 0 },
		{ "9O440300708461136T", USCC_BAD_CHAR, 2, 18, "O", 0 },
		{ "9144030070846113ZT", USCC_BAD_CHAR, 17, 18, "Z", 0 },
		{ "9144中300708461136T", USCC_BAD_CHAR, 5, 18, "中", 0 },
		{ "91440300708461136*", USCC_BAD_CHAR, 18, 18, "*", 0 },
		{ "91A40300708461136T", USCC_BAD_REGION, 3, 18, "A", 0 },
		{ "9144030Y708461136T", USCC_BAD_REGION, 8, 18, "Y", 0 },
		{ "914403001922038217", USCC_BAD_CHECK, 18, 18, "7", '6' },
		{ "91440300708461136A", USCC_BAD_CHECK, 18, 18, "A", 'T' },
		{ "91110000600037341M", USCC_BAD_CHECK, 18, 18, "M", 'L' },
		{ "914403001922038316", USCC_BAD_CHECK, 18, 18, "6", '7' },
		/* the GB check passes, the embedded organisation code's does not */
		{ "914403001922038229", USCC_BAD_ORG_CHECK, 17, 18, "2", '1' },
		{ "9144030070846113X2", USCC_BAD_ORG_CHECK, 17, 18, "X", '6' },
		{ "91110000600037349D", USCC_BAD_ORG_CHECK, 17, 18, "9", '1' },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		uscc_error e;
		char norm[19] = "stale";
		uscc_status st = uscc_check(t[i].in, norm, &e);
		if (st != t[i].st)
			fail_msg("%s: status %d, want %d", t[i].in, (int)st, (int)t[i].st);
		assert_int_equal(e.pos, t[i].pos);
		assert_int_equal(e.length, t[i].length);
		assert_string_equal(e.found, t[i].found);
		assert_int_equal(e.expected, t[i].expected);
		if (st == USCC_BAD_LENGTH || st == USCC_BAD_CHAR)
			assert_string_equal(norm, "");
		else
			assert_int_equal(strlen(norm), 18);
	}
}

static void test_normalise(void **state)
{
	(void)state;
	static const struct { const char *in, *want; } t[] = {
		{ " 91440300708461136T ", "91440300708461136T" },
		{ "9144 0300 7084 6113 6T", "91440300708461136T" },
		{ "91440300-70846113-6T", "91440300708461136T" },
		{ "91440300708461136t", "91440300708461136T" },
		{ "91110000600037341l", "91110000600037341L" },
		{ "\t914403001922038216\t", "914403001922038216" },
		/* full-width digits and letters, as an input method in full-width mode types */
		{ "９１４４０３００７０８４６１１３６Ｔ", "91440300708461136T" },
		{ "９１４４０３００７０８４６１１３６ｔ", "91440300708461136T" },
		/* ideographic space, full-width hyphen, en dash and no-break space from documents */
		{ "9144　0300－7084–6113\xC2\xA0" "6T", "91440300708461136T" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char norm[19];
		uscc_error e;
		if (uscc_check(t[i].in, norm, &e) != USCC_VALID)
			fail_msg("'%s' rejected", t[i].in);
		assert_string_equal(norm, t[i].want);
	}
}

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* a fixed pseudo-random sequence, so a failure can be reproduced */
static uint32_t next(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

static void test_complete_roundtrip(void **state)
{
	(void)state;
	uint32_t seed = 20260214;
	for (int k = 0; k < 20000; k++) {
		char code[19];
		for (int i = 0; i < 16; i++)
			code[i] = i >= 2 && i < 8 ? (char)('0' + next(&seed) % 10) : alphabet[next(&seed) % 31];
		uscc_complete(code);
		assert_int_equal(strlen(code), 18);
		uscc_error e;
		if (uscc_check(code, NULL, &e) != USCC_VALID)
			fail_msg("completed code %s rejected", code);
		/* mod 31 with weights prime to 31 catches every single substitution */
		int pos = (int)(next(&seed) % 18);
		char was = code[pos];
		char now;
		do
			now = alphabet[next(&seed) % 31];
		while (now == was);
		code[pos] = now;
		uscc_status want = pos >= 2 && pos < 8 && (now < '0' || now > '9')
			? USCC_BAD_REGION : USCC_BAD_CHECK;
		uscc_status got = uscc_check(code, NULL, &e);
		if (got != want)
			fail_msg("%s (position %d changed): status %d, want %d", code, pos + 1, (int)got, (int)want);
	}
	char known[19] = "9144030070846113";
	uscc_complete(known);
	assert_string_equal(known, "91440300708461136T");
}

static void test_explain(void **state)
{
	(void)state;
	uscc_error e;
	strbuf b = STRBUF_INIT;
	uscc_explain(uscc_check("914403001922038217", NULL, &e), &e, &b);
	assert_string_equal(sb_str(&b), "position 18: check character is 7, expected 6");
	sb_reset(&b);
	uscc_explain(uscc_check("914403001922038229", NULL, &e), &e, &b);
	assert_string_equal(sb_str(&b), "position 17: organisation code check character is 2, expected 1");
	sb_reset(&b);
	uscc_explain(uscc_check("9144", NULL, &e), &e, &b);
	assert_string_equal(sb_str(&b), "a credit code has 18 characters, this one has 4");
	sb_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_faults),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_complete_roundtrip),
		cmocka_unit_test(test_explain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
