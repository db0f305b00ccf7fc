/* CSV files from and for Excel/WPS. Reading parses RFC 4180 records one at a time
 * from UTF-8 text, so that the parser sees one encoding and every error can name a
 * line. A file that is UTF-8 already is not copied: it is mapped, checked a slice at
 * a time and its pages given back behind the parser. A file in another encoding
 * (GB18030, UTF-16) is converted once to check it, keeping nothing, then again a
 * chunk at a time into a window the parser reads: either way reading takes the same
 * memory whatever the file's size. Writing goes to a temporary file that is renamed
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
	char *text;			/* the UTF-8 text being parsed: the whole input, or the
					 * window of a converted one; or */
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
	/* a file in another encoding is converted a chunk at a time as the parser
	 * needs it, into text (a window that holds the record being read) */
	iconv_t cd;			/* (iconv_t)-1: text is all there is */
	const char *src;		/* the raw input: own, or a mapped file (src_map) */
	char *own;
	bool src_map;
	size_t srclen, srcpos, srcgone;	/* its length, how much converted, given back */
	size_t chunk;			/* input bytes converted at a time */
	size_t wincap;
	size_t bad;			/* where the input did not convert */
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

/* the refusals of a file's text, named by its line (text: where the lines count from) */
static void csv_say_bad_bom(strbuf *err, const char *text, size_t off)
{
	sb_addf(err, _("the file starts with a UTF-8 byte-order mark but has an "
		       "invalid byte at line %ld (byte offset %zu)"),
		csv_line_at(text, off), off);
}

static void csv_say_nul_at(strbuf *err, long line)
{
	sb_addf(err, _("line %ld: NUL character in the text (a binary file, or UTF-16 "
		       "without a byte-order mark?)"),
		line);
}

static void csv_say_nul(strbuf *err, const char *text, size_t off)
{
	csv_say_nul_at(err, csv_line_at(text, off));
}

/* input bytes converted at a time when a file is not UTF-8: the window of
 * converted text the parser reads holds about twice that, or the longest record */
#define CSV_CHUNK ((size_t)64 << 10)
/* how much of a mapped file is checked before its pages are given back */
#define CSV_SLICE ((size_t)4 << 20)
/* and how much is read, or converted: the pages behind count in the peak memory
 * of an import (its search index built after the last row is read) */
#define CSV_RELEASE ((size_t)1 << 20)

/* give back the mapped pages of [from, to) (whole pages inside it): they are read
 * again from the file should anything look there again */
static void csv_unmap_pages(const char *map, size_t from, size_t to)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t a = (from + page - 1) / page * page, b = to / page * page;
	if (b > a)
		madvise((char *)map + a, b - a, MADV_DONTNEED);
}

/* Convert the next piece of the input, r->chunk bytes (more only while one
 * character is longer than that), to UTF-8 at out: 0 with *made bytes, -1 when the
 * input does not convert at r->bad. A character cut by the piece's end is left
 * for the next call, which starts with it: iconv says EINVAL and keeps its bytes. */
static int csv_convert(csv_reader *r, char *out, size_t cap, size_t *made)
{
	size_t rem = r->srclen - r->srcpos;
	size_t take = rem < r->chunk ? rem : r->chunk;
	char *op = out;
	size_t oleft = cap;
	int rc = 0;
	while (take > 0) {
		char *ip = (char *)r->src + r->srcpos;
		size_t ileft = take;
		size_t got = iconv(r->cd, &ip, &ileft, &op, &oleft);
		int e = errno;
		r->srcpos += take - ileft;
		if (got != (size_t)-1 || e == E2BIG)
			break;
		if (e == EINVAL && take < rem) {
			if (ileft < take)
				break;
			/* the piece is all one cut character: take more */
			take = rem - take < r->chunk ? rem : take + r->chunk;
			continue;
		}
		/* EILSEQ, or EINVAL for a sequence cut off by the end of the file */
		r->bad = r->srcpos;
		rc = -1;
		break;
	}
	if (r->src_map && r->srcpos - r->srcgone >= CSV_RELEASE) {
		csv_unmap_pages(r->src, r->srcgone, r->srcpos);
		r->srcgone = r->srcpos;
	}
	*made = (size_t)(op - out);
	return rc;
}

