/* Financing needs: amounts as people write them (500万, 1.5亿, 5,000,000) to exact
 * fen and back, and every status move from every status. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/financing.h"

static void test_amount_parse(void **state)
{
	(void)state;
	static const struct { const char *in; int64_t fen; const char *err; } t[] = {
		{ "5000000", INT64_C(500000000), NULL },
		{ "500万", INT64_C(500000000), NULL },
		{ "500万元", INT64_C(500000000), NULL },
		{ "500 万", INT64_C(500000000), NULL },
		{ "1.5亿", INT64_C(15000000000), NULL },
		{ "1.5亿元", INT64_C(15000000000), NULL },
		{ "0.0001万", INT64_C(100), NULL },
		{ "0.000001万", INT64_C(1), NULL },
		{ "0.0000000001亿", INT64_C(1), NULL },
		{ "3456.78", INT64_C(345678), NULL },
		{ "3456.78元", INT64_C(345678), NULL },
		{ "3456.780", INT64_C(345678), NULL },
		{ "0.01", INT64_C(1), NULL },
		{ "5,000,000", INT64_C(500000000), NULL },
		{ "1,234.5", INT64_C(123450), NULL },
		{ "  500万 ", INT64_C(500000000), NULL },
		{ "　500万　", INT64_C(500000000), NULL },
		{ "５００万", INT64_C(500000000), NULL },
		{ "１．５亿", INT64_C(15000000000), NULL },
		{ "5，000，000", INT64_C(500000000), NULL },
		{ "10000亿", INT64_C(100000000000000), NULL },
		{ "1000000000000", INT64_C(100000000000000), NULL },
		{ "10000.0001亿", 0, "more than 1,000,000" },
		{ "1000000000000.01", 0, "more than 1,000,000" },
		{ "99999999999999999999999", 0, "more than 1,000,000" },
		{ "3456.789", 0, "finer than one fen" },
		{ "0.0000001万", 0, "finer than one fen" },
		{ "0.00000000001亿", 0, "finer than one fen" },
		{ "0", 0, "more than zero" },
		{ "0.00万", 0, "more than zero" },
		{ "", 0, "not an amount" },
		{ "万", 0, "not an amount" },
		{ "-500", 0, "not an amount" },
		{ "5e6", 0, "not an amount" },
		{ "500w", 0, "not an amount" },
		{ "500美元", 0, "not an amount" },
		{ "1.", 0, "not an amount" },
		{ ".5万", 0, "not an amount" },
		{ "5,00", 0, "not an amount" },
		{ "50,0000", 0, "not an amount" },
		{ ",500", 0, "not an amount" },
		{ "1,000,", 0, "not an amount" },
		{ "1.5.2", 0, "not an amount" },
		{ "五百万", 0, "not an amount" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		int64_t fen = -7;
		int rc = fin_amount_parse(t[i].in, &fen, &err);
		if (t[i].err) {
			if (rc != -1 || !strstr(sb_str(&err), t[i].err))
				fail_msg("'%s': rc %d err '%s', want '%s'", t[i].in, rc, sb_str(&err),
				         t[i].err);
			assert_int_equal(fen, -7);
		} else {
			if (rc != 0 || fen != t[i].fen)
				fail_msg("'%s': rc %d fen %lld (%s), want %lld", t[i].in, rc,
				         (long long)fen, sb_str(&err), (long long)t[i].fen);
		}
		sb_free(&err);
	}
}

static void test_amount_format(void **state)
{
	(void)state;
	static const struct { int64_t fen; const char *yuan; const char *num; fin_scale scale; } t[] = {
		{ 1, "0.01", "0.01", FIN_YUAN },
		{ 100, "1.00", "1", FIN_YUAN },
		{ 345678, "3456.78", "3456.78", FIN_YUAN },
		{ 345670, "3456.70", "3456.7", FIN_YUAN },
		{ 999999, "9999.99", "9999.99", FIN_YUAN },
		{ 1000000, "10000.00", "1", FIN_WAN },
		{ 1000001, "10000.01", "10000.01", FIN_YUAN },
		{ 500000000, "5000000.00", "500", FIN_WAN },
		{ 123456700, "1234567.00", "123.4567", FIN_WAN },
		{ 15000000000, "150000000.00", "1.5", FIN_YI },
		{ 10000000000, "100000000.00", "1", FIN_YI },
		{ 10012345600, "100123456.00", "10012.3456", FIN_WAN },
		{ 10001000000, "100010000.00", "1.0001", FIN_YI },
		{ 100000000000000, "1000000000000.00", "10000", FIN_YI },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char buf[32];
		assert_string_equal(fin_amount_yuan(t[i].fen, buf), t[i].yuan);
		fin_scale s = fin_amount_scaled(t[i].fen, buf);
		if (s != t[i].scale || strcmp(buf, t[i].num) != 0)
			fail_msg("%lld fen: '%s' scale %d, want '%s' scale %d", (long long)t[i].fen, buf,
			         s, t[i].num, t[i].scale);
	}
}

/* the yuan string parses back to the same fen */
static void test_amount_round_trip(void **state)
{
	(void)state;
	static const int64_t t[] = { 1, 99, 100, 12345, 1000000, 987654321, FIN_MAX_FEN };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char buf[32];
		int64_t back = 0;
		strbuf err = STRBUF_INIT;
		assert_int_equal(fin_amount_parse(fin_amount_yuan(t[i], buf), &back, &err), 0);
		assert_int_equal(back, t[i]);
		sb_free(&err);
	}
}

