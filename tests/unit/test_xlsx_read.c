/* xlsx import: the reader over workbooks tests/make_xlsx.py writes byte by byte (as
 * Excel writes them, as WPS writes them, codes stored as numbers, and damaged in
 * every way the reader must name), the pure cell rules of core/xlsx_value.c, and
 * an export of core/xlsx.c read back digit for digit.
 * Usage: test_xlsx_read PYTHON make_xlsx.py */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "core/xlsx.h"
#include "core/xlsx_read.h"
#include "core/xlsx_value.h"

static char tmpdir[] = "/tmp/qifu-test-xlsx-read-XXXXXX";
static const char *python, *maker;

static char *fixture(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* a row as the tests spell it: its number, then "KIND:text" per cell, where KIND
 * is one letter (- empty, T text, N number, D date, B bool, E error, L lost) */
typedef struct want_row {
	long row;
	const char *cells[32];
} want_row;

static const char kind_letter[] = { '-', 'T', 'N', 'D', 'B', 'E', 'L' };

static void expect_rows(xlsx_reader *r, const want_row *want, size_t n)
{
	strbuf err = STRBUF_INIT;
	xlsx_read_row row;
	for (size_t i = 0; i < n; i++) {
		if (xlsx_read_next(r, &row, &err) != 1)
			fail_msg("row %zu: %s", i, sb_str(&err));
		assert_int_equal(row.row, want[i].row);
		int ncells = 0;
		while (want[i].cells[ncells])
			ncells++;
		if (row.ncells != ncells)
			fail_msg("row %ld: %d cells, want %d", row.row, row.ncells, ncells);
		for (int c = 0; c < ncells; c++) {
			char *got = xasprintf("%c:%s", kind_letter[row.kinds[c]], row.cells[c]);
			if (strcmp(got, want[i].cells[c]) != 0)
				fail_msg("row %ld, column %d: '%s', want '%s'", row.row, c + 1, got,
				         want[i].cells[c]);
			free(got);
		}
	}
	assert_int_equal(xlsx_read_next(r, &row, &err), 0);
	assert_int_equal(xlsx_read_next(r, &row, &err), 0);
	sb_free(&err);
}

/* read fixture name (sheet: NULL the first) and compare its rows with want */
static void expect_file(const char *name, const char *sheet, const want_row *want, size_t n)
{
	char *path = fixture(name);
	strbuf err = STRBUF_INIT;
	xlsx_reader *r = xlsx_read_open(path, sheet, &err);
	if (!r)
		fail_msg("%s: %s", name, sb_str(&err));
	expect_rows(r, want, n);
	xlsx_read_close(&r);
	sb_free(&err);
	free(path);
}

/* the 21 empty cells F7 to Z7 */
#define F_TO_Z "-:", "-:", "-:", "-:", "-:", "-:", "-:", "-:", "-:", "-:", "-:", "-:", \
	"-:", "-:", "-:", "-:", "-:", "-:", "-:", "-:", "-:"

static const want_row excel_rows[] = {
	{ 1, { "T:企业名称", "T:统一社会信用代码", "T:联系电话", "T:成立日期", "T:备注" } },
	/* rich text without its phonetic run; 1.38E10 digit for digit; a date serial by
	 * the built-in format 14; _x000D_ a carriage return */
	{ 2, { "T:华勤技术股份有限公司", "T:914403001922038216", "N:13800000000", "D:2026-01-01",
	       "T:第一行\r第二行" } },
	/* a number typed as text stays text; a custom Chinese date-time format; E3
	 * has a style and no value: empty, and trailing, so not there */
	{ 3, { "T:航空配件", "T:91110000600037341L", "T:13800000000", "D:2026-02-01 12:00" } },
	/* row 4 is missing and B5, C5 skipped: empty; the Chinese built-in format 31 */
	{ 5, { "T:只有两格", "-:", "-:", "D:2025-01-01" } },
	/* row 6 holds no cell; a formula's string result, a boolean, an error, "000000",
	 * 0.30000000000000004 as Excel shows it, and column AA */
	{ 7, { "T:公式结果", "B:TRUE", "E:#N/A", "N:001234", "N:0.3", F_TO_Z,
	       "T:远列" } },
	/* a negative fraction, a time by format 20, the text format 49 on a number, a
	 * style past the table read as General */
	{ 8, { "N:-12.5", "D:18:00", "N:3", "N:46023" } },
};

static void test_excel(void **state)
{
	(void)state;
	char *path = fixture("excel.xlsx");
	strbuf err = STRBUF_INIT;
	xlsx_reader *r = xlsx_read_open(path, NULL, &err);
	if (!r)
		fail_msg("%s", sb_str(&err));
	assert_string_equal(xlsx_read_sheet(r), "企业名录");
	expect_rows(r, excel_rows, sizeof excel_rows / sizeof excel_rows[0]);
	size_t done, total;
	xlsx_read_progress(r, &done, &total);
	assert_true(done > 0);
	assert_int_equal(done, total);
	xlsx_read_close(&r);
	assert_null(r);

	/* another sheet by its name; a name that is not there lists the sheets */
	static const want_row second[] = { { 1, { "T:第二页内容" } } };
	expect_file("excel.xlsx", "第二页", second, 1);
	assert_null(xlsx_read_open(path, "第三页", &err));
	assert_non_null(strstr(sb_str(&err), "excel.xlsx: no sheet named '第三页'"));
	assert_non_null(strstr(sb_str(&err), "企业名录, 第二页"));
	sb_free(&err);
	free(path);
}

static void test_memory(void **state)
{
	(void)state;
	char *path = fixture("excel.xlsx");
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char buf[65536];
	size_t n = fread(buf, 1, sizeof buf, fp);
	fclose(fp);
	strbuf err = STRBUF_INIT;
	xlsx_reader *r = xlsx_read_open_mem(buf, n, "内存", NULL, &err);
	if (!r)
		fail_msg("%s", sb_str(&err));
	memset(buf, 0, sizeof buf); /* the reader has its own copy */
	expect_rows(r, excel_rows, sizeof excel_rows / sizeof excel_rows[0]);
	xlsx_read_close(&r);
	assert_null(xlsx_read_open_mem(buf, 0, "内存", NULL, &err));
	assert_string_equal(sb_str(&err), "内存: empty file");
	assert_true(xlsx_read_sniff("PK\x03\x04", 4));
	assert_true(xlsx_read_sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
	assert_false(xlsx_read_sniff("企业名称,", 13));
	assert_false(xlsx_read_sniff("PK", 2));
	sb_free(&err);
	free(path);
}

static void test_wps(void **state)
{
	(void)state;
	/* prefixed elements, absolute targets, no references, rich inline text, the
	 * 1904 date system under the Chinese built-in format 57 */
	static const want_row rows[] = {
		{ 1, { "T:企业名称", "T:统一社会信用代码", "T:所属区域", "T:企业类别" } },
		{ 2, { "T:南昌甜心", "T:913601170530002153", "D:2026-01-01", "N:13907910001" } },
	};
	expect_file("wps.xlsx", NULL, rows, 2);
}

static void test_lost(void **state)
{
	(void)state;
	/* Excel keeps 15 digits of an 18-digit code typed as a number; past 2^53 a
	 * double cannot hold every integer, so even 17 written digits are not trusted */
	static const want_row rows[] = {
		{ 1, { "L:914403001922038000", "L:91440300708461136", "N:9007199254740992",
		       "L:9007199254740993", "N:13800000000", "L:-9200000000000000000" } },
	};
	expect_file("lost.xlsx", NULL, rows, 1);
}

/* every damaged file: refused when opened (at_open) or when read, with a message
 * naming the file and the part */
static void test_damaged(void **state)
{
	(void)state;
	static const struct {
		const char *file;
		bool at_open;
		const char *msg;
	} t[] = {
		{ "notzip.xlsx", true, "notzip.xlsx: not an xlsx workbook (not a zip archive)" },
		{ "truncated.xlsx", true, "truncated.xlsx: a damaged zip archive" },
		{ "ole.xlsx", true, "ole.xlsx: an .xls workbook, or one protected by a password" },
		{ "empty.xlsx", true, "empty.xlsx: empty file" },
		{ "missing.xlsx", true, "missing.xlsx: No such file or directory" },
		{ "nosheets.xlsx", true, "nosheets.xlsx: the workbook has no sheets" },
		{ "noworkbook.xlsx", true, "noworkbook.xlsx: no xl/workbook.xml in the archive" },
		{ "nopart.xlsx", true, "nopart.xlsx: no xl/worksheets/sheet1.xml in the archive" },
		{ "chart.xlsx", true, "chart.xlsx: sheet '图表' is not a table of cells (chartsheet)" },
		{ "huge.xlsx", true, "huge.xlsx: xl/worksheets/sheet1.xml (sheet 'Sheet1'): larger "
		                     "than 200 MB unpacked" },
		{ "malformed.xlsx", false, "malformed.xlsx: xl/worksheets/sheet1.xml (sheet "
		                           "'Sheet1'): malformed XML at line 2" },
		{ "dtd.xlsx", false, "dtd.xlsx: xl/worksheets/sheet1.xml (sheet 'Sheet1'): a DTD" },
		{ "crc.xlsx", false, "crc.xlsx: xl/worksheets/sheet1.xml (sheet 'Sheet1'): CRC error" },
		{ "nosst.xlsx", false, "cell A1: shared string '3' is not among the 2 of the workbook" },
		{ "badnum.xlsx", false, "cell B1: '12abc' is not a number" },
		{ "order.xlsx", false, "row 2 comes after row 3" },
		{ "colorder.xlsx", false, "cell B1 comes after a cell to its right" },
		{ "badref.xlsx", false, "row 1: '1A' is not a cell reference" },
		{ "widerow.xlsx", false, "row 1: 'XFE1' is not a cell reference" },
		{ "toomany.xlsx", false, "more than 1048576 rows, too big to import" },
		{ "longcell.xlsx", false, "cell A1 is longer than 1048576 bytes" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *path = fixture(t[i].file);
		strbuf err = STRBUF_INIT;
		xlsx_reader *r = xlsx_read_open(path, NULL, &err);
		if (!t[i].at_open) {
			if (!r)
				fail_msg("%s: %s", t[i].file, sb_str(&err));
			xlsx_read_row row;
			int rc;
			while ((rc = xlsx_read_next(r, &row, &err)) == 1)
				;
			if (rc != -1)
				fail_msg("%s: read to the end", t[i].file);
			/* and it stays failed */
			strbuf again = STRBUF_INIT;
			assert_int_equal(xlsx_read_next(r, &row, &again), -1);
			assert_string_equal(sb_str(&again), sb_str(&err));
			sb_free(&again);
			xlsx_read_close(&r);
		} else if (r) {
			fail_msg("%s: opened", t[i].file);
		}
		if (!strstr(sb_str(&err), t[i].msg))
			fail_msg("%s: '%s' lacks '%s'", t[i].file, sb_str(&err), t[i].msg);
		if (!strstr(sb_str(&err), tmpdir))
			fail_msg("%s: '%s' does not name the file", t[i].file, sb_str(&err));
		sb_free(&err);
		free(path);
	}
}

static void test_numbers(void **state)
{
	(void)state;
	static const xlsx_numfmt general = { XLSX_FMT_GENERAL, false, 0 };
	static const xlsx_numfmt pad6 = { XLSX_FMT_GENERAL, false, 6 };
	static const xlsx_numfmt date = { XLSX_FMT_DATE, false, 0 };
	static const xlsx_numfmt time = { XLSX_FMT_TIME, true, 0 };
	static const xlsx_numfmt datetime = { XLSX_FMT_DATETIME, false, 0 };
	static const struct {
		const char *v;
		const xlsx_numfmt *fmt;
		bool date1904;
		int kind;
		const char *text;
	} t[] = {
		{ "13800000000", &general, false, XLSX_CELL_NUMBER, "13800000000" },
		{ "1.38E10", &general, false, XLSX_CELL_NUMBER, "13800000000" },
		{ "1.38e+10", &general, false, XLSX_CELL_NUMBER, "13800000000" },
		{ "13800000000.0", &general, false, XLSX_CELL_NUMBER, "13800000000" },
		{ "0013800000000", &general, false, XLSX_CELL_NUMBER, "13800000000" },
		{ " 42 ", &general, false, XLSX_CELL_NUMBER, "42" },
		{ "0", &general, false, XLSX_CELL_NUMBER, "0" },
		{ "-0", &general, false, XLSX_CELL_NUMBER, "0" },
		{ "0.0", &general, false, XLSX_CELL_NUMBER, "0" },
		{ "-7", &general, false, XLSX_CELL_NUMBER, "-7" },
		{ "1234", &pad6, false, XLSX_CELL_NUMBER, "001234" },
		{ "1234567", &pad6, false, XLSX_CELL_NUMBER, "1234567" },
		{ "-12", &pad6, false, XLSX_CELL_NUMBER, "-12" },
		{ "0.1", &general, false, XLSX_CELL_NUMBER, "0.1" },
		{ "0.30000000000000004", &general, false, XLSX_CELL_NUMBER, "0.3" },
		{ "1200.5", &general, false, XLSX_CELL_NUMBER, "1200.5" },
		{ "1.5E-7", &general, false, XLSX_CELL_NUMBER, "1.5E-07" },
		/* 2^53 is the last integer every double holds */
		{ "9007199254740992", &general, false, XLSX_CELL_NUMBER, "9007199254740992" },
		{ "9007199254740993", &general, false, XLSX_CELL_LOST, "9007199254740993" },
		{ "9.00719925474099E+15", &general, false, XLSX_CELL_NUMBER, "9007199254740990" },
		{ "9.14403001922038E+17", &general, false, XLSX_CELL_LOST, "914403001922038000" },
		{ "914403001922038216", &general, false, XLSX_CELL_LOST, "914403001922038216" },
		{ "1E+300", &general, false, XLSX_CELL_LOST, "1E+300" },
		{ "91440300708461136", &pad6, false, XLSX_CELL_LOST, "91440300708461136" },
		/* dates by the 1900 system, with Excel's 29 February 1900 */
		{ "1", &date, false, XLSX_CELL_DATE, "1900-01-01" },
		{ "59", &date, false, XLSX_CELL_DATE, "1900-02-28" },
		{ "60", &date, false, XLSX_CELL_DATE, "1900-02-29" },
		{ "61", &date, false, XLSX_CELL_DATE, "1900-03-01" },
		{ "25569", &date, false, XLSX_CELL_DATE, "1970-01-01" },
		{ "46023", &date, false, XLSX_CELL_DATE, "2026-01-01" },
		{ "46023.99", &date, false, XLSX_CELL_DATE, "2026-01-01" },
		{ "2958465", &date, false, XLSX_CELL_DATE, "9999-12-31" },
		/* out of Excel's range: the number */
		{ "2958466", &date, false, XLSX_CELL_NUMBER, "2958466" },
		{ "-1", &date, false, XLSX_CELL_NUMBER, "-1" },
		{ "0", &date, false, XLSX_CELL_NUMBER, "0" },
		{ "0", &date, true, XLSX_CELL_DATE, "1904-01-01" },
		{ "44561", &date, true, XLSX_CELL_DATE, "2026-01-01" },
		{ "0.75", &time, false, XLSX_CELL_DATE, "18:00:00" },
		{ "0.999999999", &time, false, XLSX_CELL_DATE, "00:00:00" },
		{ "46054.5", &datetime, false, XLSX_CELL_DATE, "2026-02-01 12:00" },
		{ "46054.99999999", &datetime, false, XLSX_CELL_DATE, "2026-02-02 00:00" },
		{ "", &general, false, -1, NULL },
		{ "abc", &general, false, -1, NULL },
		{ "12abc", &general, false, -1, NULL },
		{ "1e", &general, false, -1, NULL },
		{ ".", &general, false, -1, NULL },
		{ "1..2", &general, false, -1, NULL },
		{ "- 1", &general, false, -1, NULL },
		{ "0x10", &general, false, -1, NULL },
		{ "nan", &date, false, -1, NULL },
	};
	strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int kind = xlsx_value_number(t[i].v, t[i].fmt, t[i].date1904, &out);
		if (kind != t[i].kind)
			fail_msg("'%s': kind %d, want %d", t[i].v, kind, t[i].kind);
		if (t[i].text && strcmp(sb_str(&out), t[i].text) != 0)
			fail_msg("'%s': '%s', want '%s'", t[i].v, sb_str(&out), t[i].text);
	}
	/* a number of a thousand digits is refused or lost, never spelt out */
	char *big = xmalloc(1002);
	memset(big, '7', 1001);
	big[1001] = '\0';
	assert_int_equal(xlsx_value_number(big, &general, false, &out), XLSX_CELL_LOST);
	assert_true(out.len < 40);
	free(big);
	sb_free(&out);
}

static void test_formats(void **state)
{
	(void)state;
	static const struct {
		int id;
		const char *code;
		xlsx_fmt_kind kind;
		bool seconds;
		int pad;
	} t[] = {
		{ 0, NULL, XLSX_FMT_GENERAL, false, 0 },
		{ 1, NULL, XLSX_FMT_GENERAL, false, 0 },
		{ 14, NULL, XLSX_FMT_DATE, false, 0 },
		{ 20, NULL, XLSX_FMT_TIME, false, 0 },
		{ 21, NULL, XLSX_FMT_TIME, true, 0 },
		{ 22, NULL, XLSX_FMT_DATETIME, false, 0 },
		{ 31, NULL, XLSX_FMT_DATE, false, 0 },
		{ 32, NULL, XLSX_FMT_TIME, false, 0 },
		{ 49, NULL, XLSX_FMT_GENERAL, false, 0 },
		{ 57, NULL, XLSX_FMT_DATE, false, 0 },
		{ 164, "General", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "yyyy-mm-dd", XLSX_FMT_DATE, false, 0 },
		{ 164, "yyyy\"年\"m\"月\"d\"日\"", XLSX_FMT_DATE, false, 0 },
		{ 164, "[$-804]yyyy\"年\"m\"月\"d\"日\" dddd", XLSX_FMT_DATE, false, 0 },
		{ 164, "[DBNum1][$-804]yyyy\"年\"m\"月\"", XLSX_FMT_DATE, false, 0 },
		{ 164, "mmm", XLSX_FMT_DATE, false, 0 },
		{ 164, "h:mm", XLSX_FMT_TIME, false, 0 },
		{ 164, "[h]:mm:ss", XLSX_FMT_TIME, true, 0 },
		{ 164, "mm:ss", XLSX_FMT_TIME, true, 0 },
		{ 164, "h:mm AM/PM", XLSX_FMT_TIME, false, 0 },
		{ 164, "yyyy/m/d h:mm", XLSX_FMT_DATETIME, false, 0 },
		{ 164, "0.00E+00", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "#,##0.00_);[Red](#,##0.00)", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "\"¥\"#,##0.00", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "0\"days\"", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "[Red]0", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "000000", XLSX_FMT_GENERAL, false, 6 },
		{ 164, "000000;-000000", XLSX_FMT_GENERAL, false, 6 },
		{ 164, "0", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "@", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "\\d0", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "\"unclosed", XLSX_FMT_GENERAL, false, 0 },
		{ 164, "", XLSX_FMT_GENERAL, false, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		xlsx_numfmt f = xlsx_numfmt_of(t[i].id, t[i].code);
		if (f.kind != t[i].kind || f.seconds != t[i].seconds || f.zero_pad != t[i].pad)
			fail_msg("%d '%s': kind %d seconds %d pad %d", t[i].id,
			         t[i].code ? t[i].code : "(built in)", f.kind, f.seconds, f.zero_pad);
	}
}

static void test_refs_and_text(void **state)
{
	(void)state;
	static const struct {
		const char *ref;
		bool ok;
		int col;
		long row;
		const char *name;
	} t[] = {
		{ "A1", true, 0, 1, "A" },
		{ "Z9", true, 25, 9, "Z" },
		{ "AA7", true, 26, 7, "AA" },
		{ "AZ1", true, 51, 1, "AZ" },
		{ "XFD1048576", true, 16383, 1048576, "XFD" },
		{ "C", true, 2, 0, "C" },
		{ "c5", true, 2, 5, "C" },
		{ "XFE1", false, 0, 0, NULL },
		{ "A1048577", false, 0, 0, NULL },
		{ "A0", false, 0, 0, NULL },
		{ "1A", false, 0, 0, NULL },
		{ "A1B", false, 0, 0, NULL },
		{ "", false, 0, 0, NULL },
		{ "$A$1", false, 0, 0, NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int col = -1;
		long row = -1;
		bool ok = xlsx_parse_ref(t[i].ref, &col, &row);
		if (ok != t[i].ok || (ok && (col != t[i].col || row != t[i].row)))
			fail_msg("'%s': %d col %d row %ld", t[i].ref, ok, col, row);
		if (ok) {
			char name[4];
			xlsx_col_name(col, name);
			assert_string_equal(name, t[i].name);
		}
	}
	static const struct {
		const char *in, *out;
	} esc[] = {
		{ "第一行_x000D_第二行", "第一行\r第二行" },
		{ "a_x005F_x000D_b", "a_x000D_b" },
		{ "_x4E2D__x6587_", "中文" },
		{ "_x00e9_", "é" },
		{ "_x0000_", "_x0000_" },
		{ "_xD800_", "_xD800_" },
		{ "_x12G4_", "_x12G4_" },
		{ "_x12", "_x12" },
		{ "plain_text", "plain_text" },
	};
	for (size_t i = 0; i < sizeof esc / sizeof esc[0]; i++) {
		char *s = xstrdup(esc[i].in);
		xlsx_unescape(s);
		assert_string_equal(s, esc[i].out);
		free(s);
	}
	static const struct {
		const char *in, *out;
	} iso[] = {
		{ "2026-01-05T00:00:00", "2026-01-05" },
		{ "2026-01-05", "2026-01-05" },
		{ "2026-01-05T08:30:00Z", "2026-01-05 08:30:00" },
		{ "2026-01-05T08:30:00.000", "2026-01-05 08:30:00" },
		{ "2026-02-30T00:00:00", NULL },
		{ "2026-1-5", NULL },
		{ "2026-01-05T25:00:00", NULL },
		{ "2026-01-05 junk", NULL },
	};
	strbuf out = STRBUF_INIT;
	for (size_t i = 0; i < sizeof iso / sizeof iso[0]; i++) {
		bool ok = xlsx_value_iso_date(iso[i].in, &out);
		if (ok != (iso[i].out != NULL) || (ok && strcmp(sb_str(&out), iso[i].out) != 0))
			fail_msg("'%s': %d '%s'", iso[i].in, ok, sb_str(&out));
	}
	sb_free(&out);
}

/* qifu's own export, codes kept as text, reads back digit for digit */
static void test_export_reads_back(void **state)
{
	(void)state;
	if (!xlsx_available())
		skip();
	static const xlsx_col cols[] = {
		{ "企业名称", XLSX_TEXT }, { "统一社会信用代码", XLSX_CODE },
		{ "联系电话", XLSX_CODE }, { "注册资本（万元）", XLSX_NUMBER },
	};
	char *path = fixture("export.xlsx");
	strbuf err = STRBUF_INIT;
	xlsx_table *t = xlsx_open(path, "企业名单 导出于 2026-12-01 09:30", 4, cols, &err);
	assert_non_null(t);
	const char *const rows[][4] = {
		{ "华勤技术股份有限公司", "914403001922038216", "07918888888", "1200.5" },
		{ "航空配件公司", "91110000600037341L", "13800000000", "" },
	};
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(xlsx_row(t, rows[i]), 0);
	assert_int_equal(xlsx_close(&t, true, &err), 0);
	xlsx_reader *r = xlsx_read_open(path, NULL, &err);
	if (!r)
		fail_msg("%s", sb_str(&err));
	static const want_row want[] = {
		{ 1, { "T:企业名单 导出于 2026-12-01 09:30" } },
		{ 2, { "T:企业名称", "T:统一社会信用代码", "T:联系电话", "T:注册资本（万元）" } },
		{ 3, { "T:华勤技术股份有限公司", "T:914403001922038216", "T:07918888888", "N:1200.5" } },
		{ 4, { "T:航空配件公司", "T:91110000600037341L", "T:13800000000" } },
	};
	expect_rows(r, want, 4);
	xlsx_read_close(&r);
	unlink(path);
	sb_free(&err);
	free(path);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(tmpdir))
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		execl(python, python, maker, tmpdir, (char *)NULL);
		_exit(127);
	}
	int status;
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	               WEXITSTATUS(status) == 0
	       ? 0
	       : -1;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s PYTHON make_xlsx.py\n", argv[0]);
		return 2;
	}
	python = argv[1];
	maker = argv[2];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_excel),
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_wps),
		cmocka_unit_test(test_lost),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_refs_and_text),
		cmocka_unit_test(test_export_reads_back),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