/* Set r up to convert the input in (from byte skip, past a byte-order mark) from
 * the encoding from as the parser goes. The whole input is converted once first,
 * a chunk at a time and kept nowhere, to refuse it as csv_decode refuses a file:
 * it does not convert (u8bad: where it stopped being UTF-8), holds a NUL, or has
 * no record. The input is r's from now on: freed, or unmapped when mapped. */
static int csv_stream(csv_reader *r, const char *from, const char *in, size_t len, bool mapped,
		      size_t skip, size_t u8bad, strbuf *err)
{
	r->cd = iconv_open("UTF-8", from);
	if (r->cd == (iconv_t)-1)
		fatal("iconv cannot convert from %s: %s", from, strerror(errno));
	r->src = in;
	r->src_map = mapped;
	r->srclen = len;
	r->srcpos = r->srcgone = skip;
	r->wincap = 2 * r->chunk + 16;
	r->text = xmalloc(r->wincap);

	long line = 1, nul_line = 0;
	bool cr = false, text = false;
	int got = 0;
	while (got == 0 && r->srcpos < r->srclen) {
		size_t made;
		got = csv_convert(r, r->text, r->wincap, &made);
		for (size_t i = 0; i < made; i++) {
			char c = r->text[i];
			if (c == '\r' || (c == '\n' && !cr))
				line++;
			else if (c == '\0' && !nul_line)
				nul_line = line;
			text |= c != '\r' && c != '\n';
			cr = c == '\r';
		}
	}
	if (got < 0 && strcmp(from, "GB18030") != 0)
		sb_addf(err, _("invalid %s text at line %ld (byte offset %zu)"), r->encoding, line,
			r->bad);
	else if (got < 0)
		/* Both positions: a UTF-8 file with one damaged byte is best fixed
		 * at the first, a damaged GBK file at the second. */
		sb_addf(err, _("the file is neither UTF-8 (invalid byte at line %ld, byte "
			       "offset %zu) nor GB18030 (invalid byte at line %ld, byte "
			       "offset %zu); save it from Excel as \"CSV UTF-8\""),
			csv_line_at(in, u8bad), u8bad, line, r->bad);
	else if (nul_line)
		csv_say_nul_at(err, nul_line);
	else if (!text)
		sb_add(err, _("empty file"));
	if (got < 0 || nul_line || !text)
		return -1;
	/* and again from the top, for the parser */
	iconv(r->cd, NULL, NULL, NULL, NULL);
	r->srcpos = r->srcgone = skip;
	return 0;
}

/* Convert more of the input behind what the parser has yet to read (moved to
 * the window's start): 0, or -1 when the input no longer converts */
static int csv_fill(csv_reader *r)
{
	size_t keep = r->len - r->pos;
	memmove(r->text, r->text + r->pos, keep);
	r->pos = 0;
	r->len = keep;
	if (r->wincap - keep < 2 * r->chunk + 16) {
		r->wincap = r->wincap * 2 > keep + 2 * r->chunk + 16 ? r->wincap * 2
								  : keep + 2 * r->chunk + 16;
		r->text = xrealloc(r->text, r->wincap);
	}
	size_t made;
	int got = csv_convert(r, r->text + r->len, r->wincap - r->len, &made);
	r->len += made;
	return got;
}

/* Detect the encoding of the raw bytes in (malloc'd, r's from now on): UTF-8 is
 * parsed where it is, anything else converted as the parser goes; the text must
 * hold no NUL and at least one record. */
