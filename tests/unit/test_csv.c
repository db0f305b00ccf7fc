/* CSV reader and writer: every encoding Excel and WPS produce, the quoting rules
 * and their errors with line and field, the field and file size limits, and the
 * writer's BOM, CRLF, formula guard and all-or-nothing rename. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/xalloc.h"

static char tmpdir[] = "/tmp/qifu-test-csv-XXXXXX";

/* Append s to b with CR and LF made visible, so that expectations fit on a line. */
static void dump_field(strbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\r')
			sb_add(b, "\\r");
		else if (*s == '\n')
			sb_add(b, "\\n");
		else
			sb_addc(b, *s);
	}
}

/* Every record of r as "@LINE:f1|f2\n", then "!message" if reading failed. */
static char *dump_reader(csv_reader *r)
{
	strbuf b = STRBUF_INIT, err = STRBUF_INIT;
	csv_row row;
	int rc;
	while ((rc = csv_next(r, &row, &err)) == 1) {
		sb_addf(&b, "@%ld:", row.line);
		for (int i = 0; i < row.nfields; i++) {
			if (i)
				sb_addc(&b, '|');
			dump_field(&b, row.fields[i]);
		}
		sb_addc(&b, '\n');
	}
	if (rc < 0) {
		sb_addf(&b, "!%s", sb_str(&err));
		/* errors are sticky: the next call repeats the same message */
		strbuf again = STRBUF_INIT;
		assert_int_equal(csv_next(r, &row, &again), -1);
		assert_string_equal(sb_str(&again), sb_str(&err));
		sb_free(&again);
	} else {
		assert_int_equal(csv_next(r, &row, &err), 0);
	}
	sb_free(&err);
	return sb_steal(&b);
}

/* Parse buf converting chunk bytes at a time (0: as csv_open_mem does); the result
 * is the dump, or "!message" when the reader refused it. */
static char *dump_chunked(const char *buf, size_t len, size_t chunk, const char **enc)
{
	strbuf err = STRBUF_INIT;
	csv_reader *r = chunk ? csv_open_mem_chunk(buf, len, chunk, &err)
			      : csv_open_mem(buf, len, &err);
	if (!r) {
		*enc = NULL;
		char *s = xasprintf("!%s", sb_str(&err));
		sb_free(&err);
		return s;
	}
	*enc = csv_encoding(r);
	char *s = dump_reader(r);
	csv_close(&r);
	assert_null(r);
	sb_free(&err);
	return s;
}

static char *dump_mem(const char *buf, size_t len, const char **enc)
{
	return dump_chunked(buf, len, 0, enc);
}

