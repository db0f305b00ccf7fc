/* The package of an xlsx workbook (core/xlsx_read_internal.h), followed as Office
 * Open XML says rather than by fixed names: _rels/.rels to the workbook, its
 * relationships to the sheets, shared strings and styles, so that files from Excel,
 * WPS and the libraries offices use all read. Elements are matched by local name,
 * whatever their namespace prefix. */
#include "core/xlsx_read_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/xalloc.h"

void xlsx_fail(xlsx_reader *r, const char *fmt, ...)
{
	if (!r->failed) {
		va_list ap;
		va_start(ap, fmt);
		char *msg = xmalloc(1024);
		vsnprintf(msg, 1024, fmt, ap);
		va_end(ap);
		sb_reset(&r->err);
		sb_add(&r->err, msg);
		free(msg);
		r->failed = true;
	}
	if (r->job.p)
		XML_StopParser(r->job.p, XML_FALSE);
}

static const char *local(const char *name)
{
	const char *sep = strrchr(name, '|');
	return sep ? sep + 1 : name;
}

const char *xlsx_attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

/* an attribute in some namespace by its local name (r:id) */
static const char *attr_ns(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (strchr(atts[i], '|') && strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

static void XMLCALL on_start(void *arg, const char *name, const char **atts)
{
	xml_job *j = arg;
	j->depth++;
	if (j->start)
		j->start(j, local(name), atts);
}

static void XMLCALL on_end(void *arg, const char *name)
{
	xml_job *j = arg;
	if (j->end)
		j->end(j, local(name));
	j->depth--;
}

static void XMLCALL on_text(void *arg, const char *s, int len)
{
	xml_job *j = arg;
	if (j->text)
		j->text(j, s, len);
}

/* a workbook has no DTD; refusing one also refuses entity expansion bombs */
static void XMLCALL on_doctype(
	void *arg, const char *name, const char *sysid, const char *pubid, int internal)
{
	xml_job *j = arg;
	xlsx_fail(j->r, _("%s: %s: a DTD has no place in a workbook"), j->r->label, j->part);
}

void xlsx_job_init(xml_job *j, xlsx_reader *r, const char *part)
{
	j->r = r;
	j->part = part;
	j->depth = 0;
	j->p = XML_ParserCreateNS(NULL, '|');
	if (!j->p) {
		fputs("qifu: out of memory\n", stderr);
		abort();
	}
	XML_SetUserData(j->p, j);
	XML_SetElementHandler(j->p, on_start, on_end);
	XML_SetCharacterDataHandler(j->p, on_text);
	XML_SetStartDoctypeDeclHandler(j->p, on_doctype);
}

int xlsx_job_feed(xml_job *j, const char *buf, size_t len, bool final)
{
	if (j->r->failed)
		return -1;
	if (XML_Parse(j->p, buf, (int)len, final) == XML_STATUS_ERROR && !j->r->failed)
		xlsx_fail(j->r, _("%s: %s: malformed XML at line %lu, column %lu: %s"), j->r->label,
			j->part, (unsigned long)XML_GetCurrentLineNumber(j->p),
			(unsigned long)XML_GetCurrentColumnNumber(j->p) + 1,
			XML_ErrorString(XML_GetErrorCode(j->p)));
	return j->r->failed ? -1 : 0;
}

void xlsx_job_free(xml_job *j)
{
	if (j->p)
		XML_ParserFree(j->p);
	j->p = NULL;
}

/* names compare without case, as OPC's do */
zip_int64_t xlsx_find_part(xlsx_reader *r, const char *part)
{
	return zip_name_locate(r->za, part, ZIP_FL_NOCASE);
}

/* read a whole part, at most XLSX_READ_MAX_PART bytes: 0, 1 when it is missing
 * and !required, -1 failed */
static int read_part(xlsx_reader *r, const char *part, bool required, char **buf, size_t *len)
{
	*buf = NULL;
	*len = 0;
	zip_int64_t i = xlsx_find_part(r, part);
	if (i < 0) {
		if (!required)
			return 1;
		xlsx_fail(r, _("%s: no %s in the archive: not an xlsx workbook"), r->label, part);
		return -1;
	}
	zip_file_t *zf = zip_fopen_index(r->za, (zip_uint64_t)i, 0);
	if (!zf) {
		xlsx_fail(r, _("%s: %s: %s"), r->label, part,
			zip_error_strerror(zip_get_error(r->za)));
		return -1;
	}
	strbuf b = STRBUF_INIT;
	char chunk[8192];
	zip_int64_t n;
	while ((n = zip_fread(zf, chunk, sizeof chunk)) > 0) {
		if (b.len + (size_t)n > XLSX_READ_MAX_PART) {
			xlsx_fail(r, _("%s: %s: larger than %zu MB unpacked, too big to import"),
				r->label, part, XLSX_READ_MAX_PART >> 20);
			break;
		}
		sb_addn(&b, chunk, (size_t)n);
	}
	if (n < 0)
		xlsx_fail(r, _("%s: %s: %s"), r->label, part, zip_file_strerror(zf));
	zip_fclose(zf);
	if (r->failed) {
		sb_free(&b);
		return -1;
	}
	*len = b.len;
	*buf = sb_steal(&b);
	if (!*buf)
		*buf = xstrdup("");
	return 0;
}

/* parse a whole part with the handlers of j: 0, 1 missing (and !required), -1 */
static int parse_part(xlsx_reader *r, xml_job *j, const char *part, bool required)
{
	char *buf;
	size_t len;
	int got = read_part(r, part, required, &buf, &len);
	if (got != 0)
		return got;
	xlsx_job_init(&r->job, r, part);
	r->job.start = j->start;
	r->job.end = j->end;
	r->job.text = j->text;
	r->job.state = j->state;
	int rc = xlsx_job_feed(&r->job, buf, len, true);
	xlsx_job_free(&r->job);
	free(buf);
	return rc;
}

/* path resolved against the folder of base (a part name), without "." and ".." */
static char *resolve(const char *base, const char *target)
{
	strbuf b = STRBUF_INIT;
	if (*target == '/') {
		target++;
	} else {
		const char *slash = strrchr(base, '/');
		if (slash)
			sb_addn(&b, base, (size_t)(slash - base + 1));
	}
	sb_add(&b, target);
	/* fold the segments */
	char *path = sb_steal(&b), *out = xcalloc(strlen(path) + 1, 1);
	size_t n = 0;
	for (char *seg = path, *next; seg; seg = next) {
		next = strchr(seg, '/');
		if (next)
			*next++ = '\0';
		if (!*seg || strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
			out[n] = '\0';
			continue;
		}
		if (n)
			out[n++] = '/';
		strcpy(out + n, seg);
		n += strlen(seg);
	}
	free(path);
	return out;
}

/* relationships of a part: type suffix → target, and id → target */
typedef struct rels {
	char **id, **type, **target;
	size_t n, cap;
	const char *base; /* the part they belong to */
} rels;

static void rels_start(xml_job *j, const char *name, const char **atts)
{
	rels *rs = j->state;
	const char *id = xlsx_attr(atts, "Id"), *type = xlsx_attr(atts, "Type"),
		   *target = xlsx_attr(atts, "Target");
	const char *mode = xlsx_attr(atts, "TargetMode");
	if (strcmp(name, "Relationship") != 0 || !id || !type || !target ||
		(mode && strcmp(mode, "External") == 0))
		return;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 16;
		rs->id = xrealloc(rs->id, rs->cap * sizeof *rs->id);
		rs->type = xrealloc(rs->type, rs->cap * sizeof *rs->type);
		rs->target = xrealloc(rs->target, rs->cap * sizeof *rs->target);
	}
	rs->id[rs->n] = xstrdup(id);
	rs->type[rs->n] = xstrdup(type);
	rs->target[rs->n] = resolve(rs->base, target);
	rs->n++;
}

static void rels_free(rels *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->id[i]);
		free(rs->type[i]);
		free(rs->target[i]);
	}
	free(rs->id);
	free(rs->type);
	free(rs->target);
	memset(rs, 0, sizeof *rs);
}

