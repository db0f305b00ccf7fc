/* libFuzzer target for the xlsx reader. An input starting "PK" is a whole workbook
 * (the zip layer: directories, sizes, CRCs); any other is the XML of the parts,
 * separated by NUL bytes (sheet, shared strings, styles, workbook), packed here
 * into a stored zip so that mutations reach the XML parsers rather than dying on a
 * CRC. Beyond "does not crash" it checks what the import relies on: row numbers
 * only increase and stay in Excel's range, every cell is valid UTF-8, an empty
 * cell is marked empty and a row ends in a non-empty one, a failure always says
 * why, and once failed the reader stays failed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "fuzz_file.h"
#include "core/strbuf.h"
#include "core/xlsx_read.h"
#include "core/xlsx_value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	"relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char book_rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
static const char book[] =
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
	"</workbook>";

static uint32_t crc32(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
	}
	return ~c;
}

static void put16(strbuf *b, unsigned v)
{
	sb_addc(b, (char)(v & 0xFF));
	sb_addc(b, (char)(v >> 8 & 0xFF));
}

static void put32(strbuf *b, uint32_t v)
{
	put16(b, v & 0xFFFF);
	put16(b, v >> 16);
}

typedef struct part {
	const char *name;
	const uint8_t *data;
	size_t len;
} part;

/* a zip of stored entries: local headers, the data, the central directory */
static void pack(const part *parts, int n, strbuf *zip)
{
	strbuf dir = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		uint32_t crc = crc32(parts[i].data, parts[i].len), at = (uint32_t)zip->len;
		size_t nlen = strlen(parts[i].name);
		put32(zip, 0x04034b50);
		put16(zip, 20);
		put16(zip, 0);
		put16(zip, 0);
		put32(zip, 0);
		put32(zip, crc);
		put32(zip, (uint32_t)parts[i].len);
		put32(zip, (uint32_t)parts[i].len);
		put16(zip, (unsigned)nlen);
		put16(zip, 0);
		sb_add(zip, parts[i].name);
		sb_addn(zip, (const char *)parts[i].data, parts[i].len);
		put32(&dir, 0x02014b50);
		put16(&dir, 20);
		put16(&dir, 20);
		put16(&dir, 0);
		put16(&dir, 0);
		put32(&dir, 0);
		put32(&dir, crc);
		put32(&dir, (uint32_t)parts[i].len);
		put32(&dir, (uint32_t)parts[i].len);
		put16(&dir, (unsigned)nlen);
		put16(&dir, 0);
		put16(&dir, 0);
		put16(&dir, 0);
		put16(&dir, 0);
		put32(&dir, 0);
		put32(&dir, at);
		sb_add(&dir, parts[i].name);
	}
	uint32_t dir_at = (uint32_t)zip->len;
	sb_addn(zip, sb_str(&dir), dir.len);
	put32(zip, 0x06054b50);
	put16(zip, 0);
	put16(zip, 0);
	put16(zip, (unsigned)n);
	put16(zip, (unsigned)n);
	put32(zip, (uint32_t)dir.len);
	put32(zip, dir_at);
	put16(zip, 0);
	sb_free(&dir);
}

static void check_rows(xlsx_reader *r)
{
	strbuf err = STRBUF_INIT;
	xlsx_read_row row;
	long last = 0;
	int rc;
	while ((rc = xlsx_read_next(r, &row, &err)) == 1) {
		if (row.row <= last || row.row > XLSX_MAX_ROWS || row.ncells < 1 ||
		    row.ncells > XLSX_MAX_COLS || row.kinds[row.ncells - 1] == XLSX_CELL_EMPTY)
			abort();
		last = row.row;
		for (int i = 0; i < row.ncells; i++) {
			size_t len = strlen(row.cells[i]);
			if (row.kinds[i] > XLSX_CELL_LOST || (len == 0) != (row.kinds[i] == XLSX_CELL_EMPTY) ||
			    u8_check((const uint8_t *)row.cells[i], len))
				abort();
		}
	}
	if (rc < 0) {
		strbuf again = STRBUF_INIT;
		if (err.len == 0 || xlsx_read_next(r, &row, &again) != -1 ||
		    strcmp(sb_str(&err), sb_str(&again)) != 0)
			abort();
		sb_free(&again);
	} else if (xlsx_read_next(r, &row, &err) != 0) {
		abort();
	}
	size_t done, total;
	xlsx_read_progress(r, &done, &total);
	if (done > total)
		abort();
	sb_free(&err);
}

/* the input as a number and as a format code: the cell rules alone */
static void check_value(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	strbuf out = STRBUF_INIT;
	xlsx_numfmt f = xlsx_numfmt_of(164, s);
	static const xlsx_numfmt kinds[] = {
		{ XLSX_FMT_GENERAL, false, 0 }, { XLSX_FMT_GENERAL, false, 30 },
		{ XLSX_FMT_DATE, false, 0 }, { XLSX_FMT_DATETIME, true, 0 },
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int kind = xlsx_value_number(s, &kinds[i], size & 1, &out);
		if (kind >= 0 && (out.len == 0 || out.len > 80))
			abort();
	}
	xlsx_value_number(s, &f, false, &out);
	xlsx_value_iso_date(s, &out);
	xlsx_unescape(s);
	if (strlen(s) > size)
		abort();
	int col;
	long row;
	xlsx_parse_ref(s, &col, &row);
	sb_free(&out);
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	strbuf err = STRBUF_INIT, zip = STRBUF_INIT;
	const char *sheet = size > 0 && (data[0] & 1) ? "S" : NULL;
	if (size < 2 || data[0] != 'P' || data[1] != 'K') {
		/* sheet, shared strings, styles, workbook: NUL-separated */
		part parts[7] = {
			{ "_rels/.rels", (const uint8_t *)rels, sizeof rels - 1 },
			{ "xl/_rels/workbook.xml.rels", (const uint8_t *)book_rels, sizeof book_rels - 1 },
			{ "xl/workbook.xml", (const uint8_t *)book, sizeof book - 1 },
		};
		static const char *const names[] = { "xl/worksheets/sheet1.xml",
			"xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml" };
		int n = 3;
		const uint8_t *p = data, *end = data + size;
		for (int k = 0; k < 4 && p <= end; k++) {
			const uint8_t *nul = memchr(p, 0, (size_t)(end - p));
			size_t len = nul ? (size_t)(nul - p) : (size_t)(end - p);
			if (k == 3)
				parts[2] = (part){ names[k], p, len };
			else
				parts[n++] = (part){ names[k], p, len };
			p += len + 1;
		}
		pack(parts, n, &zip);
		data = (const uint8_t *)zip.s;
		size = zip.len;
		check_value(parts[3].data, parts[3].len);
	}
	xlsx_reader *r = xlsx_read_open_mem(data, size, "fuzz", sheet, &err);
	if (r) {
		if (!xlsx_read_sheet(r))
			abort();
		check_rows(r);
		xlsx_read_close(&r);
	} else if (err.len == 0) {
		abort();
	}
	sb_free(&err);
	sb_free(&zip);
	return 0;
}
