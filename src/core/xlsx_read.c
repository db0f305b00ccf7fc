/* One sheet of an xlsx workbook, a row at a time (core/xlsx_read.h): the package
 * is followed and the workbook's tables read by xlsx_book.c; here the sheet is
 * parsed as it is unpacked, so that memory holds the shared strings and a few
 * rows, never the whole sheet. */
#include "core/xlsx_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/xlsx_read_internal.h"

/* how much of the sheet is unpacked and parsed at a time */
#define CHUNK 65536

/* the sheet: rows of cells, queued as each row ends */

static void row_clear(qrow *q)
{
	for (int i = 0; i < q->ncells; i++)
		free(q->cells[i]);
	free(q->cells);
	free(q->kinds);
	memset(q, 0, sizeof *q);
}

/* put text in column col, after the row's last cell (columns only increase) */
static void row_set(qrow *q, int col, char *text, xlsx_cell kind)
{
	if (col >= q->cap) {
		int cap = q->cap ? q->cap * 2 : 16;
		if (cap <= col)
			cap = col + 1;
		q->cells = xrealloc(q->cells, (size_t)cap * sizeof *q->cells);
		q->kinds = xrealloc(q->kinds, (size_t)cap * sizeof *q->kinds);
		q->cap = cap;
	}
	for (int i = q->ncells; i < col; i++) {
		q->cells[i] = xstrdup("");
		q->kinds[i] = XLSX_CELL_EMPTY;
	}
	q->cells[col] = text;
	q->kinds[col] = kind;
	q->ncells = col + 1;
}

static void enqueue(xlsx_reader *r)
{
	if (r->qhead + r->qlen == r->qcap) {
		if (r->qhead > 0) {
			memmove(r->queue, r->queue + r->qhead, r->qlen * sizeof *r->queue);
			r->qhead = 0;
		} else {
			r->qcap = r->qcap ? r->qcap * 2 : 64;
			r->queue = xrealloc(r->queue, r->qcap * sizeof *r->queue);
		}
	}
	r->queue[r->qhead + r->qlen++] = r->cur;
	memset(&r->cur, 0, sizeof r->cur);
}

/* "C5", for messages */
static const char *cell_ref(const xlsx_reader *r, char buf[24])
{
	char col[4];
	xlsx_col_name(r->col, col);
	snprintf(buf, 24, "%s%ld", col, r->cur.row);
	return buf;
}

static void trim(strbuf *b)
{
	size_t start = strspn(sb_str(b), " \t\r\n");
	size_t end = b->len;
	while (end > start && strchr(" \t\r\n", b->s[end - 1]))
		end--;
	char *t = xstrndup(sb_str(b) + start, end - start);
	sb_reset(b);
	sb_add(b, t);
	free(t);
}

/* the cell just ended, as text and kind, into the row */
static void cell_done(xlsx_reader *r)
{
	char ref[24];
	const char *t = r->type;
	strbuf out = STRBUF_INIT;
	int kind = XLSX_CELL_TEXT;
	if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
		sb_add(&out, sb_str(&r->val));
		if (out.len) {
			xlsx_unescape(out.s);
			out.len = strlen(out.s);
		}
	} else {
		trim(&r->val);
		const char *v = sb_str(&r->val);
		if (strcmp(t, "s") == 0) {
			char *end;
			errno = 0;
			unsigned long i = strtoul(v, &end, 10);
			if (!*v || *end || errno || *v == '-' || i >= r->nsst) {
				xlsx_fail(r, _("%s: %s: cell %s: shared string '%s' is not among the "
					       "%zu of the workbook"),
					r->label, r->sheet_label, cell_ref(r, ref), v, r->nsst);
				goto out;
			}
			sb_add(&out, sb_str(&r->sst) + r->sst_at[i]);
		} else if (strcmp(t, "b") == 0) {
			kind = XLSX_CELL_BOOL;
			if (strcmp(v, "1") == 0)
				sb_add(&out, "TRUE");
			else if (strcmp(v, "0") == 0)
				sb_add(&out, "FALSE");
			else
				sb_add(&out, v);
		} else if (strcmp(t, "e") == 0) {
			kind = XLSX_CELL_ERROR;
			sb_add(&out, v);
		} else if (strcmp(t, "d") == 0) {
			kind = XLSX_CELL_DATE;
			if (*v && !xlsx_value_iso_date(v, &out)) {
				xlsx_fail(r, _("%s: %s: cell %s: '%s' is not a date"), r->label,
					r->sheet_label, cell_ref(r, ref), v);
				goto out;
			}
		} else if (*v) {
			/* a number (t="n" or none); a style past the table reads as General */
			static const xlsx_numfmt general = { XLSX_FMT_GENERAL, false, 0 };
			const xlsx_numfmt *fmt = r->style >= 0 && (size_t)r->style < r->nxf
				? &r->xf[r->style]
				: &general;
			kind = xlsx_value_number(v, fmt, r->date1904, &out);
			if (kind < 0) {
				xlsx_fail(r, _("%s: %s: cell %s: '%s' is not a number"), r->label,
					r->sheet_label, cell_ref(r, ref), v);
				goto out;
			}
		}
	}
	if (out.len)
		row_set(&r->cur, r->col, sb_steal(&out), (xlsx_cell)kind);