/* expected[from] = the statuses it may move to, by initial:
 * n need, m matching, d matched, f funded, c closed */
static void test_status_moves(void **state)
{
	(void)state;
	static const char initial[FIN__COUNT] = { 'n', 'm', 'd', 'f', 'c' };
	static const char *const expected[FIN__COUNT + 1] = {
		[FIN_NEED] = "mdfc",
		[FIN_MATCHING] = "ndfc",
		[FIN_MATCHED] = "mfc",
		[FIN_FUNDED] = "c",
		[FIN_CLOSED] = "n",
		[FIN_NEW] = "nmdf",
	};
	for (int from = 0; from <= FIN_NEW; from++)
		for (int to = 0; to < FIN__COUNT; to++) {
			fin_verdict v = fin_change_check(from, (fin_status)to, "工商银行");
			fin_verdict want = from == to ? FIN_SAME
				: strchr(expected[from], initial[to]) ? FIN_OK : FIN_NOT_NEXT;
			if (v != want)
				fail_msg("%d -> %s: got %d want %d", from, fin_status_code((fin_status)to), v,
				         want);
		}
}

static void test_institution_required(void **state)
{
	(void)state;
	static const struct { int from; fin_status to; const char *inst; fin_verdict v; } t[] = {
		{ FIN_NEED, FIN_MATCHED, NULL, FIN_NEEDS_INSTITUTION },
		{ FIN_NEED, FIN_MATCHED, "", FIN_NEEDS_INSTITUTION },
		{ FIN_MATCHING, FIN_FUNDED, "", FIN_NEEDS_INSTITUTION },
		{ FIN_NEW, FIN_FUNDED, NULL, FIN_NEEDS_INSTITUTION },
		{ FIN_NEW, FIN_MATCHED, "南昌银行", FIN_OK },
		{ FIN_NEED, FIN_MATCHING, NULL, FIN_OK },
		{ FIN_MATCHED, FIN_CLOSED, "", FIN_OK },
		{ FIN_NEW, FIN_NEED, NULL, FIN_OK },
		{ FIN_NEW, FIN_CLOSED, "x", FIN_NOT_NEXT },
		{ FIN_FUNDED, FIN_NEED, "x", FIN_NOT_NEXT },
		{ -1, FIN_NEED, "x", FIN_NOT_NEXT },
		{ FIN_NEED, FIN__COUNT, "x", FIN_NOT_NEXT },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(fin_change_check(t[i].from, t[i].to, t[i].inst), t[i].v);
	assert_true(fin_status_needs_institution(FIN_MATCHED));
	assert_true(fin_status_needs_institution(FIN_FUNDED));
	assert_false(fin_status_needs_institution(FIN_MATCHING));
}

/* the amount funded: required by a move to funded, refused with any other move;
 * the status rule is asked first */
static void test_funded_rule(void **state)
{
	(void)state;
	static const struct {
		int from; fin_status to; const char *inst; int64_t funded; fin_verdict v;
	} t[] = {
		{ FIN_MATCHED, FIN_FUNDED, "江西银行", 0, FIN_NEEDS_FUNDED },
		{ FIN_MATCHED, FIN_FUNDED, "江西银行", 1, FIN_OK },
		{ FIN_MATCHED, FIN_FUNDED, "江西银行", FIN_MAX_FEN, FIN_OK },
		{ FIN_NEW, FIN_FUNDED, "江西银行", 0, FIN_NEEDS_FUNDED },
		{ FIN_NEW, FIN_FUNDED, "江西银行", 450000000, FIN_OK },
		{ FIN_NEW, FIN_FUNDED, NULL, 450000000, FIN_NEEDS_INSTITUTION },
		{ FIN_NEED, FIN_MATCHING, NULL, 100, FIN_FUNDED_ONLY },
		{ FIN_MATCHING, FIN_MATCHED, "江西银行", 100, FIN_FUNDED_ONLY },
		{ FIN_FUNDED, FIN_CLOSED, "江西银行", 100, FIN_FUNDED_ONLY },
		/* a funded need closed keeps what it had: nothing is given with the move */
		{ FIN_FUNDED, FIN_CLOSED, "江西银行", 0, FIN_OK },
		{ FIN_NEW, FIN_NEED, NULL, 0, FIN_OK },
		{ FIN_FUNDED, FIN_FUNDED, "江西银行", 100, FIN_SAME },
		{ FIN_FUNDED, FIN_NEED, "江西银行", 0, FIN_NOT_NEXT },
		{ FIN_CLOSED, FIN_FUNDED, "江西银行", 100, FIN_NOT_NEXT },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		fin_verdict v = fin_move_check(t[i].from, t[i].to, t[i].inst, t[i].funded);
		if (v != t[i].v)
			fail_msg("row %zu: got %d want %d", i, v, t[i].v);
	}
}

static void test_open_statuses(void **state)
{
	(void)state;
	static const bool open[FIN__COUNT] = {
		[FIN_NEED] = true, [FIN_MATCHING] = true, [FIN_MATCHED] = true,
		[FIN_FUNDED] = false, [FIN_CLOSED] = false,
	};
	for (int s = 0; s < FIN__COUNT; s++)
		assert_int_equal(fin_status_open((fin_status)s), open[s]);
}

/* what an update asks is cleaned like a new need's fields */
static void test_change_clean(void **state)
{
	(void)state;
	static const struct {
		const char *inst, *note; int64_t funded; int rc; const char *inst_after, *err;
	} t[] = {
		{ " 江西银行 ", " 放款 ", 100, 0, "江西银行", NULL },
		{ NULL, NULL, 0, 0, NULL, NULL },
		{ "", "", 0, 0, "", NULL },
		{ NULL, NULL, -1, -1, NULL, "outside" },
		{ NULL, NULL, FIN_MAX_FEN + 1, -1, NULL, "outside" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		fin_change c = { .status = -1 };
		c.institution = t[i].inst ? strdup(t[i].inst) : NULL;
		c.note = t[i].note ? strdup(t[i].note) : NULL;
		c.funded_fen = t[i].funded;
		strbuf err = STRBUF_INIT;
		assert_int_equal(fin_change_clean(&c, &err), t[i].rc);
		if (t[i].rc == 0 && t[i].inst_after)
			assert_string_equal(c.institution, t[i].inst_after);
		if (t[i].rc == 0 && !t[i].inst_after)
			assert_null(c.institution);
		if (t[i].err)
			assert_non_null(strstr(sb_str(&err), t[i].err));
		sb_free(&err);
		fin_change_clear(&c);
	}
	/* a note of 501 characters is too long */
	fin_change c = { .status = -1 };
	strbuf long_note = STRBUF_INIT, err = STRBUF_INIT;
	for (int i = 0; i < 501; i++)
		sb_add(&long_note, "融");
	c.note = sb_steal(&long_note);
	assert_int_equal(fin_change_clean(&c, &err), -1);
	assert_non_null(strstr(sb_str(&err), "500"));
	sb_free(&err);
	fin_change_clear(&c);
}

static void test_status_codes(void **state)
{
	(void)state;
	static const char *const codes[FIN__COUNT] = { "need", "matching", "matched", "funded",
	                                               "closed" };
	for (int i = 0; i < FIN__COUNT; i++) {
		fin_status s;
		assert_string_equal(fin_status_code((fin_status)i), codes[i]);
		assert_true(fin_status_parse(codes[i], &s));
		assert_int_equal(s, i);
		assert_true(fin_status_parse(fin_status_label((fin_status)i), &s));
		assert_int_equal(s, i);
	}
	fin_status s;
	assert_false(fin_status_parse("Need", &s));
	assert_false(fin_status_parse("", &s));
	assert_false(fin_status_parse(NULL, &s));
	strbuf b = STRBUF_INIT;
	fin_status_list(&b);
	assert_string_equal(sb_str(&b), "need, matching, matched, funded, closed");
	sb_reset(&b);
	fin_status_next(FIN_MATCHED, &b);
	assert_string_equal(sb_str(&b), "matching, funded, closed");
	sb_reset(&b);
	fin_status_next((fin_status)FIN_NEW, &b);
	assert_string_equal(sb_str(&b), "need, matching, matched, funded");
	sb_free(&b);
}

static void test_validate(void **state)
{
	(void)state;
	fin_rec f = { 0 };
	strbuf err = STRBUF_INIT;
	f.amount_fen = 100;
	f.purpose = strdup("  购置设备\t ");
	f.institution = NULL;
	assert_int_equal(fin_validate(&f, &err), 0);
	assert_string_equal(f.purpose, "购置设备");
	assert_string_equal(f.institution, "");
	free(f.purpose);
	f.purpose = strdup("   ");
	assert_int_equal(fin_validate(&f, &err), -1);
	assert_non_null(strstr(sb_str(&err), "must not be empty"));
	sb_reset(&err);
	free(f.purpose);
	f.purpose = strdup("流动资金");
	f.amount_fen = 0;
	assert_int_equal(fin_validate(&f, &err), -1);
	f.amount_fen = FIN_MAX_FEN + 1;
	assert_int_equal(fin_validate(&f, &err), -1);
	fin_rec_clear(&f);
	assert_null(f.purpose);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_amount_parse),
		cmocka_unit_test(test_amount_format),
		cmocka_unit_test(test_amount_round_trip),
		cmocka_unit_test(test_status_moves),
		cmocka_unit_test(test_institution_required),
		cmocka_unit_test(test_funded_rule),
		cmocka_unit_test(test_open_statuses),
		cmocka_unit_test(test_change_clean),
		cmocka_unit_test(test_status_codes),
		cmocka_unit_test(test_validate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
