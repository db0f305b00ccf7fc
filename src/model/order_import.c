/* Column maps, row reading and the matching decision for work orders (see
 * model/order_import.h). */
#include "model/order_import.h"

#include <stdlib.h>
#include <string.h>

#include "core/datein.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"

_Static_assert((int)ORDER_F__COUNT <= (int)COLMAP_FIELDS_MAX, "the column map holds every field");

static const char *const field_codes[ORDER_F__COUNT] = {
	[ORDER_F_NUMBER] = "number",
	[ORDER_F_RECEIVED] = "received_at",
	[ORDER_F_CALLER] = "caller",
	[ORDER_F_PHONE] = "phone",
	[ORDER_F_CONTENT] = "content",
	[ORDER_F_ENTERPRISE] = "enterprise",
	[ORDER_F_USCC] = "uscc",
	[ORDER_F_KIND] = "kind",
	[ORDER_F_DUE] = "due",
	[ORDER_F_RESULT] = "result",
	[ORDER_F_ANSWERED_AT] = "answered_at",
	[ORDER_F_CALLBACK] = "callback",
};

const char *order_field_code(order_field f)
{
	return f > ORDER_F_NONE && f < ORDER_F__COUNT ? field_codes[f] : NULL;
}

bool order_field_parse(const char *code, order_field *out)
{
	for (int f = 0; f < ORDER_F__COUNT; f++)
		if (strcmp(code, field_codes[f]) == 0) {
			*out = (order_field)f;
			return true;
		}
	return false;
}

static order_map_row add_column(order_colmap *m, const char *code, const char *headers)
{
	order_field f;
	if (!order_field_parse(code, &f))
		return ORDER_MAP_FIELD;
	static const order_map_row of[] = { [COLMAP_OK] = ORDER_MAP_OK,
		[COLMAP_EMPTY] = ORDER_MAP_SHAPE, [COLMAP_TWICE] = ORDER_MAP_TWICE,
		[COLMAP_FULL] = ORDER_MAP_FULL };
	return of[colmap_add(&m->cols, (int)f, headers)];
}

static order_map_row add_kind(order_colmap *m, const char *type, const char *code)
{
	ticket_kind k;
	if (!ticket_kind_parse(code, &k))
		return ORDER_MAP_KIND;
	if (strcmp(type, "*") == 0) {
		if (m->has_default)
			return ORDER_MAP_TWICE;
		m->default_kind = k;
		m->has_default = true;
		return ORDER_MAP_OK;
	}
	for (int i = 0; i < m->nkinds; i++)
		if (strcmp(m->kinds[i].text, type) == 0)
			return ORDER_MAP_TWICE;
	if (m->nkinds == ORDER_KINDS_MAX)
		return ORDER_MAP_FULL;
	m->kinds[m->nkinds].text = xstrdup(type);
	m->kinds[m->nkinds++].kind = k;
	return ORDER_MAP_OK;
}

order_map_row order_colmap_add(order_colmap *m, char *const *v, int n)
{
	if (n < 1)
		return ORDER_MAP_SHAPE;
	if (strcmp(v[0], "channel") == 0) {
		if (n != 2)
			return ORDER_MAP_SHAPE;
		appeal_channel ch;
		if (!appeal_channel_parse(v[1], &ch) ||
		    (ch != APPEAL_CH_HOTLINE && ch != APPEAL_CH_ONLINE))
			return ORDER_MAP_CHANNEL;
		if (m->has_channel)
			return ORDER_MAP_TWICE;
		m->channel = ch;
		m->has_channel = true;
		return ORDER_MAP_OK;
	}
	if (strcmp(v[0], "column") == 0)
		return n == 3 ? add_column(m, v[1], v[2]) : ORDER_MAP_SHAPE;
	if (strcmp(v[0], "kind") == 0)
		return n == 3 ? add_kind(m, v[1], v[2]) : ORDER_MAP_SHAPE;
	if (strcmp(v[0], "callback") == 0) {
		if (n != 3)
			return ORDER_MAP_SHAPE;
		order_callback cb = strcmp(v[1], "satisfied") == 0 ? ORDER_CB_SATISFIED
			: strcmp(v[1], "dissatisfied") == 0 ? ORDER_CB_DISSATISFIED : ORDER_CB_NONE;
		if (cb == ORDER_CB_NONE)
			return ORDER_MAP_CALLBACK;
		if (m->callback[cb])
			return ORDER_MAP_TWICE;
		m->callback[cb] = xstrdup(v[2]);
		return ORDER_MAP_OK;
	}
	return ORDER_MAP_WHAT;
}