static int csv_decode(csv_reader *r, char *in, size_t len, strbuf *err)
{
	const unsigned char *u = (const unsigned char *)in;
	r->own = in;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		r->encoding = "UTF-8 (BOM)";
		const uint8_t *b = u8_check(u + 3, len - 3);
		if (b) {
			csv_say_bad_bom(err, in, (size_t)(b - u));
			return -1;
		}
		r->text = in + 3;
		r->len = len - 3;
	} else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		r->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		r->own = NULL;
		return csv_stream(r, r->encoding, in, len, false, 2, 0, err);
	} else if (!u8_check(u, len)) {
		r->encoding = "UTF-8";
		r->text = in;
		r->len = len;
	} else {
		r->encoding = "GB18030";
		r->own = NULL;
		return csv_stream(r, "GB18030", in, len, false, 0,
				  (size_t)(u8_check(u, len) - u), err);
	}

	const char *nul = memchr(r->text, '\0', r->len);
	if (nul) {
		csv_say_nul(err, r->text, (size_t)(nul - r->text));
		return -1;
	}
	size_t i = 0;
	while (i < r->len && (r->text[i] == '\r' || r->text[i] == '\n'))
		i++;
	if (i == r->len) {
		sb_add(err, _("empty file"));
		return -1;
	}
	return 0;
}

static csv_reader *csv_new(void)
{
	csv_reader *r = xcalloc(1, sizeof *r);
	r->line = 1;
	r->field_limit = CSV_DEFAULT_FIELD_LIMIT;
	r->cd = (iconv_t)-1;
	r->chunk = CSV_CHUNK;
	return r;
}

static void csv_too_large(strbuf *err, size_t len)
{
	sb_addf(err, _("file too large (%zu MB; at most %zu MB): split it and import the parts"),
		(len + (1 << 20) - 1) >> 20, CSV_MAX_FILE_BYTES >> 20);
}

csv_reader *csv_open_mem_chunk(const void *data, size_t len, size_t chunk, strbuf *err)
{
	if (len > CSV_MAX_FILE_BYTES) {
		csv_too_large(err, len);
		return NULL;
	}
	csv_reader *r = csv_new();
	r->chunk = chunk ? chunk : 1;
	char *copy = xmalloc(len + 1);
	memcpy(copy, data, len);
	if (csv_decode(r, copy, len, err) < 0)
		csv_close(&r);
	return r;
}

csv_reader *csv_open_mem(const void *data, size_t len, strbuf *err)
{
	return csv_open_mem_chunk(data, len, CSV_CHUNK, err);
}

/* check a mapped file as csv_decode checks UTF-8 a slice at a time: 1 it is UTF-8
 * text (r->map set), 0 it is not UTF-8 (*u8bad: where that shows), -1 with the reason */
static int csv_check_mapped(csv_reader *r, const char *map, size_t len, size_t *u8bad,
			    strbuf *err)
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
			*u8bad = (size_t)(bad - u);
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

/* open a regular file by mapping it, UTF-8 to be read where it is and anything
 * else to be converted from the mapping as the parser goes: 1 done (or -1 with the
 * reason in why), 0 when it cannot be mapped and must be read */
static int csv_open_mapped(csv_reader **rp, int fd, size_t len, strbuf *why)
{
	if (len == 0)
		return 0;
	void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return 0;
	const unsigned char *u = map;
	csv_reader *r = csv_new();
	size_t u8bad = 0;
	int got = csv_check_mapped(r, map, len, &u8bad, why);
	if (got == 0 && u[0] != 0xFF && u[0] != 0xFE) {
		r->encoding = "GB18030";
		got = csv_stream(r, "GB18030", map, len, true, 0, u8bad, why) < 0 ? -1 : 1;
	} else if (got == 0) {
		r->encoding = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		got = csv_stream(r, r->encoding, map, len, true, 2, 0, why) < 0 ? -1 : 1;
	} else if (got < 0) {
		munmap(map, len);
	}
	if (got < 0)
		csv_close(&r);
	*rp = r;
	return got;
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
	buf = NULL;
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
	if (r->cd != (iconv_t)-1) {
		*done = r->srcpos;
		*total = r->srclen;
	} else {
		*done = r->pos;
		*total = r->len;
	}
}

