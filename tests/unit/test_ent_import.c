/* Enterprise import rules: what each fault does to its row in every template field
 * (an export's logins kept as a warning, everything else refused), and the header
 * match and row conversion the CSV and xlsx readers share. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "model/ent_import.h"

/* by_fault: the outcome of IMPORT_FAULT_INVALID, _DAMAGED, _DUPLICATE, _UNKNOWN in
 * that order, R refused and W kept with the field left empty and a warning */
static void test_fault_outcome(void **state)
{
	(void)state;
	static const struct {
		ent_field f;
		const char *by_fault;
	} t[] = {
		{ ENT_F_NONE, "RRRR" },         /* the row as a whole: a ragged row */
		{ ENT_F_NAME, "RRRR" },
		{ ENT_F_USCC, "RRRR" },         /* a code that lost its digits is never kept */
		{ ENT_F_AREA, "RRRR" },
		{ ENT_F_CATEGORY, "RRRR" },
		{ ENT_F_GROUP, "RRRW" },
		{ ENT_F_AVIATION, "RRRW" },
		{ ENT_F_INTRODUCED, "RRRW" },
		{ ENT_F_ADDRESS, "RRRW" },
		{ ENT_F_LEGAL_REP, "RRRW" },
		{ ENT_F_CONTACT, "RRRW" },
		{ ENT_F_PHONE, "RRRW" },        /* a phone that lost digits is refused, not emptied */
		{ ENT_F_COMMISSIONER, "RRRW" }, /* the login of the database an export came from */
	};
	assert_int_equal(sizeof t / sizeof t[0], ENT_F__COUNT);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		for (int k = 0; k < IMPORT_FAULT__COUNT; k++) {
			import_outcome want = t[i].by_fault[k] == 'W' ? IMPORT_WARN_EMPTY : IMPORT_REFUSE;
			if (import_fault_outcome(t[i].f, (import_fault)k) != want)
				fail_msg("field %d, fault %d: want %c", t[i].f, k, t[i].by_fault[k]);
		}
	/* no field past the table is ever emptied */
	assert_int_equal(import_fault_outcome(ENT_F__COUNT, IMPORT_FAULT_UNKNOWN), IMPORT_REFUSE);
	assert_int_equal(import_fault_outcome((ent_field)-1, IMPORT_FAULT_UNKNOWN), IMPORT_REFUSE);
}