int order_colmap_check(const order_colmap *m, strbuf *err)
{
	size_t start = err->len;
	if (!m->has_channel)
		sb_add(err, _("no channel row (channel hotline or channel online)"));
	static const order_field need[] = { ORDER_F_NUMBER, ORDER_F_CONTENT };
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!m->cols.nheaders[need[i]])
			sb_addf(err, _("%sno column row for the field %s"), err->len > start ? "; " : "",
			        field_codes[need[i]]);
	if (!m->cols.nheaders[ORDER_F_ENTERPRISE] && !m->cols.nheaders[ORDER_F_USCC])
		sb_addf(err, _("%sno column row for the field enterprise or uscc"),
		        err->len > start ? "; " : "");
	return err->len > start ? -1 : 0;
}

void order_colmap_free(order_colmap *m)
{
	colmap_free(&m->cols);
	for (int i = 0; i < m->nkinds; i++)
		free(m->kinds[i].text);
	for (int i = 0; i < ORDER_CB__COUNT; i++)
		free(m->callback[i]);
	memset(m, 0, sizeof *m);
}

int order_cols_match(const order_colmap *m, const char *const *fields, int n, order_cols *c,
		strbuf *err, strbuf *ignored)
{
	c->ncols = n;
	if (colmap_match(&m->cols, ORDER_F__COUNT, fields, n, c->col, err, ignored) < 0)
		return -1;
	int missing = 0;
	static const order_field need[] = { ORDER_F_NUMBER, ORDER_F_CONTENT };
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (c->col[need[i]] < 0)
			colmap_missing(err, &missing,
			               colmap_header(&m->cols, need[i], field_codes[need[i]]));
	if (c->col[ORDER_F_ENTERPRISE] < 0 && c->col[ORDER_F_USCC] < 0) {
		colmap_missing(err, &missing, "");
		sb_addf(err, _("%s or %s"), colmap_header(&m->cols, ORDER_F_ENTERPRISE, "enterprise"),
		        colmap_header(&m->cols, ORDER_F_USCC, "uscc"));
	}
	return missing ? -1 : 0;
}

/* the trimmed cell of field f, "" when the file has no such column */
static char *cell(const order_cols *c, const char *const *fields, order_field f)
{
	return text_trim(c->col[f] >= 0 ? fields[c->col[f]] : "");
}

/* "2026-03-05 09:30[:15]" (or a day alone, in any spelling datein reads): the time
 * normalised into out; false when it is not one */
static bool read_when(const char *s, bool with_time, char **out)
{
	size_t day_len = strcspn(s, " T");
	char *day = xstrndup(s, day_len);
	qdate d;
	int y, mo, dd;
	bool ok = datein_parse(day, &d, &y, &mo, &dd) == DATEIN_DAY;
	free(day);
	if (!ok)
		return false;
	char buf[16];
	date_format(d, buf);
	const char *t = s + day_len;
	while (*t == ' ' || *t == 'T')
		t++;
	if (!*t) {
		*out = xstrdup(buf);
		return true;
	}
	int part[3] = { 0, 0, 0 }, nparts = 0;
	if (!with_time)
		return false;
	/* H:MM or H:MM:SS, each part one or two digits */
	for (const char *p = t; nparts < 3; p++) {
		int digits = 0;
		while (*p >= '0' && *p <= '9' && digits < 2)
			part[nparts] = part[nparts] * 10 + (*p++ - '0'), digits++;
		if (!digits)
			return false;
		nparts++;
		if (*p != ':') {
			if (*p || nparts < 2)
				return false;
			break;
		}
	}
	if (nparts > 3 || part[0] > 23 || part[1] > 59 || part[2] > 59)
		return false;
	*out = xasprintf("%s %02d:%02d:%02d", buf, part[0], part[1], part[2]);
	return true;
}

