/* CSV files from and for Excel/WPS. Reading converts the whole file to UTF-8 first
 * (so the parser sees one encoding and every error can name a line), then parses
 * RFC 4180 records one at a time. A file that is UTF-8 already is not copied: it is
 * mapped, checked a slice at a time and its pages given back behind the parser, so
 * reading it takes the same memory whatever its size. Writing goes to a temporary file that is renamed
 * into place only when the caller commits. */
#include "core/csv.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "core/i18n.h"
#include "core/xalloc.h"

struct csv_reader {
	char *text;			/* the whole input as UTF-8, NUL-terminated; or */
	const char *map;		/* a UTF-8 file mapped as it is (text points past a BOM) */
	size_t maplen, released;	/* its length, and the bytes read and given back */
	size_t len;
	size_t pos;
	long line;			/* line number at pos */
	const char *encoding;
	size_t field_limit;
	bool failed;
	strbuf failure;			/* repeated by every csv_next after an error */
	strbuf arena;			/* this record's fields, NUL-separated */
	size_t *offs;
	const char **ptrs;
	int cap;
};

struct csv_writer {
	FILE *fp;
	bool own;			/* opened by csvw_open: fclose, rename, unlink are ours */
	char *path;
	char *tmp;
	int error;			/* first errno from a write, 0 while all is well */
	strbuf line;
};

/* Length of the line end at p: 2 for CRLF, 1 for LF or a lone CR, 0 for none.
 * The parser and the error messages count lines with this one rule. */
static size_t csv_eol(const char *p, const char *end)
{
	if (p >= end)
		return 0;
	if (*p == '\n')
		return 1;
	if (*p == '\r')
		return (p + 1 < end && p[1] == '\n') ? 2 : 1;
	return 0;
}

/* The line number of byte offset n in ASCII-compatible text s. */
static long csv_line_at(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	long line = 1;
	while (p < end) {
		size_t e = csv_eol(p, end);
		if (e) {
			line++;
			p += e;
		} else {
			p++;
		}
	}
	return line;
}

/* Convert with iconv into a fresh NUL-terminated buffer. On failure *out still
 * holds what converted before the bad input (so its lines can be counted) and
 * *bad is the offset of the first byte that did not convert. */
static int csv_iconv(const char *from, const char *in, size_t len, char **out,
		     size_t *outlen, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		fatal("iconv cannot convert from %s: %s", from, strerror(errno));
	size_t cap = len / 2 * 3 + 16;
	char *buf = xmalloc(cap);
	char *ip = (char *)in, *op = buf;
	size_t ileft = len, oleft = cap - 1;
	int rc = 0;
	while (ileft > 0) {
		if (iconv(cd, &ip, &ileft, &op, &oleft) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(op - buf);
			cap *= 2;
			buf = xrealloc(buf, cap);
			op = buf + used;
			oleft = cap - 1 - used;
			continue;
		}
		/* EILSEQ, or EINVAL for a sequence cut off by the end of the file */
		rc = -1;
		*bad = (size_t)(ip - in);
		break;
	}
	iconv_close(cd);
	*op = '\0';
	*out = buf;
	*outlen = (size_t)(op - buf);
	return rc;
}

/* the refusals of a file's text, named by its line (text: where the lines count from) */
static void csv_say_bad_bom(strbuf *err, const char *text, size_t off)
{
	sb_addf(err, _("the file starts with a UTF-8 byte-order mark but has an "
		       "invalid byte at line %ld (byte offset %zu)"),
		csv_line_at(text, off), off);
}

static void csv_say_nul(strbuf *err, const char *text, size_t off)
{
	sb_addf(err, _("line %ld: NUL character in the text (a binary file, or UTF-16 "
		       "without a byte-order mark?)"),
		csv_line_at(text, off));
}

/* Detect the encoding of the raw bytes, convert them to UTF-8 into r->text and
 * check the result is text with at least one record. */