out:
	sb_free(&out);
}

/* a row or column number in an attribute: digits only, 1..max; else 0 */
static long number_attr(const char *v, long max)
{
	long n = 0;
	if (!v || !*v)
		return 0;
	for (; *v; v++) {
		if (*v < '0' || *v > '9' || n > max)
			return 0;
		n = n * 10 + (*v - '0');
	}
	return n <= max ? n : 0;
}

static void row_start(xlsx_reader *r, const char **atts)
{
	const char *v = xlsx_attr(atts, "r");
	long n = v ? number_attr(v, XLSX_MAX_ROWS + 1) : r->last_row + 1;
	if (r->in_row) {
		xlsx_fail(r, _("%s: %s: a row inside row %ld"), r->label, r->sheet_label, r->cur.row);
	} else if (v && n == 0) {
		xlsx_fail(r, _("%s: %s: '%s' is not a row number"), r->label, r->sheet_label, v);
	} else if (n > XLSX_MAX_ROWS) {
		xlsx_fail(r, _("%s: %s: more than %ld rows, too big to import"), r->label,
			r->sheet_label, XLSX_MAX_ROWS);
	} else if (n <= r->last_row) {
		xlsx_fail(r, _("%s: %s: row %ld comes after row %ld"), r->label, r->sheet_label, n,
			r->last_row);
	} else {
		r->cur.row = r->last_row = n;
		r->last_col = -1;
		r->in_row = true;
	}
}

static void cell_start(xlsx_reader *r, const char **atts)
{
	const char *ref = xlsx_attr(atts, "r"), *t = xlsx_attr(atts, "t"),
		   *s = xlsx_attr(atts, "s");
	char buf[24];
	int col = r->last_col + 1;
	long row = 0;
	if (ref && !xlsx_parse_ref(ref, &col, &row)) {
		xlsx_fail(r, _("%s: %s: row %ld: '%s' is not a cell reference"), r->label,
			r->sheet_label, r->cur.row, ref);
		return;
	}
	r->col = col;
	if (col >= XLSX_MAX_COLS) {
		xlsx_fail(r, _("%s: %s: row %ld has more than %d columns"), r->label,
			r->sheet_label, r->cur.row, XLSX_MAX_COLS);
	} else if (row && row != r->cur.row) {
		xlsx_fail(r, _("%s: %s: cell %s is inside row %ld"), r->label, r->sheet_label, ref,
			r->cur.row);
	} else if (col <= r->last_col) {
		xlsx_fail(r, _("%s: %s: cell %s comes after a cell to its right"), r->label,
			r->sheet_label, cell_ref(r, buf));
	}
	if (r->failed)
		return;
	r->last_col = col;
	snprintf(r->type, sizeof r->type, "%s", t ? t : "n");
	r->style = s ? number_attr(s, 1L << 30) : 0;
	sb_reset(&r->val);
	r->in_cell = true;
	r->in_v = r->in_is = r->in_t = false;
	r->rph = 0;
}

static void sheet_start(xml_job *j, const char *name, const char **atts)
{
	xlsx_reader *r = j->r;
	if (j->depth == 1) {
		if (strcmp(name, "worksheet") != 0)
			xlsx_fail(r, _("%s: %s is not a worksheet but a %s"), r->label,
				r->sheet_label, name);
	} else if (strcmp(name, "sheetData") == 0) {
		r->in_data = true;
	} else if (!r->in_data) {
		return;
	} else if (strcmp(name, "row") == 0) {
		row_start(r, atts);
	} else if (strcmp(name, "c") == 0 && r->in_row) {
		cell_start(r, atts);
	} else if (r->in_cell) {
		if (strcmp(name, "v") == 0)
			r->in_v = true;
		else if (strcmp(name, "is") == 0)
			r->in_is = true;
		else if (strcmp(name, "t") == 0)
			r->in_t = r->in_is;
		else if (strcmp(name, "rPh") == 0)
			r->rph++;
	}
}