static void test_read_table(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		size_t len;			/* 0: strlen; the UTF-16 inputs hold NUL bytes */
		const char *enc;		/* NULL: csv_open_mem must refuse */
		const char *out;
	} t[] = {
		/* encodings */
		{ "企业名称,统一社会信用代码\n华勤技术,914403001922038216\n", 0, "UTF-8",
		  "@1:企业名称|统一社会信用代码\n@2:华勤技术|914403001922038216\n" },
		{ "\xEF\xBB\xBF名称\r\n华勤\r\n", 0, "UTF-8 (BOM)", "@1:名称\n@2:华勤\n" },
		{ "\xFF\xFE" "a\0,\0\x4E\x53\r\0\n\0" "b\0\r\0\n\0", 18, "UTF-16LE",
		  "@1:a|华\n@2:b\n" },
		{ "\xFE\xFF" "\0a\0,\x53\x4E\0\n" "\0b", 12, "UTF-16BE", "@1:a|华\n@2:b\n" },
		{ "\xBB\xAA\xC7\xDA\xBC\xBC\xCA\xF5,1\r\n", 0, "GB18030", "@1:华勤技术|1\n" },
		/* four-byte GB18030 sequences, beyond GBK: an emoji and U+3400 */
		{ "\x94\x39\xFC\x36,\x81\x39\xEE\x39\n", 0, "GB18030", "@1:😀|㐀\n" },
		{ "plain ascii\n", 0, "UTF-8", "@1:plain ascii\n" },
		/* line ends: LF, CRLF, lone CR, none at the end; blank lines skipped */
		{ "a,b\rc,d\r", 0, "UTF-8", "@1:a|b\n@2:c|d\n" },
		{ "a\r\nb\nc", 0, "UTF-8", "@1:a\n@2:b\n@3:c\n" },
		{ "a\n\n\r\n\rb\n", 0, "UTF-8", "@1:a\n@5:b\n" },
		{ "\n\na\n", 0, "UTF-8", "@3:a\n" },
		/* quoting */
		{ "\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"\nnext\n", 0, "UTF-8",
		  "@1:a,b|say \"hi\"|x\\r\\ny\n@3:next\n" },
		{ "\"\",a,\"\"\"\"\n", 0, "UTF-8", "@1:|a|\"\n" },
		{ "\"one\ntwo\nthree\",x\nnext", 0, "UTF-8", "@1:one\\ntwo\\nthree|x\n@4:next\n" },
		{ "\"a\"\r\n\"b\"\r", 0, "UTF-8", "@1:a\n@2:b\n" },
		{ "\"a\",\"\"\n", 0, "UTF-8", "@1:a|\n" },
		/* lenient: a quote inside an unquoted field is kept, as Excel does */
		{ "5\" monitor,x\"y\"\n", 0, "UTF-8", "@1:5\" monitor|x\"y\"\n" },
		{ " \"a\" ,b\n", 0, "UTF-8", "@1: \"a\" |b\n" },
		/* ragged rows keep their own field counts; empty fields count */
		{ "a,b,c\n1,2\n1,2,3,4\n", 0, "UTF-8", "@1:a|b|c\n@2:1|2\n@3:1|2|3|4\n" },
		{ ",,\nx,\n,y", 0, "UTF-8", "@1:||\n@2:x|\n@3:|y\n" },
		/* header only: one record, then the end */
		{ "\xEF\xBB\xBF企业名称,统一社会信用代码\r\n", 0, "UTF-8 (BOM)",
		  "@1:企业名称|统一社会信用代码\n" },
		/* bad quoting: the record before the error is still delivered */
		{ "a,b\nc,\"open\nmore\n", 0, "UTF-8",
		  "@1:a|b\n!line 2, field 2: the quote that opens this field is never closed" },
		{ "x\ny,\"he said \"hi\"\",z\n", 0, "UTF-8",
		  "@1:x\n!line 2, field 2: text after the closing quote (a quote inside a quoted "
		  "field is written twice: \"\")" },
		{ "\"a\" ,b\n", 0, "UTF-8",
		  "!line 1, field 1: text after the closing quote (a quote inside a quoted "
		  "field is written twice: \"\")" },
		{ "\"", 0, "UTF-8",
		  "!line 1, field 1: the quote that opens this field is never closed" },
		/* refused at open */
		{ "", 0, NULL, "!empty file" },
		{ "\xEF\xBB\xBF", 0, NULL, "!empty file" },
		{ "\xFF\xFE", 0, NULL, "!empty file" },
		{ "\r\n\n\r", 0, NULL, "!empty file" },
		{ "ok\n\x80\x80\n", 0, NULL,
		  "!the file is neither UTF-8 (invalid byte at line 2, byte offset 3) nor GB18030 "
		  "(invalid byte at line 2, byte offset 3); save it from Excel as \"CSV UTF-8\"" },
		/* valid GBK up to the end, then invalid in both */
		{ "\xBB\xAA\n\n\xFF", 0, NULL,
		  "!the file is neither UTF-8 (invalid byte at line 1, byte offset 0) nor GB18030 "
		  "(invalid byte at line 3, byte offset 4); save it from Excel as \"CSV UTF-8\"" },
		{ "a\n\xBB", 0, NULL,
		  "!the file is neither UTF-8 (invalid byte at line 2, byte offset 2) nor GB18030 "
		  "(invalid byte at line 2, byte offset 2); save it from Excel as \"CSV UTF-8\"" },
		{ "\xEF\xBB\xBF" "a\n\xC3\n", 0, NULL,
		  "!the file starts with a UTF-8 byte-order mark but has an invalid byte at line 2 "
		  "(byte offset 5)" },
		/* an unpaired high surrogate (U+D800) on line 2 */
		{ "\xFF\xFE" "a\0\n\0\x00\xD8" "b\0", 10, NULL,
		  "!invalid UTF-16LE text at line 2 (byte offset 6)" },
		{ "a\n\0b\n", 5, NULL,
		  "!line 2: NUL character in the text (a binary file, or UTF-16 without a "
		  "byte-order mark?)" },
	};
	/* converted whole, and a few bytes at a time: every character of the GB18030
	 * and UTF-16 cases cut at a chunk's end somewhere, and the same result */
	static const size_t chunks[] = { 0, 1, 2, 3, 4, 5, 7 };
	for (size_t k = 0; k < sizeof chunks / sizeof chunks[0]; k++)
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *enc;
		char *got = dump_chunked(t[i].in, t[i].len ? t[i].len : strlen(t[i].in),
					 chunks[k], &enc);
		if (strcmp(got, t[i].out) != 0)
			fail_msg("case %zu, chunk %zu: got\n%s\nwant\n%s", i, chunks[k], got,
				 t[i].out);
		if (t[i].enc)
			assert_non_null(enc);
		if (t[i].enc && strcmp(enc, t[i].enc) != 0)
			fail_msg("case %zu: encoding %s, want %s", i, enc, t[i].enc);
		if (!t[i].enc)
			assert_null(enc);
		free(got);
	}
}

