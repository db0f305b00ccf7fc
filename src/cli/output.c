/* Printing command results as a table, CSV or JSON. */
#include "cli/output.h"

#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"

struct out_table {
	const app_column *cols;
	int ncols;
	int *printed;  /* the columns with a key, in order */
	int nprinted;
	char **cells;  /* nrows * ncols */
	int nrows;
	int cap;
	/* out_stream: rows are printed as they come and not kept, each built in the
	 * same buffers */
	FILE *stream;
	out_format stream_format;
	csv_writer *csv;
	long streamed;
	strbuf *scratch;      /* ncols: the row's cells */
	const char **shown;   /* ncols: the row's cells as printed */
	/* a CSV line's fields and the texts made for it (nprinted each) */
	const char **line;
	char **owned;
	/* a streamed table: its widths, measured in a first pass over the rows */
	int *widths;
	bool measuring;
	strbuf table;         /* its line */
};

bool out_parse_format(const char *s, out_format *f)
{
	static const char *const names[] = { "table", "csv", "json" };
	for (int i = 0; i < 3; i++)
		if (s && strcmp(s, names[i]) == 0) {
			*f = (out_format)i;
			return true;
		}
	return false;
}

out_table *out_new(const app_column *cols, int ncols)
{
	out_table *t = xcalloc(1, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
	t->printed = xcalloc((size_t)ncols + 1, sizeof *t->printed);
	for (int c = 0; c < ncols; c++)
		if (cols[c].key)
			t->printed[t->nprinted++] = c;
	return t;
}

static void emit(out_table *t, const char *const *cells);

/* room for one more row; its cells */
static char **new_row(out_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->cells = xrealloc(t->cells, sizeof(char *) * (size_t)t->cap * (size_t)t->ncols);
	}
	char **row = &t->cells[t->nrows++ * t->ncols];
	for (int c = 0; c < t->ncols; c++)
		row[c] = NULL;
	return row;
}

void out_row(out_table *t, const char *const *cells)
{
	if (t->stream) {
		for (int c = 0; c < t->ncols; c++)
			t->shown[c] = cells[c] && t->cols[c].key ? cells[c] : "";
		emit(t, t->shown);
		return;
	}
	char **row = new_row(t);
	for (int c = 0; c < t->ncols; c++)
		row[c] = xstrdup(cells[c] && t->cols[c].key ? cells[c] : "");
}

void out_row_from(out_table *t, void (*cell)(const void *arg, int col, strbuf *out),
                  const void *arg)
{
	if (t->stream) {
		for (int c = 0; c < t->ncols; c++) {
			sb_reset(&t->scratch[c]);
			if (t->cols[c].key)
				cell(arg, c, &t->scratch[c]);
			t->shown[c] = sb_str(&t->scratch[c]);
		}
		emit(t, t->shown);
		return;
	}
	char **row = new_row(t);
	for (int c = 0; c < t->ncols; c++) {
		strbuf b = STRBUF_INIT;
		if (t->cols[c].key)
			cell(arg, c, &b);
		row[c] = sb_steal(&b);
	}
}

char *out_cell_text(const app_column *col, const char *v)
{
	if (col->kind == COL_BOOL)
		return xstrdup(strcmp(v, "1") == 0 ? _("yes") : _("no"));
	if (col->kind == COL_LIST) {
		strbuf b = STRBUF_INIT;
		for (const char *p = v; *p; p++) {
			if (*p == '|')
				sb_add(&b, "、");
			else
				sb_addc(&b, *p);
		}
		return sb_steal(&b);
	}
	return xstrdup(v);
}

void out_json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

static void json_value(FILE *fp, const app_column *col, const char *v)
{
	switch (col->kind) {
	case COL_INT:
		fputs(*v ? v : "null", fp);
		break;
	case COL_BOOL:
		fputs(strcmp(v, "1") == 0 ? "true" : "false", fp);
		break;
	case COL_LIST: {
		fputc('[', fp);
		const char *p = v;
		bool first = true;
		while (*p) {
			const char *bar = strchr(p, '|');
			size_t n = bar ? (size_t)(bar - p) : strlen(p);
			char *item = xstrndup(p, n);
			if (!first)
				fputs(", ", fp);
			out_json_string(fp, item);
			free(item);
			first = false;
			p += n + (bar ? 1 : 0);
		}
		fputc(']', fp);
		break;
	}
	default:
		out_json_string(fp, v);
	}
}