static int csv_decode(csv_reader *r, const char *in, size_t len, strbuf *err)
{
	const unsigned char *u = (const unsigned char *)in;
	char *conv = NULL;
	size_t clen = 0, bad = 0;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		r->encoding = "UTF-8 (BOM)";
		const uint8_t *b = u8_check(u + 3, len - 3);
		if (b) {
			csv_say_bad_bom(err, in, (size_t)(b - u));
			return -1;
		}
		conv = xstrndup(in + 3, len - 3);
		clen = len - 3;
	} else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		r->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		if (csv_iconv(r->encoding, in + 2, len - 2, &conv, &clen, &bad) < 0) {
			sb_addf(err, _("invalid %s text at line %ld (byte offset %zu)"),
				r->encoding, csv_line_at(conv, clen), bad + 2);
			free(conv);
			return -1;
		}
	} else if (!u8_check(u, len)) {
		r->encoding = "UTF-8";
		conv = xstrndup(in, len);
		clen = len;
	} else {
		r->encoding = "GB18030";
		size_t u8bad = (size_t)(u8_check(u, len) - u);
		if (csv_iconv("GB18030", in, len, &conv, &clen, &bad) < 0) {
			/* Both positions: a UTF-8 file with one damaged byte is best
			 * fixed at the first, a damaged GBK file at the second. */
			sb_addf(err, _("the file is neither UTF-8 (invalid byte at line %ld, byte "
				       "offset %zu) nor GB18030 (invalid byte at line %ld, byte "
				       "offset %zu); save it from Excel as \"CSV UTF-8\""),
				csv_line_at(in, u8bad), u8bad, csv_line_at(conv, clen), bad);
			free(conv);
			return -1;
		}
	}

	const char *nul = memchr(conv, '\0', clen);
	if (nul) {
		csv_say_nul(err, conv, (size_t)(nul - conv));
		free(conv);
		return -1;
	}
	if (strspn(conv, "\r\n") == clen) {
		sb_add(err, _("empty file"));
		free(conv);
		return -1;
	}
	r->text = conv;
	r->len = clen;
	return 0;
}

static csv_reader *csv_new(void)
{
	csv_reader *r = xcalloc(1, sizeof *r);
	r->line = 1;
	r->field_limit = CSV_DEFAULT_FIELD_LIMIT;
	return r;
}

static void csv_too_large(strbuf *err, size_t len)
{
	sb_addf(err, _("file too large (%zu MB; at most %zu MB): split it and import the parts"),
		(len + (1 << 20) - 1) >> 20, CSV_MAX_FILE_BYTES >> 20);
}

csv_reader *csv_open_mem(const void *data, size_t len, strbuf *err)
{
	if (len > CSV_MAX_FILE_BYTES) {
		csv_too_large(err, len);
		return NULL;
	}
	csv_reader *r = csv_new();
	if (csv_decode(r, data, len, err) < 0)
		csv_close(&r);
	return r;
}

/* how much of a mapped file is checked, or read, before its pages are given back */
#define CSV_SLICE ((size_t)4 << 20)

/* give back the mapped pages of [from, to) (whole pages inside it): they are read
 * again from the file should anything look there again */
static void csv_unmap_pages(const char *map, size_t from, size_t to)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t a = (from + page - 1) / page * page, b = to / page * page;
	if (b > a)
		madvise((char *)map + a, b - a, MADV_DONTNEED);
}

/* check a mapped file as csv_decode checks UTF-8 a slice at a time: 1 it is UTF-8
 * text (r->map set), 0 it is not UTF-8 (decode it by copy), -1 with the reason */
static int csv_check_mapped(csv_reader *r, const char *map, size_t len, strbuf *err)
{
	const unsigned char *u = (const unsigned char *)map;
	bool bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
	size_t at = bom ? 3 : 0;
	bool text = false;
	if (!bom && len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return 0;
	while (at < len) {
		size_t end = len - at > CSV_SLICE ? at + CSV_SLICE : len;
		/* a slice ends before a character, not inside one */
		for (int k = 0; k < 3 && end < len && (u[end] & 0xC0) == 0x80; k++)
			end--;
		const uint8_t *bad = u8_check(u + at, end - at);
		if (bad && !bom) {
			csv_unmap_pages(map, 0, len);
			return 0;
		}
		if (bad) {
			csv_say_bad_bom(err, map, (size_t)(bad - u));
			return -1;
		}
		const char *nul = memchr(map + at, '\0', end - at);
		if (nul) {
			csv_say_nul(err, map + (bom ? 3 : 0), (size_t)(nul - map) - (bom ? 3 : 0));
			return -1;
		}
		for (size_t i = at; !text && i < end; i++)
			text = map[i] != '\r' && map[i] != '\n';
		csv_unmap_pages(map, at, end);
		at = end;
	}
	if (!text) {
		sb_add(err, _("empty file"));
		return -1;
	}
	r->encoding = bom ? "UTF-8 (BOM)" : "UTF-8";
	r->map = map;
	r->maplen = len;
	r->text = (char *)map + (bom ? 3 : 0);
	r->len = len - (bom ? 3 : 0);
	return 1;
}

/* open a regular file of UTF-8 by mapping it: 1 done (or -1 with the reason in
 * why), 0 when it is not UTF-8 or cannot be mapped and must be read and decoded */
static int csv_open_mapped(csv_reader **rp, int fd, size_t len, strbuf *why)
{
	if (len == 0)
		return 0;
	void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return 0;
	csv_reader *r = csv_new();
	int got = csv_check_mapped(r, map, len, why);
	if (got <= 0) {
		munmap(map, len);
		free(r);
		return got;
	}
	*rp = r;
	return 1;
}

csv_reader *csv_open(const char *path, strbuf *err)
{
	csv_reader *r = NULL;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	strbuf why = STRBUF_INIT;

	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sb_addf(&why, _("cannot open: %s"), strerror(errno));
		goto out;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((uintmax_t)st.st_size > CSV_MAX_FILE_BYTES) {
			csv_too_large(&why, (size_t)st.st_size);
			goto out;
		}
		cap = (size_t)st.st_size + 1;
		int mapped = csv_open_mapped(&r, fd, (size_t)st.st_size, &why);
		if (mapped != 0)
			goto out;
	}
	/* Read to the end rather than trusting st_size: the file may grow, or be a pipe. */
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		} else if (!buf) {
			buf = xmalloc(cap);
		}
		ssize_t n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			sb_addf(&why, _("cannot read: %s"), strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > CSV_MAX_FILE_BYTES) {
			csv_too_large(&why, len);
			goto out;
		}
	}
	r = csv_new();
	if (csv_decode(r, buf, len, &why) < 0)
		csv_close(&r);