static void sheet_end(xml_job *j, const char *name)
{
	xlsx_reader *r = j->r;
	if (strcmp(name, "sheetData") == 0) {
		r->in_data = false;
	} else if (strcmp(name, "row") == 0 && r->in_row) {
		if (r->cur.ncells)
			enqueue(r);
		else
			row_clear(&r->cur);
		r->in_row = false;
	} else if (strcmp(name, "c") == 0 && r->in_cell) {
		cell_done(r);
		r->in_cell = false;
	} else if (strcmp(name, "v") == 0) {
		r->in_v = false;
	} else if (strcmp(name, "is") == 0) {
		r->in_is = false;
	} else if (strcmp(name, "t") == 0) {
		r->in_t = false;
	} else if (strcmp(name, "rPh") == 0 && r->rph > 0) {
		r->rph--;
	}
}

static void sheet_text(xml_job *j, const char *s, int len)
{
	xlsx_reader *r = j->r;
	if (!r->in_cell || !(r->in_v || (r->in_is && r->in_t && !r->rph)))
		return;
	if (r->val.len + (size_t)len > XLSX_READ_MAX_CELL) {
		char ref[24];
		xlsx_fail(r, _("%s: %s: cell %s is longer than %zu bytes"), r->label,
			r->sheet_label, cell_ref(r, ref), XLSX_READ_MAX_CELL);
		return;
	}
	sb_addn(&r->val, s, (size_t)len);
}

/* unpack and parse the next piece of the sheet */
static void feed(xlsx_reader *r)
{
	char buf[CHUNK];
	zip_int64_t n = zip_fread(r->zf, buf, sizeof buf);
	if (n < 0) {
		xlsx_fail(r, _("%s: %s: %s"), r->label, r->sheet_label, zip_file_strerror(r->zf));
		return;
	}
	if (n == 0) {
		r->eof = true;
		xlsx_job_feed(&r->job, "", 0, true);
		return;
	}
	r->done += (size_t)n;
	if (r->done > XLSX_READ_MAX_PART) {
		xlsx_fail(r, _("%s: %s: larger than %zu MB unpacked, too big to import"), r->label,
			r->sheet_label, XLSX_READ_MAX_PART >> 20);
		return;
	}
	xlsx_job_feed(&r->job, buf, (size_t)n, false);
}

/* start unpacking the sheet xlsx_book_read found; -1 failed */
static int open_sheet(xlsx_reader *r)
{
	zip_int64_t at = xlsx_find_part(r, r->sheet_part);
	zip_stat_t zs;
	if (at < 0) {
		xlsx_fail(r, _("%s: no %s in the archive: not an xlsx workbook"), r->label,
			r->sheet_part);
		return -1;
	}
	if (zip_stat_index(r->za, (zip_uint64_t)at, 0, &zs) == 0 && (zs.valid & ZIP_STAT_SIZE))
		r->total = (size_t)zs.size;
	if (r->total > XLSX_READ_MAX_PART) {
		xlsx_fail(r, _("%s: %s: larger than %zu MB unpacked, too big to import"), r->label,
			r->sheet_label, XLSX_READ_MAX_PART >> 20);
		return -1;
	}
	r->zf = zip_fopen_index(r->za, (zip_uint64_t)at, 0);
	if (!r->zf) {
		xlsx_fail(r, _("%s: %s: %s"), r->label, r->sheet_label,
			zip_error_strerror(zip_get_error(r->za)));
		return -1;
	}
	xlsx_job_init(&r->job, r, r->sheet_label);
	r->job.start = sheet_start;
	r->job.end = sheet_end;
	r->job.text = sheet_text;
	return 0;
}

static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

bool xlsx_read_sniff(const void *head, size_t len)
{
	return (len >= 4 && memcmp(head, "PK\x03\x04", 4) == 0) ||
		(len >= 8 && memcmp(head, ole_magic, 8) == 0);
}

bool xlsx_read_is_workbook(const char *path)
{
	static const char *const ext[] = { ".xlsx", ".xlsm", ".xls" };
	size_t n = strlen(path);
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
		if (n >= strlen(ext[i]) && strcasecmp(path + n - strlen(ext[i]), ext[i]) == 0)
			return true;
	unsigned char head[8];
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return false;
	size_t got = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return xlsx_read_sniff(head, got);
}