/* row r (the r-th of a list, cells one per column) as a JSON object */
static void json_row(const out_table *t, FILE *fp, const char *const *cells, long r,
                     bool as_object)
{
	fputs(r ? ",\n  {" : (as_object ? "{" : "\n  {"), fp);
	for (int i = 0; i < t->nprinted; i++) {
		int c = t->printed[i];
		fprintf(fp, "%s\"%s\": ", i ? ", " : "", t->cols[c].key);
		json_value(fp, &t->cols[c], cells[c]);
	}
	fputs("}", fp);
}

static void json_end(FILE *fp, long rows, bool as_object)
{
	fputs(as_object ? "\n" : (rows ? "\n]\n" : "]\n"), fp);
}

static void print_json(out_table *t, bool as_object, FILE *fp)
{
	if (!as_object)
		fputs("[", fp);
	for (int r = 0; r < t->nrows; r++) {
		json_row(t, fp, (const char *const *)&t->cells[r * t->ncols], r, as_object);
		if (as_object)
			break;
	}
	json_end(fp, t->nrows, as_object);
}

/* the header line: the keys */
static void csv_header(const out_table *t, csv_writer *w)
{
	const char **row = xcalloc((size_t)t->nprinted + 1, sizeof *row);
	for (int i = 0; i < t->nprinted; i++)
		row[i] = t->cols[t->printed[i]].key;
	csvw_row(w, row, t->nprinted);
	free(row);
}

/* one row, cells one per column; a text cell goes out as it is */
static void csv_line(out_table *t, csv_writer *w, const char *const *cells)
{
	int n = t->nprinted;
	if (!t->line)
		t->line = xcalloc((size_t)n + 1, sizeof *t->line);
	if (!t->owned)
		t->owned = xcalloc((size_t)n + 1, sizeof *t->owned);
	for (int i = 0; i < n; i++) {
		const app_column *col = &t->cols[t->printed[i]];
		const char *v = cells[t->printed[i]];
		if (col->kind == COL_BOOL || col->kind == COL_LIST)
			v = t->owned[i] = out_cell_text(col, v);
		t->line[i] = v;
	}
	csvw_row(w, t->line, n);
	for (int i = 0; i < n; i++)
		xfree(&t->owned[i]);
}

static void csv_end(csv_writer **w)
{
	strbuf err = STRBUF_INIT;
	if (csvw_close(w, true, &err) < 0)
		fprintf(stderr, "qifu: %s\n", sb_str(&err));
	sb_free(&err);
}

static void print_csv(out_table *t, FILE *fp)
{
	/* no BOM on a stream: scripts read it; files for Excel come from export */
	csv_writer *w = csvw_open_fp(fp, false);
	csv_header(t, w);
	for (int r = 0; r < t->nrows; r++)
		csv_line(t, w, (const char *const *)&t->cells[r * t->ncols]);
	csv_end(&w);
}

/* a table's widths start at its headers' */
static int *table_widths(const out_table *t)
{
	int *w = xcalloc((size_t)t->nprinted + 1, sizeof *w);
	for (int i = 0; i < t->nprinted; i++)
		w[i] = text_width(_(t->cols[t->printed[i]].header));
	return w;
}

/* cells (one per column) as a table shows them, into shown (nprinted, owned), and
 * the widths grown to hold them */
static void table_cells(const out_table *t, const char *const *cells, char **shown, int *w)
{
	for (int i = 0; i < t->nprinted; i++) {
		int c = t->printed[i];
		char *clean = text_sanitize(cells[c], strlen(cells[c]), 0);
		shown[i] = out_cell_text(&t->cols[c], clean);
		free(clean);
		int cw = text_width(shown[i]);
		if (cw > w[i])
			w[i] = cw;
	}
}

/* one line of the table: the headers when shown is NULL */
static void table_line(const out_table *t, char *const *shown, const int *w, strbuf *line,
                       FILE *fp)
{
	int n = t->nprinted;
	sb_reset(line);
	for (int i = 0; i < n; i++) {
		const app_column *col = &t->cols[t->printed[i]];
		const char *v = shown ? shown[i] : _(col->header);
		if (i)
			sb_add(line, "  ");
		if (i == n - 1)
			sb_add(line, v);
		else
			text_fit_pad_sb(line, v, w[i], col->kind == COL_INT ? TEXT_RIGHT : TEXT_LEFT);
	}
	fprintf(fp, "%s\n", sb_str(line));
}