/* A character of a converted file cut at the end of a chunk, at every position:
 * chunk sizes 1 to the file's length put a chunk's end after every byte. The
 * records and the refusals (line and byte offset of the invalid byte) are those of
 * the file converted whole. */
static void test_chunk_splits(void **state)
{
	(void)state;
	static const struct {
		const char *what;
		const char *in;
		size_t len;			/* 0: strlen */
		const char *out;
	} t[] = {
		{ "GB18030 two-byte", "\xBB\xAA,\xC7\xDA\r\n\xBC\xBC\xCA\xF5\r\n", 0,
		  "@1:华|勤\n@2:技术\n" },
		{ "GB18030 four-byte", "a\x94\x39\xFC\x36,\x81\x39\xEE\x39\r\n\x94\x39\xFC\x36\n", 0,
		  "@1:a😀|㐀\n@2:😀\n" },
		{ "GB18030 quoted, a CRLF and a doubled quote inside",
		  "\"\xBB\xAA\r\n\xC7\xDA\"\"x\"\"\",y\r\n\xBB\xAA", 0, "@1:华\\r\\n勤\"x\"|y\n@3:华\n" },
		{ "UTF-16LE surrogate pair", "\xFF\xFE" "a\0\x3D\xD8\x00\xDE,\0\r\0\n\0\x3D\xD8\x00\xDE",
		  18, "@1:a😀|\n@2:😀\n" },
		{ "UTF-16BE surrogate pair", "\xFE\xFF" "\0a\xD8\x3D\xDE\x00\0,\0\r\0\n\xD8\x3D\xDE\x00",
		  18, "@1:a😀|\n@2:😀\n" },
		{ "GB18030 invalid byte after a character",
		  "\xBB\xAA\r\n\xC7\xDA\xFF,x\n", 0,
		  "!the file is neither UTF-8 (invalid byte at line 1, byte offset 0) nor GB18030 "
		  "(invalid byte at line 2, byte offset 6); save it from Excel as \"CSV UTF-8\"" },
		{ "GB18030 four-byte sequence with a bad last byte",
		  "a\r\n\xBB\xAA\x81\x39\xEE\xFF\n", 0,
		  "!the file is neither UTF-8 (invalid byte at line 2, byte offset 3) nor GB18030 "
		  "(invalid byte at line 2, byte offset 5); save it from Excel as \"CSV UTF-8\"" },
		{ "GB18030 four-byte sequence cut by the end of the file", "\xBB\xAA\n\x81\x39", 0,
		  "!the file is neither UTF-8 (invalid byte at line 1, byte offset 0) nor GB18030 "
		  "(invalid byte at line 2, byte offset 3); save it from Excel as \"CSV UTF-8\"" },
		{ "GB18030 NUL", "\xBB\xAA\n\n\0\n", 6,
		  "!line 3: NUL character in the text (a binary file, or UTF-16 without a "
		  "byte-order mark?)" },
		{ "UTF-16LE lone low surrogate", "\xFF\xFE" "a\0\n\0b\0\x00\xDC\n\0", 12,
		  "!invalid UTF-16LE text at line 2 (byte offset 8)" },
		{ "UTF-16BE odd byte at the end", "\xFE\xFF" "\0a\0\n\0", 7,
		  "!invalid UTF-16BE text at line 2 (byte offset 6)" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t len = t[i].len ? t[i].len : strlen(t[i].in);
		for (size_t chunk = 0; chunk <= len; chunk++) {
			const char *enc;
			char *got = dump_chunked(t[i].in, len, chunk, &enc);
			if (strcmp(got, t[i].out) != 0)
				fail_msg("%s, chunk %zu: got\n%s\nwant\n%s", t[i].what, chunk, got,
					 t[i].out);
			free(got);
		}
	}
}

/* A record longer than the window of converted text grows it; the lines and the
 * fields are those of the file converted whole. */
static void test_chunk_long_record(void **state)
{
	(void)state;
	strbuf in = STRBUF_INIT, want = STRBUF_INIT;
	sb_add(&in, "\xBB\xAA,\"");
	sb_add(&want, "@1:华|");
	for (int i = 0; i < 500; i++) {
		sb_add(&in, i % 50 == 49 ? "\r\n" : "\xC7\xDA");
		sb_add(&want, i % 50 == 49 ? "\\r\\n" : "勤");
	}
	sb_add(&in, "\"\r\nx\r\n");
	sb_add(&want, "\n@12:x\n");
	for (size_t chunk = 1; chunk < 40; chunk += 3) {
		const char *enc;
		char *got = dump_chunked(in.s, in.len, chunk, &enc);
		if (strcmp(got, sb_str(&want)) != 0)
			fail_msg("chunk %zu: got\n%s\nwant\n%s", chunk, got, sb_str(&want));
		assert_string_equal(enc, "GB18030");
		free(got);
	}
	sb_free(&in);
	sb_free(&want);
}

/* The same table in four encodings and line-end styles, read from files. */
static void test_read_files(void **state)
{
	(void)state;
	static const char lf[] =
		"@1:企业名称|统一社会信用代码|所属区域|企业类别|地址\n"
		"@2:华勤技术股份有限公司|914403001922038216|昌东镇|规上工业|南昌市青山湖区, 昌东大道\n"
		"@3:某某\"新能源\"有限公司|91440300708461136T|高新区|规上服务业|一楼\\n二楼\n";
	static const char crlf[] =
		"@1:企业名称|统一社会信用代码|所属区域|企业类别|地址\n"
		"@2:华勤技术股份有限公司|914403001922038216|昌东镇|规上工业|南昌市青山湖区, 昌东大道\n"
		"@3:某某\"新能源\"有限公司|91440300708461136T|高新区|规上服务业|一楼\\r\\n二楼\n";
	static const struct {
		const char *file, *enc, *out;
	} t[] = {
		{ "enterprises-utf8-lf.csv", "UTF-8", lf },
		{ "enterprises-utf8-bom-crlf.csv", "UTF-8 (BOM)", crlf },
		{ "enterprises-utf16le.csv", "UTF-16LE", crlf },
		{ "enterprises-gbk-crlf.csv", "GB18030", crlf },
	};
	const char *dir = getenv("QIFU_TEST_DATA");
	assert_non_null(dir);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *path = xasprintf("%s/csv/%s", dir, t[i].file);
		strbuf err = STRBUF_INIT;
		csv_reader *r = csv_open(path, &err);
		if (!r)
			fail_msg("%s: %s", path, sb_str(&err));
		assert_string_equal(csv_encoding(r), t[i].enc);
		char *got = dump_reader(r);
		assert_string_equal(got, t[i].out);
		size_t done, total;
		csv_progress(r, &done, &total);
		assert_true(total > 0);
		assert_int_equal(done, total);
		free(got);
		csv_close(&r);
		sb_free(&err);
		free(path);
	}
}