/* Record an error that every later csv_next repeats: the input position is
 * unknown after a parse error, so carrying on could only invent records. */
static int csv_fail(csv_reader *r, strbuf *err)
{
	r->failed = true;
	sb_add(err, sb_str(&r->failure));
	return -1;
}

/* csv_parse's answer when the record goes on past the text converted so far */
#define CSV_MORE 2

/* the line end at p as csv_eol, or SIZE_MAX when a CR ends the text converted so
 * far and more may follow: the LF that would make it one CRLF may be next */
static size_t csv_eol_more(const char *p, const char *end, bool more)
{
	if (more && p + 1 == end && *p == '\r')
		return SIZE_MAX;
	return csv_eol(p, end);
}

/* one record as csv_next, or CSV_MORE: the text ends inside it and more is to
 * come (r->line is then to be set back, r->pos has not moved) */
static int csv_parse(csv_reader *r, csv_row *row, strbuf *err)
{
	bool more = r->srcpos < r->srclen;
	const char *p = r->text + r->pos, *end = r->text + r->len;
	size_t e;
	while ((e = csv_eol_more(p, end, more)) != 0) {
		if (e == SIZE_MAX)
			return CSV_MORE;
		p += e;
		r->line++;
	}
	if (p == end) {
		if (more)
			return CSV_MORE;
		r->pos = r->len;
		return 0;
	}

	long start_line = r->line;
	int nf = 0;
	sb_reset(&r->arena);
	for (;;) {
		size_t start = r->arena.len;
		long field_line = r->line;
		if (p < end && *p == '"') {
			p++;
			for (;;) {
				if (p == end && more)
					return CSV_MORE;
				if (p == end) {
					sb_addf(&r->failure, _("line %ld, field %d: the quote that "
							       "opens this field is never closed"),
						field_line, nf + 1);
					return csv_fail(r, err);
				}
				if (*p == '"') {
					if (p + 1 == end && more)
						return CSV_MORE;
					if (p + 1 < end && p[1] == '"') {
						sb_addc(&r->arena, '"');
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if ((e = csv_eol_more(p, end, more)) != 0) {
					if (e == SIZE_MAX)
						return CSV_MORE;
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
			if (p == end && more)
				return CSV_MORE;
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
			if (q == end && more)
				return CSV_MORE;
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
		if ((e = csv_eol_more(p, end, more)) == SIZE_MAX)
			return CSV_MORE;
		if (e != 0) {
			p += e;
			r->line++;
		}
		break;
	}
	/* Pointers only now: the arena may have moved while the record grew. */
	for (int i = 0; i < nf; i++)
		r->ptrs[i] = r->arena.s + r->offs[i];
	r->pos = (size_t)(p - r->text);
	if (r->map && r->pos - r->released >= CSV_RELEASE) {
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

int csv_next(csv_reader *r, csv_row *row, strbuf *err)
{
	if (r->failed) {
		sb_add(err, sb_str(&r->failure));
		return -1;
	}
	long line = r->line;
	int got;
	while ((got = csv_parse(r, row, err)) == CSV_MORE) {
		r->line = line;
		if (csv_fill(r) < 0) {
			/* the file changed since it was checked */
			sb_addf(&r->failure, _("invalid %s text at line %ld (byte offset %zu)"),
				r->encoding, r->line, r->bad);
			return csv_fail(r, err);
		}
	}
	return got;
}

void csv_close(csv_reader **rp)
{
	csv_reader *r = *rp;
	if (!r)
		return;
	if (r->map)
		munmap((void *)r->map, r->maplen);
	if (r->cd != (iconv_t)-1) {
		iconv_close(r->cd);
		free(r->text);
		if (r->src_map)
			munmap((void *)r->src, r->srclen);
		else
			free((void *)r->src);
	}
	free(r->own);
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