/* the relationships of part (from its _rels/NAME.rels); -1 failed */
static int rels_read(xlsx_reader *r, const char *part, rels *rs)
{
	memset(rs, 0, sizeof *rs);
	rs->base = part;
	const char *slash = strrchr(part, '/');
	char *path = slash ? xasprintf("%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1)
			   : xasprintf("_rels/%s.rels", part);
	xml_job j = { .start = rels_start, .state = rs };
	int rc = parse_part(r, &j, path, false);
	free(path);
	return rc < 0 ? -1 : 0;
}

/* the target of the first relationship whose type ends in /suffix, or of id */
static const char *rels_find(const rels *rs, const char *suffix, const char *id)
{
	for (size_t i = 0; i < rs->n; i++) {
		if (id && strcmp(rs->id[i], id) == 0)
			return rs->target[i];
		const char *slash = strrchr(rs->type[i], '/');
		if (!id && slash && strcmp(slash + 1, suffix) == 0)
			return rs->target[i];
	}
	return NULL;
}

static const char *rels_type(const rels *rs, const char *id)
{
	for (size_t i = 0; i < rs->n; i++)
		if (strcmp(rs->id[i], id) == 0) {
			const char *slash = strrchr(rs->type[i], '/');
			return slash ? slash + 1 : rs->type[i];
		}
	return "";
}

/* a sheet of the workbook: its name and relationship id */
typedef struct sheet_ref {
	char *name, *rid;
} sheet_ref;

/* the workbook: its sheets in tab order, and the 1904 date system */
typedef struct book {
	sheet_ref *sheets;
	size_t n, cap;
} book;

static void book_start(xml_job *j, const char *name, const char **atts)
{
	book *b = j->state;
	if (strcmp(name, "workbookPr") == 0) {
		const char *v = xlsx_attr(atts, "date1904");
		j->r->date1904 = v && (strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0);
	} else if (strcmp(name, "sheet") == 0) {
		const char *nm = xlsx_attr(atts, "name"), *rid = attr_ns(atts, "id");
		if (!nm || !rid)
			return;
		if (b->n == b->cap) {
			b->cap = b->cap ? b->cap * 2 : 8;
			b->sheets = xrealloc(b->sheets, b->cap * sizeof *b->sheets);
		}
		b->sheets[b->n].name = xstrdup(nm);
		b->sheets[b->n].rid = xstrdup(rid);
		b->n++;
	}
}

static void book_free(book *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->sheets[i].name);
		free(b->sheets[i].rid);
	}
	free(b->sheets);
}