static void print_table(out_table *t, FILE *fp)
{
	int n = t->nprinted;
	int *w = table_widths(t);
	char **shown = xcalloc((size_t)t->nrows * (size_t)n + 1, sizeof *shown);
	for (int r = 0; r < t->nrows; r++)
		table_cells(t, (const char *const *)&t->cells[r * t->ncols], &shown[r * n], w);
	strbuf line = STRBUF_INIT;
	table_line(t, NULL, w, &line, fp);
	for (int r = 0; r < t->nrows; r++)
		table_line(t, &shown[r * n], w, &line, fp);
	sb_free(&line);
	for (int i = 0; i < t->nrows * n; i++)
		free(shown[i]);
	free(shown);
	free(w);
}

/* a stream's buffer: 64 KiB a write to a file or a pipe, where stdio's 4 KiB made
 * 5 400 writes of a 100 000-row list (each a system call of some microseconds).
 * Set once, before anything went to fp; a terminal keeps its line buffering. */
static void stream_buffer(FILE *fp)
{
	static char buf[1 << 16];
	static bool set;
	if (set || __fpending(fp) > 0 || isatty(fileno(fp)))
		return;
	set = setvbuf(fp, buf, _IOFBF, sizeof buf) == 0;
}

void out_stream(out_table *t, out_format f, FILE *fp)
{
	stream_buffer(fp);
	t->stream = fp;
	t->stream_format = f;
	t->scratch = xcalloc((size_t)t->ncols, sizeof *t->scratch);
	t->shown = xcalloc((size_t)t->ncols, sizeof *t->shown);
	t->owned = xcalloc((size_t)t->nprinted + 1, sizeof *t->owned);
	if (f == OUT_TABLE) {
		t->widths = table_widths(t);
		t->measuring = true;
	} else if (f == OUT_CSV) {
		t->csv = csvw_open_fp(fp, false);
		csv_header(t, t->csv);
	} else {
		fputs("[", fp);
	}
}

/* a streaming table's row, out at once (a table's measured in its first pass) */
static void emit(out_table *t, const char *const *cells)
{
	if (t->stream_format == OUT_TABLE) {
		table_cells(t, cells, t->owned, t->widths);
		if (!t->measuring)
			table_line(t, t->owned, t->widths, &t->table, t->stream);
		for (int i = 0; i < t->nprinted; i++)
			xfree(&t->owned[i]);
		return;
	}
	if (t->csv)
		csv_line(t, t->csv, cells);
	else
		json_row(t, t->stream, cells, t->streamed, false);
	t->streamed++;
}

bool out_stream_again(out_table *t)
{
	if (!t->stream || !t->measuring)
		return false;
	/* the widths are known: the header now, then each row as it comes again */
	t->measuring = false;
	table_line(t, NULL, t->widths, &t->table, t->stream);
	return true;
}

void out_print(out_table *t, out_format f, bool as_object, FILE *fp)
{
	if (t->stream) {
		/* the rows are out already: end the list (a table has nothing to end) */
		if (t->csv)
			csv_end(&t->csv);
		else if (t->stream_format == OUT_JSON)
			json_end(t->stream, t->streamed, false);
		t->stream = NULL;
		return;
	}
	switch (f) {
	case OUT_JSON:
		print_json(t, as_object, fp);
		break;
	case OUT_CSV:
		print_csv(t, fp);
		break;
	default:
		print_table(t, fp);
	}
}

void out_free(out_table **tp)
{
	out_table *t = *tp;
	if (!t)
		return;
	for (int i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	if (t->csv)
		csv_end(&t->csv);
	if (t->scratch)
		for (int c = 0; c < t->ncols; c++)
			sb_free(&t->scratch[c]);
	free(t->scratch);
	free(t->shown);
	free(t->widths);
	sb_free(&t->table);
	free(t->line);
	free(t->owned);
	free(t->cells);
	free(t->printed);
	free(t);
	*tp = NULL;
}