out:
	if (!r)
		sb_addf(err, "%s: %s", path, sb_str(&why));
	if (fd >= 0)
		close(fd);
	free(buf);
	sb_free(&why);
	return r;
}

const char *csv_encoding(const csv_reader *r)
{
	return r->encoding;
}

void csv_set_field_limit(csv_reader *r, size_t limit)
{
	r->field_limit = limit;
}

void csv_progress(const csv_reader *r, size_t *done, size_t *total)
{
	*done = r->pos;
	*total = r->len;
}

/* Record an error that every later csv_next repeats: the input position is
 * unknown after a parse error, so carrying on could only invent records. */
static int csv_fail(csv_reader *r, strbuf *err)
{
	r->failed = true;
	sb_add(err, sb_str(&r->failure));
	return -1;
}

int csv_next(csv_reader *r, csv_row *row, strbuf *err)
{
	if (r->failed) {
		sb_add(err, sb_str(&r->failure));
		return -1;
	}
	const char *p = r->text + r->pos, *end = r->text + r->len;
	size_t e;
	while ((e = csv_eol(p, end)) != 0) {
		p += e;
		r->line++;
	}
	if (p == end) {
		r->pos = r->len;
		return 0;
	}

	long start_line = r->line;
	int nf = 0;
	sb_reset(&r->arena);
	for (;;) {
		size_t start = r->arena.len;
		long field_line = r->line;
		if (*p == '"') {
			p++;
			for (;;) {
				if (p == end) {
					sb_addf(&r->failure, _("line %ld, field %d: the quote that "
							       "opens this field is never closed"),
						field_line, nf + 1);
					return csv_fail(r, err);
				}
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"') {
						sb_addc(&r->arena, '"');
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if ((e = csv_eol(p, end)) != 0) {
					sb_addn(&r->arena, p, e);
					p += e;
					r->line++;
					continue;
				}
				const char *q = p;
				while (q < end && *q != '"' && *q != '\r' && *q != '\n')
					q++;
				sb_addn(&r->arena, p, (size_t)(q - p));
				p = q;
			}
			if (p < end && *p != ',' && !csv_eol(p, end)) {
				sb_addf(&r->failure, _("line %ld, field %d: text after the closing "
						       "quote (a quote inside a quoted field is written "
						       "twice: \"\")"),
					r->line, nf + 1);
				return csv_fail(r, err);
			}
		} else {
			/* A quote inside an unquoted field is kept as it is, as Excel
			 * does: 5" monitor reads as 5" monitor. */
			const char *q = p;
			while (q < end && *q != ',' && *q != '\r' && *q != '\n')
				q++;
			sb_addn(&r->arena, p, (size_t)(q - p));
			p = q;
		}
		if (r->arena.len - start > r->field_limit) {
			sb_addf(&r->failure, _("line %ld, field %d: field longer than %zu bytes"),
				field_line, nf + 1, r->field_limit);
			return csv_fail(r, err);
		}
		if (nf == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 16;
			r->offs = xrealloc(r->offs, (size_t)r->cap * sizeof *r->offs);
			r->ptrs = xrealloc(r->ptrs, (size_t)r->cap * sizeof *r->ptrs);
		}
		r->offs[nf++] = start;
		sb_addc(&r->arena, '\0');
		if (p < end && *p == ',') {
			p++;
			continue;
		}
		if ((e = csv_eol(p, end)) != 0) {
			p += e;
			r->line++;
		}
		break;
	}
	/* Pointers only now: the arena may have moved while the record grew. */
	for (int i = 0; i < nf; i++)
		r->ptrs[i] = r->arena.s + r->offs[i];
	r->pos = (size_t)(p - r->text);
	if (r->map && r->pos - r->released >= CSV_SLICE) {
		/* the parser never looks back: the pages read go back to the file */
		size_t skip = (size_t)(r->text - r->map);
		csv_unmap_pages(r->map, skip + r->released, skip + r->pos);
		r->released = r->pos;
	}
	row->line = start_line;
	row->nfields = nf;
	row->fields = r->ptrs;
	return 1;
}