static void test_open_errors(void **state)
{
	(void)state;
	strbuf err = STRBUF_INIT;
	char *missing = xasprintf("%s/missing.csv", tmpdir);
	assert_null(csv_open(missing, &err));
	char *want = xasprintf("%s: cannot open: No such file or directory", missing);
	assert_string_equal(sb_str(&err), want);
	free(want);

	/* A sparse file one byte over the limit is refused from its size alone. */
	char *big = xasprintf("%s/big.csv", tmpdir);
	int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)CSV_MAX_FILE_BYTES + 1), 0);
	close(fd);
	sb_reset(&err);
	assert_null(csv_open(big, &err));
	want = xasprintf("%s: file too large (201 MB; at most 200 MB): split it and import the parts",
			 big);
	assert_string_equal(sb_str(&err), want);
	free(want);
	unlink(big);

	char *empty = xasprintf("%s/empty.csv", tmpdir);
	fd = open(empty, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	close(fd);
	want = xasprintf("%s: empty file", empty);
	sb_reset(&err);
	assert_null(csv_open(empty, &err));
	assert_string_equal(sb_str(&err), want);
	free(want);
	unlink(empty);

	sb_reset(&err);
	assert_null(csv_open(tmpdir, &err));
	want = xasprintf("%s: cannot read: Is a directory", tmpdir);
	assert_string_equal(sb_str(&err), want);
	free(want);

	free(missing);
	free(big);
	free(empty);
	sb_free(&err);
}

