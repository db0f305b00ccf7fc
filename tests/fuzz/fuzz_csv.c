/* libFuzzer target for the CSV reader and writer. Beyond "does not crash" it checks
 * the properties importers rely on: every field is valid UTF-8, line numbers never
 * go backwards, and any record read can be written and read back unchanged (with
 * the formula guard's leading quote where the writer adds one). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "core/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write row, read it back, and abort unless the fields survived. */
static void fuzz_roundtrip(const csv_row *row)
{
	/* A lone empty field writes an empty line, which the reader skips by design. */
	if (row->nfields == 1 && !row->fields[0][0])
		return;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	if (!fp)
		abort();
	csv_writer *w = csvw_open_fp(fp, true);
	strbuf err = STRBUF_INIT;
	if (csvw_row(w, row->fields, row->nfields) != 0 || csvw_close(&w, true, &err) != 0)
		abort();
	fclose(fp);

	csv_reader *r = csv_open_mem(buf, len, &err);
	if (!r)
		abort();
	csv_set_field_limit(r, SIZE_MAX);
	csv_row back;
	if (csv_next(r, &back, &err) != 1 || back.nfields != row->nfields)
		abort();
	for (int i = 0; i < row->nfields; i++) {
		const char *want = row->fields[i], *got = back.fields[i];
		if (*want && strchr("=+-@\t\r", *want)) {
			if (*got != '\'')
				abort();
			got++;
		}
		if (strcmp(want, got) != 0)
			abort();
	}
	if (csv_next(r, &back, &err) != 0)
		abort();
	csv_close(&r);
	sb_free(&err);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	strbuf err = STRBUF_INIT;
	csv_reader *r = csv_open_mem(data, size, &err);
	if (r) {
		/* Small limits now and then, so that the limit's error path is reached. */
		if (size > 0 && (data[size - 1] & 0x80))
			csv_set_field_limit(r, data[size - 1] & 0x0F);
		csv_row row;
		long last = 0;
		int rc;
		while ((rc = csv_next(r, &row, &err)) == 1) {
			if (row.nfields < 1 || row.line <= last)
				abort();
			last = row.line;
			for (int i = 0; i < row.nfields; i++)
				if (u8_check((const uint8_t *)row.fields[i], strlen(row.fields[i])))
					abort();
			fuzz_roundtrip(&row);
		}
		if (rc < 0 && err.len == 0)
			abort();
		csv_close(&r);
	} else if (err.len == 0) {
		abort();
	}
	sb_free(&err);
	return 0;
}