/* the shared strings: the text of each <si>, without its phonetic runs */
typedef struct sst_state {
	bool in_si, in_t;
	int rph;
	strbuf s;
} sst_state;

static void sst_add(xlsx_reader *r, const char *s)
{
	if (r->nsst == r->capsst) {
		r->capsst = r->capsst ? r->capsst * 2 : 256;
		r->sst_at = xrealloc(r->sst_at, r->capsst * sizeof *r->sst_at);
	}
	char *copy = xstrdup(s);
	xlsx_unescape(copy);
	r->sst_at[r->nsst++] = (uint32_t)r->sst.len;
	sb_add(&r->sst, copy);
	sb_addc(&r->sst, '\0');
	free(copy);
}

static void sst_start(xml_job *j, const char *name, const char **atts)
{
	sst_state *st = j->state;
	if (strcmp(name, "si") == 0) {
		st->in_si = true;
		sb_reset(&st->s);
	} else if (strcmp(name, "rPh") == 0) {
		st->rph++;
	} else if (strcmp(name, "t") == 0) {
		st->in_t = true;
	}
}

static void sst_end(xml_job *j, const char *name)
{
	sst_state *st = j->state;
	if (strcmp(name, "si") == 0 && st->in_si) {
		sst_add(j->r, sb_str(&st->s));
		st->in_si = false;
	} else if (strcmp(name, "rPh") == 0 && st->rph > 0) {
		st->rph--;
	} else if (strcmp(name, "t") == 0) {
		st->in_t = false;
	}
}

static void sst_text(xml_job *j, const char *s, int len)
{
	sst_state *st = j->state;
	if (st->in_si && st->in_t && !st->rph) {
		if (st->s.len + (size_t)len > XLSX_READ_MAX_CELL)
			xlsx_fail(j->r, _("%s: %s: string %zu is longer than %zu bytes"),
				j->r->label, j->part, j->r->nsst, XLSX_READ_MAX_CELL);
		else
			sb_addn(&st->s, s, (size_t)len);
	}
}

/* the styles: custom number formats, and the format of each cell style */
typedef struct styles_state {
	bool in_fmts, in_xfs; /* not the formats of conditional formatting (dxfs) */
	int *fmt_id;
	char **fmt_code;
	size_t nfmt, capfmt;
	int *xf_fmt;
	size_t nxf, capxf;
} styles_state;

static void styles_start(xml_job *j, const char *name, const char **atts)
{
	styles_state *st = j->state;
	if (strcmp(name, "cellXfs") == 0) {
		st->in_xfs = true;
	} else if (strcmp(name, "numFmts") == 0) {
		st->in_fmts = true;
	} else if (strcmp(name, "numFmt") == 0 && st->in_fmts) {
		const char *id = xlsx_attr(atts, "numFmtId"), *code = xlsx_attr(atts, "formatCode");
		if (!id || !code)
			return;
		if (st->nfmt == st->capfmt) {
			st->capfmt = st->capfmt ? st->capfmt * 2 : 16;
			st->fmt_id = xrealloc(st->fmt_id, st->capfmt * sizeof *st->fmt_id);
			st->fmt_code = xrealloc(st->fmt_code, st->capfmt * sizeof *st->fmt_code);
		}
		st->fmt_id[st->nfmt] = atoi(id);
		st->fmt_code[st->nfmt++] = xstrdup(code);
	} else if (strcmp(name, "xf") == 0 && st->in_xfs) {
		const char *id = xlsx_attr(atts, "numFmtId");
		if (st->nxf == st->capxf) {
			st->capxf = st->capxf ? st->capxf * 2 : 16;
			st->xf_fmt = xrealloc(st->xf_fmt, st->capxf * sizeof *st->xf_fmt);
		}
		st->xf_fmt[st->nxf++] = id ? atoi(id) : 0;
	}
}