/* contents of a big file: rows of "n,名称n" up to about len bytes, then tail */
static char *big_text(const char *head, size_t len, const char *tail, size_t *n)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, head);
	for (long i = 0; b.len < len; i++)
		sb_addf(&b, "%ld,名称%ld\n", i, i);
	sb_add(&b, tail);
	*n = b.len;
	return sb_steal(&b);
}

/* A file read from disk (UTF-8 is mapped, checked and given back a slice of 4 MiB at a
 * time) reads exactly as the same bytes from memory (copied whole): the records, the
 * encoding, and the refusals with their lines, at and across the slices' edges. */
static void test_mapped_same(void **state)
{
	(void)state;
	enum { SLICE = 4 << 20 };
	/* a character across the first slice's edge: pad so that 名 starts 1 byte before */
	strbuf edge = STRBUF_INIT;
	sb_add(&edge, "h\n");
	while (edge.len < SLICE - 1)
		sb_addc(&edge, 'x');
	sb_add(&edge, "名,b\n");
	struct {
		const char *what;
		char *text;
		size_t len;
	} t[12];
	size_t n = 0;
	t[n].what = "small UTF-8";
	t[n].text = xstrdup("a,b\n1,二\n");
	t[n].len = strlen(t[n].text), n++;
	t[n].what = "BOM, no final line end, a page long";
	strbuf page = STRBUF_INIT;
	sb_add(&page, "\xEF\xBB\xBF");
	while (page.len < 4096 - 1)
		sb_addc(&page, 'y');
	sb_addc(&page, 'z');
	t[n].len = page.len;
	t[n].text = sb_steal(&page), n++;
	t[n].what = "line ends only";
	t[n].text = xstrdup("\r\n\n\r\n");
	t[n].len = strlen(t[n].text), n++;
	t[n].what = "GB18030 (not UTF-8)";
	t[n].text = xstrdup("a,\xC3\xFB\xB3\xC6\n");
	t[n].len = strlen(t[n].text), n++;
	t[n].what = "character across the slice edge";
	t[n].len = edge.len;
	t[n].text = sb_steal(&edge), n++;
	t[n].what = "big, clean";
	t[n].text = big_text("id,名称\n", (size_t)SLICE * 2 + 100, "", &t[n].len), n++;
	t[n].what = "big, BOM, a bad byte in the second slice";
	t[n].text = big_text("\xEF\xBB\xBFid,名称\n", (size_t)SLICE + 100, "\xFF\n", &t[n].len), n++;
	t[n].what = "big, NUL in the second slice";
	t[n].text = big_text("id,名称\n", (size_t)SLICE + 100, "a\0b\n", &t[n].len), n++;
	t[n].what = "big, BOM, NUL in the second slice";
	t[n].text = big_text("\xEF\xBB\xBFid,名称\n", (size_t)SLICE + 100, "a\0b\n", &t[n].len), n++;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/mapped.csv", tmpdir);
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(t[i].text, 1, t[i].len, f), t[i].len);
		fclose(f);
		const char *enc_mem;
		char *want = dump_mem(t[i].text, t[i].len, &enc_mem);
		strbuf err = STRBUF_INIT;
		csv_reader *r = csv_open(path, &err);
		char *got;
		if (r) {
			if (!enc_mem || strcmp(csv_encoding(r), enc_mem) != 0)
				fail_msg("%s: encoding %s, from memory %s", t[i].what, csv_encoding(r),
				         enc_mem ? enc_mem : "refused");
			got = dump_reader(r);
			csv_close(&r);
		} else {
			/* the file's refusal names the file first */
			size_t skip = strlen(path) + 2;
			assert_true(err.len > skip);
			got = xasprintf("!%s", sb_str(&err) + skip);
		}
		if (strcmp(got, want) != 0)
			fail_msg("%s: from the file %.200s, from memory %.200s", t[i].what, got, want);
		free(got);
		free(want);
		sb_free(&err);
		unlink(path);
		free(path);
		free(t[i].text);
	}
}