/* refuse what is not a zip archive, naming what it looks like; false refused */
static bool check_head(const char *label, const unsigned char *head, size_t len, strbuf *err)
{
	if (len == 0) {
		sb_addf(err, _("%s: empty file"), label);
		return false;
	}
	if (len >= 8 && memcmp(head, ole_magic, 8) == 0) {
		sb_addf(err,
			_("%s: an .xls workbook, or one protected by a password: save it in "
			  "Excel or WPS as .xlsx without a password, or as CSV"),
			label);
		return false;
	}
	return true;
}

/* the reader around an open archive; NULL (and za closed) when the book fails */
static xlsx_reader *start(const char *label, zip_t *za, const char *sheet, strbuf *err)
{
	xlsx_reader *r = xcalloc(1, sizeof *r);
	r->label = xstrdup(label);
	r->za = za;
	if (xlsx_book_read(r, sheet) < 0 || open_sheet(r) < 0) {
		sb_add(err, sb_str(&r->err));
		xlsx_read_close(&r);
		return NULL;
	}
	return r;
}

/* why libzip could not open it; a file that starts as a zip but has no directory
 * was cut short (a download or a copy that did not finish) */
static void zip_failed(const char *label, const void *head, size_t len, zip_error_t *ze,
	strbuf *err)
{
	if (zip_error_code_zip(ze) != ZIP_ER_NOZIP)
		sb_addf(err, "%s: %s", label, zip_error_strerror(ze));
	else if (len >= 4 && memcmp(head, "PK\x03\x04", 4) == 0)
		sb_addf(err, _("%s: a damaged zip archive (cut short?): save or copy the workbook "
			       "again"),
			label);
	else
		sb_addf(err, _("%s: not an xlsx workbook (not a zip archive)"), label);
}

xlsx_reader *xlsx_read_open(const char *path, const char *sheet, strbuf *err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		sb_addf(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	unsigned char head[8];
	size_t n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	if (!check_head(path, head, n, err))
		return NULL;
	int code = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY, &code);
	if (!za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, code);
		zip_failed(path, head, n, &ze, err);
		zip_error_fini(&ze);
		return NULL;
	}
	return start(path, za, sheet, err);
}

xlsx_reader *xlsx_read_open_mem(
	const void *data, size_t len, const char *label, const char *sheet, strbuf *err)
{
	if (!check_head(label, data, len, err))
		return NULL;
	zip_error_t ze;
	zip_error_init(&ze);
	void *copy = xmalloc(len);
	memcpy(copy, data, len);
	zip_source_t *src = zip_source_buffer_create(copy, len, 1, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	if (!za) {
		zip_failed(label, data, len, &ze, err);
		if (src)
			zip_source_free(src);
		else
			free(copy);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_error_fini(&ze);
	return start(label, za, sheet, err);
}

const char *xlsx_read_sheet(const xlsx_reader *r)
{
	return r->sheet;
}

int xlsx_read_next(xlsx_reader *r, xlsx_read_row *row, strbuf *err)
{
	row_clear(&r->out);
	while (r->qlen == 0 && !r->eof && !r->failed)
		feed(r);
	if (r->qlen == 0) {
		if (!r->failed)
			return 0;
		sb_add(err, sb_str(&r->err));
		return -1;
	}
	r->out = r->queue[r->qhead++];
	r->qlen--;
	row->row = r->out.row;
	row->ncells = r->out.ncells;
	row->cells = (const char *const *)r->out.cells;
	row->kinds = r->out.kinds;
	return 1;
}

void xlsx_read_progress(const xlsx_reader *r, size_t *done, size_t *total)
{
	*total = r->total > r->done ? r->total : r->done;
	*done = r->done;
}

void xlsx_read_close(xlsx_reader **rp)
{
	xlsx_reader *r = *rp;
	if (!r)
		return;
	xlsx_job_free(&r->job);
	if (r->zf)
		zip_fclose(r->zf);
	if (r->za)
		zip_discard(r->za);
	row_clear(&r->cur);
	row_clear(&r->out);
	for (size_t i = 0; i < r->qlen; i++)
		row_clear(&r->queue[r->qhead + i]);
	free(r->queue);
	sb_free(&r->sst);
	free(r->sst_at);
	free(r->xf);
	free(r->sheet);
	free(r->sheet_part);
	free(r->sheet_label);
	free(r->label);
	sb_free(&r->val);
	sb_free(&r->err);
	free(r);
	*rp = NULL;
}
