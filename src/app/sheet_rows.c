/* The rows of a spreadsheet being imported (app/sheet_rows.h). */
#include "app/sheet_rows.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/xlsx_read.h"

int sheet_rows_open(sheet_rows *src, const char *path, const char *sheet, strbuf *err)
{
	memset(src, 0, sizeof *src);
	src->path = path;
	if (!xlsx_read_is_workbook(path)) {
		if (sheet) {
			sb_addf(err, _("%s: --sheet names a sheet of an xlsx workbook, and this is a "
			               "CSV file"), path);
			return -1;
		}
		src->csv = csv_open(path, err);
		if (!src->csv)
			return -1;
		src->encoding = xstrdup(csv_encoding(src->csv));
		return 0;
	}
	src->xlsx = xlsx_read_open(path, sheet, err);
	if (!src->xlsx)
		return -1;
	src->sheet = xstrdup(xlsx_read_sheet(src->xlsx));
	src->encoding = xasprintf(_("sheet '%s'"), src->sheet);
	return 0;
}

int sheet_rows_next(sheet_rows *src, csv_row *row, strbuf *err)
{
	strbuf why = STRBUF_INIT;
	if (src->csv) {
		int got = csv_next(src->csv, row, &why);
		if (got < 0)
			sb_addf(err, "%s: %s", src->path, sb_str(&why));
		sb_free(&why);
		return got;
	}
	xlsx_read_row xr;
	int got = xlsx_read_next(src->xlsx, &xr, err);
	if (got <= 0)
		return got;
	/* cells past the header have no column to go to: ignored, as unknown columns are */
	int n = src->width ? src->width : xr.ncells;
	if (n > src->cap) {
		src->cap = n;
		src->fields = xrealloc(src->fields, sizeof *src->fields * (size_t)n);
		src->kinds = xrealloc(src->kinds, sizeof *src->kinds * (size_t)n);
	}
	for (int i = 0; i < n; i++) {
		src->fields[i] = i < xr.ncells ? xr.cells[i] : "";
		src->kinds[i] = i < xr.ncells ? xr.kinds[i] : XLSX_CELL_EMPTY;
	}
	row->line = xr.row;
	row->nfields = n;
	row->fields = src->fields;
	return 1;
}

void sheet_rows_progress(const sheet_rows *src, size_t *done, size_t *total)
{
	if (src->csv)
		csv_progress(src->csv, done, total);
	else
		xlsx_read_progress(src->xlsx, done, total);
}

void sheet_rows_close(sheet_rows *src)
{
	csv_close(&src->csv);
	xlsx_read_close(&src->xlsx);
	free(src->fields);
	free(src->kinds);
	free(src->encoding);
	free(src->sheet);
	src->fields = NULL;
	src->kinds = NULL;
	src->encoding = src->sheet = NULL;
	src->cap = 0;
}

int sheet_rows_header(sheet_rows *src, csv_row *row, sheet_header_fn *is_header, void *arg,
		strbuf *err)
{
	strbuf why = STRBUF_INIT, broken = STRBUF_INIT;
	int best = -1, got = 0;
	for (int k = 0; k < SHEET_HEADER_ROWS && (got = sheet_rows_next(src, row, &broken)) == 1;
	     k++) {
		sb_reset(&why);
		int found = 0;
		if (is_header(arg, row, &why, &found) == 0) {
			src->width = row->nfields;
			sb_free(&why);
			sb_free(&broken);
			return 0;
		}
		if (found > best) {
			best = found;
			sb_reset(err);
			/* a workbook's first sheet may not be the one meant: say which was read */
			if (src->xlsx)
				sb_addf(err, _("%s, sheet '%s', row %ld: %s"), src->path,
				        xlsx_read_sheet(src->xlsx), row->line, sb_str(&why));
			else
				sb_addf(err, _("%s:%ld: %s"), src->path, row->line, sb_str(&why));
		}
	}
	if (got < 0) {
		sb_reset(err);
		sb_add(err, sb_str(&broken));
	} else if (best < 0 && src->xlsx) {
		sb_addf(err, _("%s: sheet '%s' is empty"), src->path, xlsx_read_sheet(src->xlsx));
	} else if (best < 0) {
		sb_addf(err, _("%s: no header row"), src->path);
	}
	sb_free(&why);
	sb_free(&broken);
	return -1;
}

int sheet_rows_each(sheet_rows *src, sheet_row_fn *fn, void *arg, ent_io_progress progress,
		void *parg, ent_io_phase phase, long *rows, strbuf *err)
{
	csv_row row;
	strbuf why = STRBUF_INIT;
	int got, rc = -1;
	while ((got = sheet_rows_next(src, &row, &why)) == 1) {
		++*rows;
		if (fn(arg, &row, &why) < 0) {
			sb_addf(err, _("%s; nothing imported"), sb_str(&why));
			goto out;
		}
		size_t done, total;
		sheet_rows_progress(src, &done, &total);
		if (progress && *rows % SHEET_PROGRESS_EVERY == 0 &&
		    progress(parg, phase, (long)done, (long)total)) {
			sb_add(err, _("import cancelled; nothing imported"));
			goto out;
		}
	}
	if (got < 0) {
		/* a broken file cannot be trusted past the break: nothing is imported */
		sb_addf(err, _("%s; nothing imported"), sb_str(&why));
		goto out;
	}
	rc = *rows == 0 ? 1 : 0;
out:
	sb_free(&why);
	return rc;
}

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