/* a dry run writes nothing; all-or-nothing only a clean file; --skip-bad the good rows */
static void test_commits(void **state)
{
	(void)state;
	static const struct {
		ent_import_mode mode;
		long nbad;
		bool want;
	} t[] = {
		{ ENT_IMPORT_CHECK, 0, false }, { ENT_IMPORT_CHECK, 3, false },
		{ ENT_IMPORT_ALL, 0, true },    { ENT_IMPORT_ALL, 1, false },
		{ ENT_IMPORT_GOOD, 0, true },   { ENT_IMPORT_GOOD, 5, true },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (import_commits(t[i].mode, t[i].nbad) != t[i].want)
			fail_msg("mode %d with %ld bad: want %d", t[i].mode, t[i].nbad, t[i].want);
}

static const char *const header[] = {
	"统一社会信用代码", " 企业名称 ", "所属区域", "企业类别", "备注", "航空类", "服务专员",
};
#define NHEAD ((int)(sizeof header / sizeof header[0]))

static void test_header(void **state)
{
	(void)state;
	import_map m;
	strbuf err = STRBUF_INIT, ignored = STRBUF_INIT;
	assert_int_equal(import_map_header(&m, header, NHEAD, &err, &ignored), 0);
	assert_int_equal(m.col[ENT_F_USCC], 0);
	assert_int_equal(m.col[ENT_F_NAME], 1);
	assert_int_equal(m.col[ENT_F_COMMISSIONER], 6);
	assert_int_equal(m.col[ENT_F_PHONE], -1);
	assert_string_equal(sb_str(&ignored), "备注");
	/* a title row is not a header: every required column is named as missing */
	static const char *const title[] = { "高新区企业名录（2026年）" };
	sb_reset(&err);
	assert_int_equal(import_map_header(&m, title, 1, &err, NULL), -1);
	assert_non_null(strstr(sb_str(&err), "企业名称"));
	assert_non_null(strstr(sb_str(&err), "企业类别"));
	static const char *const twice[] = { "企业名称", "统一社会信用代码", "所属区域", "企业类别",
		                             "企业名称" };
	sb_reset(&err);
	assert_int_equal(import_map_header(&m, twice, 5, &err, NULL), -1);
	assert_non_null(strstr(sb_str(&err), "columns 1 and 5"));
	sb_free(&err);
	sb_free(&ignored);
}

static void test_row(void **state)
{
	(void)state;
	import_map m;
	strbuf err = STRBUF_INIT;
	assert_int_equal(import_map_header(&m, header, NHEAD, &err, NULL), 0);
	static const struct {
		const char *f[NHEAD];
		int n;
		int rc;
		bool aviation;
		const char *commissioner;
		ent_field bad;
	} t[] = {
		{ { "914403001922038216", "华勤", "昌东镇", "规上工业", "", "是", " kj1 " }, NHEAD, 0,
		  true, "kj1", ENT_F_NONE },
		/* a spreadsheet's booleans as Excel and WPS show them */
		{ { "914403001922038216", "华勤", "昌东镇", "规上工业", "", "TRUE", "" }, NHEAD, 0,
		  true, "", ENT_F_NONE },
		{ { "914403001922038216", "华勤", "昌东镇", "规上工业", "", "FALSE", "" }, NHEAD, 0,
		  false, "", ENT_F_NONE },
		{ { "914403001922038216", "华勤", "昌东镇", "规上工业", "", "", "" }, NHEAD, 0,
		  false, "", ENT_F_NONE },
		{ { "914403001922038216", "华勤", "昌东镇", "规上工业", "", "也许", "" }, NHEAD, -1,
		  false, NULL, ENT_F_AVIATION },
		{ { "914403001922038216", "华勤" }, 2, -1, false, NULL, ENT_F_NONE },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ent_record e = { 0 };
		char *login = NULL;
		ent_field bad = ENT_F__COUNT;
		sb_reset(&err);
		int rc = import_row(&m, t[i].f, t[i].n, &e, &login, &bad, &err);
		if (rc != t[i].rc)
			fail_msg("row %zu: rc %d (%s)", i, rc, sb_str(&err));
		assert_int_equal(bad, t[i].bad);
		if (rc == 0) {
			assert_int_equal(e.aviation, t[i].aviation);
			assert_string_equal(login, t[i].commissioner);
			assert_string_equal(e.uscc, "914403001922038216");
		} else {
			assert_true(err.len > 0);
		}
		free(login);
		ent_record_clear(&e);
	}
	sb_free(&err);
}

/* the lines of kept rows: a run per stretch where the line follows the order, and
 * each row's line found again whatever the runs */
static void test_lines(void **state)
{
	(void)state;
	static const struct {
		long lines[8];   /* the kept rows' lines, 0 ends */
		long runs;       /* the runs they make */
	} t[] = {
		{ { 2, 3, 4, 5, 6, 0 }, 1 },           /* a clean file: one run */
		{ { 2, 3, 5, 6, 0 }, 2 },              /* line 4 refused */
		{ { 2, 4, 5, 9, 10, 11, 0 }, 3 },      /* a cell over two lines, then bad rows */
		{ { 7, 0 }, 1 },
		{ { 0 }, 0 },                          /* nothing kept */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		import_lines m = { 0 };
		long n = 0;
		for (; t[i].lines[n]; n++)
			import_lines_add(&m, t[i].lines[n]);
		assert_int_equal(m.n, t[i].runs);
		assert_int_equal(m.count, n);
		for (long k = 0; k < n; k++)
			assert_int_equal(import_lines_get(&m, k), t[i].lines[k]);
		assert_int_equal(import_lines_get(&m, n), 0);
		assert_int_equal(import_lines_get(&m, -1), 0);
		import_lines_free(&m);
	}
	/* a big clean file stays one entry */
	import_lines m = { 0 };
	for (long k = 0; k < 100000; k++)
		import_lines_add(&m, k + 2);
	assert_int_equal(m.n, 1);
	assert_int_equal(import_lines_get(&m, 99999), 100001);
	import_lines_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fault_outcome),
		cmocka_unit_test(test_commits),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_row),
		cmocka_unit_test(test_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