void csv_close(csv_reader **rp)
{
	csv_reader *r = *rp;
	if (!r)
		return;
	if (r->map)
		munmap((void *)r->map, r->maplen);
	else
		free(r->text);
	sb_free(&r->failure);
	sb_free(&r->arena);
	free(r->offs);
	free(r->ptrs);
	xfree(rp);
}

static const char csv_bom[] = "\xEF\xBB\xBF";

static void csvw_put(csv_writer *w, const char *s, size_t n)
{
	if (w->error)
		return;
	if (fwrite(s, 1, n, w->fp) != n)
		w->error = errno ? errno : EIO;
}

csv_writer *csvw_open(const char *path, strbuf *err)
{
	char *tmp = xasprintf("%s.tmp", path);
	/* O_NOFOLLOW: a symlink planted at the temporary name must not redirect the write. */
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
	FILE *fp = fd < 0 ? NULL : fdopen(fd, "wb");
	if (!fp) {
		sb_addf(err, _("%s: cannot create: %s"), tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return NULL;
	}
	csv_writer *w = csvw_open_fp(fp, true);
	w->own = true;
	w->path = xstrdup(path);
	w->tmp = tmp;
	return w;
}

csv_writer *csvw_open_fp(FILE *fp, bool bom)
{
	csv_writer *w = xcalloc(1, sizeof *w);
	w->fp = fp;
	if (bom)
		csvw_put(w, csv_bom, sizeof csv_bom - 1);
	return w;
}

/* Excel and WPS run a cell starting with one of these as a formula (TAB and CR
 * because they are stripped before the check). */
static bool csvw_dangerous(const char *s)
{
	return *s && strchr("=+-@\t\r", *s);
}

int csvw_row(csv_writer *w, const char *const *fields, int n)
{
	strbuf *b = &w->line;
	sb_reset(b);
	for (int i = 0; i < n; i++) {
		const char *s = fields[i] ? fields[i] : "";
		if (i > 0)
			sb_addc(b, ',');
		bool quote = strpbrk(s, ",\"\r\n") != NULL;
		if (quote)
			sb_addc(b, '"');
		if (csvw_dangerous(s))
			sb_addc(b, '\'');
		if (!quote) {
			sb_add(b, s);
		} else {
			for (const char *p = s; *p; p++) {
				if (*p == '"')
					sb_addc(b, '"');
				sb_addc(b, *p);
			}
		}
		if (quote)
			sb_addc(b, '"');
	}
	sb_add(b, "\r\n");
	csvw_put(w, b->s, b->len);
	return w->error ? -1 : 0;
}

int csvw_close(csv_writer **wp, bool commit, strbuf *err)
{
	csv_writer *w = *wp;
	if (!w)
		return 0;
	if (fflush(w->fp) != 0 && !w->error)
		w->error = errno ? errno : EIO;
	if (w->own) {
		if (commit && !w->error && fsync(fileno(w->fp)) != 0)
			w->error = errno;
		if (fclose(w->fp) != 0 && !w->error)
			w->error = errno ? errno : EIO;
		if (commit && !w->error && rename(w->tmp, w->path) != 0)
			w->error = errno;
		if (!commit || w->error)
			unlink(w->tmp);
	} else if (ferror(w->fp) && !w->error) {
		w->error = EIO;
	}
	int rc = 0;
	if (w->error) {
		sb_addf(err, _("%s: cannot write: %s"), w->own ? w->path : _("output"),
			strerror(w->error));
		rc = -1;
	}
	free(w->path);
	free(w->tmp);
	sb_free(&w->line);
	xfree(wp);
	return rc;
}