/* a cell that is a code: what it normalises to, and whether it passes */
static void read_code(order_in *o, const char *typed)
{
	char norm[19];
	uscc_status st = uscc_check(typed, norm, NULL);
	free(o->uscc_typed);
	free(o->uscc);
	o->uscc_typed = xstrdup(typed);
	o->uscc = xstrdup(norm);
	o->uscc_valid = st == USCC_VALID || st == USCC_BAD_ORG_CHECK;
}

int order_row_read(const order_colmap *m, const order_cols *c, const char *const *fields,
		int n, order_in *o, order_field *bad, strbuf *err)
{
	order_in_clear(o);
	*bad = ORDER_F_NONE;
	if (n != c->ncols) {
		sb_addf(err, _("the row has %d fields but the header has %d"), n, c->ncols);
		return -1;
	}
	o->number = cell(c, fields, ORDER_F_NUMBER);
	o->caller = cell(c, fields, ORDER_F_CALLER);
	o->phone = cell(c, fields, ORDER_F_PHONE);
	o->content = cell(c, fields, ORDER_F_CONTENT);
	o->enterprise = cell(c, fields, ORDER_F_ENTERPRISE);
	o->kind_text = cell(c, fields, ORDER_F_KIND);
	o->uscc = xstrdup("");
	o->uscc_typed = xstrdup("");
	o->received_at = xstrdup("");
	o->due = xstrdup("");
	if (!*o->number) {
		*bad = ORDER_F_NUMBER;
		sb_add(err, _("the work-order number is empty"));
		return -1;
	}
	if (!*o->content) {
		*bad = ORDER_F_CONTENT;
		sb_add(err, _("the appeal's content is empty"));
		return -1;
	}
	char *code = cell(c, fields, ORDER_F_USCC);
	if (*code) {
		read_code(o, code);
	} else if (*o->enterprise) {
		/* an export with one column for the name or the code */
		char norm[19];
		uscc_status st = uscc_check(o->enterprise, norm, NULL);
		if (st == USCC_VALID || st == USCC_BAD_ORG_CHECK) {
			read_code(o, o->enterprise);
			free(o->enterprise);
			o->enterprise = xstrdup("");
		}
	}
	free(code);
	char *when = cell(c, fields, ORDER_F_RECEIVED);
	if (*when) {
		free(o->received_at);
		o->received_at = NULL;
		if (!read_when(when, true, &o->received_at)) {
			o->received_at = xstrdup("");
			*bad = ORDER_F_RECEIVED;
			sb_addf(err, _("'%s' is not a date and time (2026-03-05 09:30)"), when);
			free(when);
			return -1;
		}
	}
	free(when);
	char *due = cell(c, fields, ORDER_F_DUE);
	if (*due) {
		free(o->due);
		o->due = NULL;
		char *full = NULL;
		/* a deadline with a time keeps its day: the hotline counts in days */
		if (!read_when(due, true, &full)) {
			o->due = xstrdup("");
			*bad = ORDER_F_DUE;
			sb_addf(err, _("'%s' is not a date (2026-03-05)"), due);
			free(due);
			return -1;
		}
		full[10] = '\0';
		o->due = full;
	}
	free(due);
	bool listed = false;
	for (int i = 0; i < m->nkinds; i++)
		if (strcmp(m->kinds[i].text, o->kind_text) == 0) {
			o->kind = m->kinds[i].kind;
			listed = true;
		}
	if (!listed && !m->has_default) {
		*bad = ORDER_F_KIND;
		sb_addf(err, _("the type '%s' is not in the column map, which has no '*' kind row"),
		        o->kind_text);
		return -1;
	}
	if (!listed)
		o->kind = m->default_kind;
	return 0;
}