long sheet_seen_add(sheet_seen *t, const char *key, long line)
{
	if ((t->n + 1) * 2 > t->cap) {
		sheet_seen bigger = { 0 };
		bigger.cap = t->cap ? t->cap * 2 : 1024;
		bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
		bigger.lines = xcalloc(bigger.cap, sizeof *bigger.lines);
		for (size_t i = 0; i < t->cap; i++)
			if (t->keys[i])
				sheet_seen_add(&bigger, t->keys[i], t->lines[i]);
		for (size_t i = 0; i < t->cap; i++)
			free(t->keys[i]);
		free(t->keys);
		free(t->lines);
		*t = bigger;
	}
	size_t i = hash(key) & (t->cap - 1);
	while (t->keys[i]) {
		if (strcmp(t->keys[i], key) == 0)
			return t->lines[i];
		i = (i + 1) & (t->cap - 1);
	}
	t->keys[i] = xstrdup(key);
	t->lines[i] = line;
	t->n++;
	return 0;
}

long sheet_seen_find(const sheet_seen *t, const char *key)
{
	if (!t->cap)
		return 0;
	for (size_t i = hash(key) & (t->cap - 1); t->keys[i]; i = (i + 1) & (t->cap - 1))
		if (strcmp(t->keys[i], key) == 0)
			return t->lines[i];
	return 0;
}

void sheet_seen_free(sheet_seen *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

int sheet_import_txn(db *d, sheet_rows *src, sheet_row_fn *fn, void *arg,
		ent_io_progress progress, void *parg, ent_import_mode mode, const long *nbad,
		long *rows, const char *empty, bool *written, strbuf *err)
{
	store_err se = { 0 };
	*written = false;
	if (db_begin(d, &se) < 0) {
		app_store_text(&se, err);
		return -1;
	}
	ent_io_phase phase = mode == ENT_IMPORT_CHECK ? ENT_IO_CHECK : ENT_IO_IMPORT;
	int got = sheet_rows_each(src, fn, arg, progress, parg, phase, rows, err);
	if (got > 0)
		sb_add(err, empty);
	if (got != 0 || !import_commits(mode, *nbad)) {
		db_rollback(d);
		return got == 0 ? 0 : -1;
	}
	if (db_commit(d, &se) < 0) {
		strbuf why = STRBUF_INIT;
		sb_addf(err, _("%s; nothing imported"), app_store_text(&se, &why));
		sb_free(&why);
		db_rollback(d);
		return -1;
	}
	*written = true;
	return 0;
}

int sheet_import_file(db *d, const sheet_import *im, char **encoding, long *rows,
		bool *written, strbuf *err)
{
	csv_row row;
	sheet_rows src;
	int rc = -1;
	*written = false;
	bool opened = sheet_rows_open(&src, im->path, im->sheet, err) == 0;
	if (opened)
		*encoding = xstrdup(src.encoding);
	if (!opened || sheet_rows_header(&src, &row, im->is_header, im->header_arg, err) < 0)
		goto out;
	if (im->header && im->header(im->hook_arg, &row, sb_str(im->ignored), err) < 0)
		goto out;
	/* one transaction for the whole file: all of it, the good rows, or (a dry run)
	 * nothing */
	rc = sheet_import_txn(d, &src, im->row, im->row_arg, im->progress, im->hook_arg, im->mode,
	                      im->nbad, rows, im->empty, written, err);
out:
	sheet_rows_close(&src);
	return rc;
}

/* whether a row is the map's header (sheet_header_fn) */
typedef struct map_header_try {
	map_import *mi;
	strbuf *ignored;
} map_header_try;

static int map_header(void *arg, const csv_row *row, strbuf *why, int *found)
{
	map_header_try *t = arg;
	map_import *mi = t->mi;
	sb_reset(t->ignored);
	if (mi->match(mi->arg, row->fields, row->nfields, why, t->ignored) == 0)
		return 0;
	*found = 0;
	for (int f = 0; f < mi->nfields; f++)
		*found += mi->col[f] >= 0;
	return -1;
}

/* one data row (sheet_row_fn): the import stops when mi->row says so */
static int map_row(void *arg, const csv_row *row, strbuf *why)
{
	map_import *mi = arg;
	if (mi->row(mi->arg, row) < 0) {
		sb_addf(why, "%s:%ld: %s", mi->path, row->line, sb_str(&mi->fail));
		return -1;
	}
	return 0;
}

const char *map_import_column(const map_import *mi, int f)
{
	if (f < 0 || f >= mi->nfields)
		return NULL;
	return colmap_header(mi->map, f, mi->code(f));
}

void map_import_bad(map_import *mi, const csv_row *row, int f, const char *why)
{
	(*mi->nbad)++;
	if (mi->bad)
		mi->bad(mi->hook_arg, row, map_import_column(mi, f), why);
}

int map_import_file(db *d, map_import *mi, const char *path, const char *sheet,
		ent_import_mode mode, const char *empty, char **encoding, long *rows,
		bool *written, strbuf *err)
{
	mi->path = path;
	strbuf ignored = STRBUF_INIT;
	map_header_try try = { mi, &ignored };
	sheet_import im = { .path = path, .sheet = sheet, .is_header = map_header,
		.header_arg = &try, .ignored = &ignored, .header = mi->header, .row = map_row,
		.row_arg = mi, .progress = mi->progress, .hook_arg = mi->hook_arg, .mode = mode,
		.nbad = mi->nbad, .empty = empty };
	int rc = sheet_import_file(d, &im, encoding, rows, written, err);
	sb_free(&ignored);
	sb_free(&mi->fail);
	return rc;
}
