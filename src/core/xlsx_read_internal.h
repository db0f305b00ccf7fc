/* Shared by the two files of the xlsx reader: xlsx_book.c follows the package to a
 * sheet and reads what its cells refer to (the shared strings, the cell styles, the
 * date system), xlsx_read.c unpacks and parses the sheet a piece at a time. Only
 * they include it. */
#ifndef QIFU_XLSX_READ_INTERNAL_H
#define QIFU_XLSX_READ_INTERNAL_H
#include <expat.h>
#include <stdbool.h>
#include <stdint.h>
#include <zip.h>

#include "core/lazy_libs.h"
#include "core/strbuf.h"
#include "core/xlsx_read.h"

/* a row as it is built and queued: owned strings */
typedef struct qrow {
	long row;
	int ncells, cap;
	char **cells;
	xlsx_cell *kinds;
} qrow;

/* one XML part being parsed: the handlers of its kind get local names */
typedef struct xml_job xml_job;
struct xml_job {
	xlsx_reader *r;
	const char *part; /* as messages name it */
	XML_Parser p;
	int depth;
	void (*start)(xml_job *j, const char *name, const char **atts);
	void (*end)(xml_job *j, const char *name);
	void (*text)(xml_job *j, const char *s, int len);
	void *state;
};

struct xlsx_reader {
	char *label; /* the file, as messages name it */
	zip_t *za;
	bool date1904;
	/* the shared strings, NUL-separated in one buffer */
	strbuf sst;
	uint32_t *sst_at;
	size_t nsst, capsst;
	/* the number format of each cell style (cellXfs) */
	xlsx_numfmt *xf;
	size_t nxf;
	char *sheet;      /* its name */
	char *sheet_part; /* its path in the package, and how messages name it */
	char *sheet_label;
	zip_file_t *zf;
	size_t done, total;
	xml_job job;
	bool eof, failed;
	strbuf err;
	/* the sheet's parse state */
	bool in_data, in_row, in_cell, in_v, in_is, in_t;
	int rph; /* depth inside a phonetic run, whose text is not the cell's */
	long last_row;
	int col, last_col;
	char type[12];
	long style;
	strbuf val;
	qrow cur;
	/* rows complete and waiting, and the one last handed out */
	qrow *queue;
	size_t qhead, qlen, qcap;
	qrow out;
};

/* the first failure is the one reported; the part being parsed stops at once */
void xlsx_fail(xlsx_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* an attribute without a namespace (r, t, s, name), or NULL */
const char *xlsx_attr(const char **atts, const char *name);
/* start parsing a part (named part in messages); the caller sets the handlers */
void xlsx_job_init(xml_job *j, xlsx_reader *r, const char *part);
/* parse a piece of the part (final: the last); -1 once anything failed */
int xlsx_job_feed(xml_job *j, const char *buf, size_t len, bool final);
void xlsx_job_free(xml_job *j);
/* the index of part in the package, or -1 */
zip_int64_t xlsx_find_part(xlsx_reader *r, const char *part);
/* follow the package to the sheet named want (NULL: the first), and read the date
 * system, the shared strings and the cell styles: sets r->sheet, r->sheet_part and
 * r->sheet_label; -1 failed (r->err says why) */
int xlsx_book_read(xlsx_reader *r, const char *want);

#endif