void order_in_clear(order_in *o)
{
	free(o->number);
	free(o->received_at);
	free(o->caller);
	free(o->phone);
	free(o->content);
	free(o->enterprise);
	free(o->uscc);
	free(o->uscc_typed);
	free(o->kind_text);
	free(o->due);
	memset(o, 0, sizeof *o);
}

int order_export_fields(const order_colmap *m, order_field out[ORDER_F__COUNT])
{
	int n = 0;
	for (int f = 0; f < ORDER_F__COUNT; f++)
		if (m->cols.nheaders[f])
			out[n++] = (order_field)f;
	return n;
}

void order_export_cell(const order_colmap *m, const order_out *o, order_field f, strbuf *out)
{
	sb_reset(out);
	const char *cb;
	switch (f) {
	case ORDER_F_RESULT:
		sb_add(out, o->result ? o->result : "");
		break;
	case ORDER_F_ANSWERED_AT:
		sb_add(out, o->answered_at ? o->answered_at : "");
		break;
	case ORDER_F_CALLBACK:
		if (o->callback == ORDER_CB_NONE)
			break;
		cb = m->callback[o->callback];
		/* a map without the words: the code, which the hotline can still read */
		sb_add(out, cb ? cb : o->callback == ORDER_CB_SATISFIED ? "satisfied" : "dissatisfied");
		if (o->callback == ORDER_CB_DISSATISFIED && o->callback_reason && *o->callback_reason)
			sb_addf(out, "：%s", o->callback_reason);
		break;
	case ORDER_F_NONE:
	case ORDER_F__COUNT:
		break;
	default:
		sb_add(out, o->field[f] ? o->field[f] : "");
		break;
	}
}

order_match order_match_decide(const order_lookup *l)
{
	/* the code names one enterprise for certain; a name only when it names one */
	if (l->uscc_given && l->uscc_found)
		return ORDER_MATCH_USCC;
	if (l->name_given && l->name_hits == 1)
		return ORDER_MATCH_NAME;
	if (l->name_given && l->name_hits > 1)
		return ORDER_HOLD_NAME_AMBIGUOUS;
	if (l->uscc_given && !l->uscc_valid)
		return ORDER_HOLD_USCC_INVALID;
	if (l->uscc_given)
		return ORDER_HOLD_USCC_UNKNOWN;
	if (l->name_given)
		return ORDER_HOLD_NAME_UNKNOWN;
	return ORDER_HOLD_NO_ENTERPRISE;
}

bool order_match_held(order_match m)
{
	return m != ORDER_MATCH_USCC && m != ORDER_MATCH_NAME;
}

static const struct { const char *code, *label; } matches[ORDER_MATCH__COUNT] = {
	[ORDER_MATCH_USCC] = { "", N_("matched by USCC") },
	[ORDER_MATCH_NAME] = { "", N_("matched by name") },
	[ORDER_HOLD_NO_ENTERPRISE] = { "no_enterprise", N_("no enterprise name or USCC given") },
	[ORDER_HOLD_USCC_INVALID] = { "uscc_invalid",
		N_("the USCC given is not a valid code") },
	[ORDER_HOLD_USCC_UNKNOWN] = { "uscc_unknown",
		N_("the USCC is not in the register") },
	[ORDER_HOLD_NAME_UNKNOWN] = { "name_unknown", N_("no enterprise in the register has the name") },
	[ORDER_HOLD_NAME_AMBIGUOUS] = { "name_ambiguous",
		N_("several enterprises in the register have the name") },
};

const char *order_match_code(order_match m)
{
	return m < ORDER_MATCH__COUNT ? matches[m].code : "";
}

bool order_match_parse(const char *code, order_match *out)
{
	for (int i = ORDER_HOLD_NO_ENTERPRISE; i < ORDER_MATCH__COUNT; i++)
		if (strcmp(code, matches[i].code) == 0) {
			*out = (order_match)i;
			return true;
		}
	return false;
}

const char *order_match_label(order_match m)
{
	return m < ORDER_MATCH__COUNT ? matches[m].label : "?";
}