/* A record whose only field is n bytes of 'x', optionally quoted with the last
 * byte written as a doubled quote, after a header line. */
static char *long_field(size_t n, bool quoted, size_t *len)
{
	strbuf b = STRBUF_INIT;
	sb_add(&b, "h\n");
	if (quoted)
		sb_addc(&b, '"');
	for (size_t i = 0; i + (quoted ? 1 : 0) < n; i++)
		sb_addc(&b, 'x');
	if (quoted)
		sb_add(&b, "\"\"\"");
	sb_add(&b, "\r\n");
	*len = b.len;
	return sb_steal(&b);
}

/* The issue asks for "a 1 MB field": exactly 1 MiB is accepted, one byte more is not,
 * counting the field as unquoted (a doubled quote is one byte). */
static void test_field_limit(void **state)
{
	(void)state;
	static const struct {
		size_t n;
		bool quoted, ok;
	} t[] = {
		{ CSV_DEFAULT_FIELD_LIMIT, false, true },
		{ CSV_DEFAULT_FIELD_LIMIT + 1, false, false },
		{ CSV_DEFAULT_FIELD_LIMIT, true, true },
		{ CSV_DEFAULT_FIELD_LIMIT + 1, true, false },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t len;
		char *in = long_field(t[i].n, t[i].quoted, &len);
		strbuf err = STRBUF_INIT;
		csv_reader *r = csv_open_mem(in, len, &err);
		assert_non_null(r);
		csv_row row;
		assert_int_equal(csv_next(r, &row, &err), 1);
		int rc = csv_next(r, &row, &err);
		if (t[i].ok) {
			assert_int_equal(rc, 1);
			assert_int_equal(row.line, 2);
			assert_int_equal(row.nfields, 1);
			assert_int_equal(strlen(row.fields[0]), t[i].n);
			assert_int_equal(row.fields[0][t[i].n - 1], t[i].quoted ? '"' : 'x');
			assert_int_equal(csv_next(r, &row, &err), 0);
		} else {
			assert_int_equal(rc, -1);
			assert_string_equal(sb_str(&err),
					    "line 2, field 1: field longer than 1048576 bytes");
		}
		csv_close(&r);
		sb_free(&err);
		free(in);
	}

	/* The limit is a setting; the error names the line where the long field starts
	 * (line 3: the record began on line 2 with a two-line field). */
	strbuf err = STRBUF_INIT;
	static const char small[] = "abc,ab\n\"a\nb\",abcd\n";
	csv_reader *r = csv_open_mem(small, strlen(small), &err);
	assert_non_null(r);
	csv_set_field_limit(r, 3);
	char *got = dump_reader(r);
	assert_string_equal(got, "@1:abc|ab\n!line 3, field 2: field longer than 3 bytes");
	free(got);
	csv_close(&r);
	sb_free(&err);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	strbuf b = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_addn(&b, buf, n);
	fclose(fp);
	*len = b.len;
	return sb_steal(&b);
}