static void styles_end(xml_job *j, const char *name)
{
	styles_state *st = j->state;
	if (strcmp(name, "cellXfs") == 0)
		st->in_xfs = false;
	else if (strcmp(name, "numFmts") == 0)
		st->in_fmts = false;
}

/* the number format of every cell style, from styles.xml when there is one */
static int read_styles(xlsx_reader *r, const char *part)
{
	styles_state st = { 0 };
	xml_job j = { .start = styles_start, .end = styles_end, .state = &st };
	int rc = part ? parse_part(r, &j, part, false) : 0;
	if (rc >= 0 && st.nxf) {
		r->xf = xcalloc(st.nxf, sizeof *r->xf);
		r->nxf = st.nxf;
		for (size_t i = 0; i < st.nxf; i++) {
			const char *code = NULL;
			for (size_t k = 0; k < st.nfmt; k++)
				if (st.fmt_id[k] == st.xf_fmt[i])
					code = st.fmt_code[k];
			r->xf[i] = xlsx_numfmt_of(st.xf_fmt[i], code);
		}
	}
	for (size_t k = 0; k < st.nfmt; k++)
		free(st.fmt_code[k]);
	free(st.fmt_id);
	free(st.fmt_code);
	free(st.xf_fmt);
	return rc < 0 ? -1 : 0;
}

/* the sheet to read: named, or the first; -1 failed */
static int pick_sheet(xlsx_reader *r, const book *b, const char *want)
{
	if (b->n == 0) {
		xlsx_fail(r, _("%s: the workbook has no sheets"), r->label);
		return -1;
	}
	if (!want)
		return 0;
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->sheets[i].name, want) == 0)
			return (int)i;
	strbuf names = STRBUF_INIT;
	for (size_t i = 0; i < b->n; i++)
		sb_addf(&names, "%s%s", i ? ", " : "", b->sheets[i].name);
	xlsx_fail(r, _("%s: no sheet named '%s'; the sheets are: %s"), r->label, want,
		sb_str(&names));
	sb_free(&names);
	return -1;
}

/* a part the workbook relates to by type, or its usual name when it says none */
static const char *related(const rels *wb, const char *type, const char *usual)
{
	const char *t = rels_find(wb, type, NULL);
	return t ? t : usual;
}

int xlsx_book_read(xlsx_reader *r, const char *want)
{
	rels root = { 0 }, wb = { 0 };
	book b = { 0 };
	int rc = -1;
	if (rels_read(r, "", &root) < 0)
		goto out;
	char *workbook = xstrdup(related(&root, "officeDocument", "xl/workbook.xml"));
	xml_job j = { .start = book_start, .state = &b };
	if (parse_part(r, &j, workbook, true) < 0 || rels_read(r, workbook, &wb) < 0) {
		free(workbook);
		goto out;
	}
	free(workbook);
	int i = pick_sheet(r, &b, want);
	if (i < 0)
		goto out;
	r->sheet = xstrdup(b.sheets[i].name);
	const char *part = rels_find(&wb, NULL, b.sheets[i].rid);
	const char *type = rels_type(&wb, b.sheets[i].rid);
	if (!part || strcmp(type, "worksheet") != 0) {
		xlsx_fail(r, _("%s: sheet '%s' is not a table of cells (%s)"), r->label, r->sheet,
			part ? type : _("no part"));
		goto out;
	}
	r->sheet_part = xstrdup(part);
	r->sheet_label = xasprintf(_("%s (sheet '%s')"), part, r->sheet);
	sst_state st = { 0 };
	xml_job sj = { .start = sst_start, .end = sst_end, .text = sst_text, .state = &st };
	int got = parse_part(r, &sj, related(&wb, "sharedStrings", "xl/sharedStrings.xml"), false);
	sb_free(&st.s);
	if (got < 0 || read_styles(r, related(&wb, "styles", "xl/styles.xml")) < 0)
		goto out;
	rc = 0;
out:
	rels_free(&root);
	rels_free(&wb);
	book_free(&b);
	return rc;
}