static void spit(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(s, fp);
	assert_int_equal(fclose(fp), 0);
}

/* Write then read: the reader gives back exactly the fields the writer got. */
static void test_roundtrip(void **state)
{
	(void)state;
	static const char *const rows[][5] = {
		{ "企业名称", "统一社会信用代码", "地址", "备注", "" },
		{ "华勤技术股份有限公司", "914403001922038216", "南昌市, 昌东大道", "say \"hi\"", " x " },
		{ "a\r\nb", "line1\nline2", "cr\ronly", "\"", "," },
		{ "", "", "", "", "" },
		{ "😀 emoji", "全角ＡＢＣ１２３", "“引号”…①", "'quoted'", "tab\tinside" },
	};
	const int nrows = (int)(sizeof rows / sizeof rows[0]);
	char *path = xasprintf("%s/round.csv", tmpdir);
	strbuf err = STRBUF_INIT;
	csv_writer *w = csvw_open(path, &err);
	assert_non_null(w);
	for (int i = 0; i < nrows; i++)
		assert_int_equal(csvw_row(w, rows[i], 5), 0);
	assert_int_equal(csvw_close(&w, true, &err), 0);
	assert_null(w);

	csv_reader *r = csv_open(path, &err);
	assert_non_null(r);
	assert_string_equal(csv_encoding(r), "UTF-8 (BOM)");
	csv_row row;
	for (int i = 0; i < nrows; i++) {
		assert_int_equal(csv_next(r, &row, &err), 1);
		assert_int_equal(row.nfields, 5);
		for (int j = 0; j < 5; j++)
			assert_string_equal(row.fields[j], rows[i][j]);
	}
	assert_int_equal(csv_next(r, &row, &err), 0);
	csv_close(&r);
	assert_string_equal(sb_str(&err), "");
	unlink(path);
	free(path);
	sb_free(&err);
}

/* The exact bytes: BOM first, CRLF after every record, quotes only where needed. */
static void test_writer_bytes(void **state)
{
	(void)state;
	char *path = xasprintf("%s/bytes.csv", tmpdir);
	char *tmp = xasprintf("%s.tmp", path);
	strbuf err = STRBUF_INIT;
	csv_writer *w = csvw_open(path, &err);
	assert_non_null(w);
	/* nothing at the final path until the commit */
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(access(tmp, F_OK), 0);
	const char *r1[] = { "a", "b c" };
	const char *r2[] = { "1", "x,y", NULL };
	assert_int_equal(csvw_row(w, r1, 2), 0);
	assert_int_equal(csvw_row(w, r2, 3), 0);
	assert_int_equal(csvw_close(&w, true, &err), 0);
	assert_int_equal(access(tmp, F_OK), -1);
	size_t len;
	char *got = slurp(path, &len);
	static const char want[] = "\xEF\xBB\xBF" "a,b c\r\n1,\"x,y\",\r\n";
	assert_int_equal(len, sizeof want - 1);
	assert_memory_equal(got, want, len);
	free(got);
	unlink(path);
	free(path);
	free(tmp);
	sb_free(&err);
}

/* One cell through a stream writer, returning the bytes written. */
static char *write_cell(const char *cell, bool bom)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	csv_writer *w = csvw_open_fp(fp, bom);
	const char *row[] = { cell };
	assert_int_equal(csvw_row(w, row, 1), 0);
	strbuf err = STRBUF_INIT;
	assert_int_equal(csvw_close(&w, true, &err), 0);
	sb_free(&err);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* Formula injection: a cell Excel would evaluate gets a leading ', negative numbers
 * included (simple and safe beats clever); the quote goes inside the CSV quoting. */
static void test_formula_guard(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} t[] = {
		{ "=SUM(A1:A9)", "'=SUM(A1:A9)\r\n" },
		{ "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n" },
		{ "+8613800138000", "'+8613800138000\r\n" },
		{ "-5", "'-5\r\n" },
		{ "-", "'-\r\n" },
		{ "@SUM(1)", "'@SUM(1)\r\n" },
		{ "\t=1", "'\t=1\r\n" },
		{ "\r=1", "\"'\r=1\"\r\n" },
		{ "=a,b", "\"'=a,b\"\r\n" },
		{ "a=b", "a=b\r\n" },
		{ "5-3", "5-3\r\n" },
		{ " =1", " =1\r\n" },
		{ "'=1", "'=1\r\n" },
		{ "＝1", "＝1\r\n" },
		{ "", "\r\n" },
		{ "\"", "\"\"\"\"\r\n" },
		{ "a\nb", "\"a\nb\"\r\n" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *got = write_cell(t[i].in, false);
		if (strcmp(got, t[i].out) != 0)
			fail_msg("case %zu: got [%s] want [%s]", i, got, t[i].out);
		free(got);
	}
	char *got = write_cell("x", true);
	assert_string_equal(got, "\xEF\xBB\xBFx\r\n");
	free(got);
}

/* An aborted or failed export never touches the file already at the final path. */
static void test_atomic(void **state)
{
	(void)state;
	char *path = xasprintf("%s/keep.csv", tmpdir);
	char *tmp = xasprintf("%s.tmp", path);
	spit(path, "old,content\r\n");
	strbuf err = STRBUF_INIT;
	const char *row[] = { "new", "content" };

	csv_writer *w = csvw_open(path, &err);
	assert_non_null(w);
	assert_int_equal(csvw_row(w, row, 2), 0);
	assert_int_equal(csvw_close(&w, false, &err), 0);
	assert_null(w);
	size_t len;
	char *got = slurp(path, &len);
	assert_string_equal(got, "old,content\r\n");
	free(got);
	assert_int_equal(access(tmp, F_OK), -1);
	assert_string_equal(sb_str(&err), "");

	/* The rename fails when the target is a directory: an error, no leftovers. */
	char *dir = xasprintf("%s/adir", tmpdir);
	char *dirtmp = xasprintf("%s.tmp", dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	w = csvw_open(dir, &err);
	assert_non_null(w);
	assert_int_equal(csvw_row(w, row, 2), 0);
	assert_int_equal(csvw_close(&w, true, &err), -1);
	char *want = xasprintf("%s: cannot write: Is a directory", dir);
	assert_string_equal(sb_str(&err), want);
	free(want);
	assert_int_equal(access(dirtmp, F_OK), -1);
	assert_int_equal(rmdir(dir), 0);

	/* No such directory: refused at open. */
	char *nodir = xasprintf("%s/no/such/dir.csv", tmpdir);
	sb_reset(&err);
	assert_null(csvw_open(nodir, &err));
	want = xasprintf("%s/no/such/dir.csv.tmp: cannot create: No such file or directory", tmpdir);
	assert_string_equal(sb_str(&err), want);
	free(want);

	/* A full disk: the write error is reported, also on a stream. */
	FILE *full = fopen("/dev/full", "wb");
	if (full) {
		w = csvw_open_fp(full, true);
		for (int i = 0; i < 10000 && csvw_row(w, row, 2) == 0; i++)
			;
		sb_reset(&err);
		assert_int_equal(csvw_close(&w, true, &err), -1);
		assert_string_equal(sb_str(&err), "output: cannot write: No space left on device");
		fclose(full);
	}

	got = slurp(path, &len);
	assert_string_equal(got, "old,content\r\n");
	free(got);
	unlink(path);
	free(path);
	free(tmp);
	free(dir);
	free(dirtmp);
	free(nodir);
	sb_free(&err);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_table),
		cmocka_unit_test(test_chunk_splits),
		cmocka_unit_test(test_chunk_long_record),
		cmocka_unit_test(test_read_files),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_mapped_same),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_writer_bytes),
		cmocka_unit_test(test_formula_guard),
		cmocka_unit_test(test_atomic),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
