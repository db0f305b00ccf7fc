/* Quarters, scores, means and tiers of the quarterly assessment, the freeze rule,
 * and the conversion of one spreadsheet row into a rating. Means are kept in integer
 * tenths so that a mean shown as 80.0 is 80.0 everywhere, tier included. */
#include "model/assessment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"

assessment_tiers assessment_tiers_default(void)
{
	return (assessment_tiers){ .tier1_min = 90, .tier2_min = 80 };
}

bool assessment_quarter_parse(const char *s, assessment_quarter *out)
{
	if (!s)
		return false;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		y = y * 10 + (s[i] - '0');
	}
	if ((s[4] != 'Q' && s[4] != 'q') || s[5] < '1' || s[5] > '4' || s[6] != '\0')
		return false;
	if (y < 1900)
		return false;
	out->year = y;
	out->q = s[5] - '0';
	return true;
}

char *assessment_quarter_format(assessment_quarter q, char *buf)
{
	snprintf(buf, ASSESS_QUARTER_SIZE, "%04dQ%d", q.year, q.q);
	return buf;
}

void assessment_quarter_range(assessment_quarter q, qdate *first, qdate *last)
{
	int m1 = (q.q - 1) * 3 + 1;
	if (first)
		*first = date_from_ymd(q.year, m1, 1);
	if (last)
		*last = date_from_ymd(q.year, m1 + 2, date_days_in_month(q.year, m1 + 2));
}

assessment_quarter assessment_quarter_of(qdate d)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	return (assessment_quarter){ .year = y, .q = (m - 1) / 3 + 1 };
}

int assessment_quarter_cmp(assessment_quarter a, assessment_quarter b)
{
	int ka = a.year * 4 + a.q, kb = b.year * 4 + b.q;
	return (ka > kb) - (ka < kb);
}

bool assessment_score_valid(int score)
{
	return score >= ASSESS_SCORE_MIN && score <= ASSESS_SCORE_MAX;
}

int assessment_score_parse(const char *s, int *score, strbuf *err)
{
	char *t = text_trim(s ? s : "");
	int rc = -1;
	size_t n = strspn(t, "0123456789");
	if (!*t) {
		sb_add(err, _("The score is missing."));
		goto out;
	}
	/* three digits at most keeps the value small; "085" is still 85 */
	if (t[n] != '\0' || n > 3) {
		sb_addf(err, _("'%s' is not a whole number from 0 to 100."), t);
		goto out;
	}
	int v = atoi(t);
	if (!assessment_score_valid(v)) {
		sb_addf(err, _("The score %d is not from 0 to 100."), v);
		goto out;
	}
	*score = v;
	rc = 0;
out:
	free(t);
	return rc;
}

int assessment_mean10(long sum, int count)
{
	if (count <= 0)
		return 0;
	/* half up, as 四舍五入 on the report: (10 sum / count + 1/2), in integers; scores
	 * are never negative, so truncation is the floor */
	return (int)((sum * 20 + count) / (2L * count));
}

char *assessment_mean_format(int mean10, char *buf)
{
	snprintf(buf, ASSESS_MEAN_SIZE, "%d.%d", mean10 / 10, mean10 % 10);
	return buf;
}

/* The tier follows the mean as printed. With the exact mean a unit shown as 80.0
 * (really 79.95) would land in tier 3 beside a threshold of 80, and no one reading
 * the report could see why. */
int assessment_tier(int mean10, int count, const assessment_tiers *t)
{
	if (count <= 0)
		return 0;
	if (mean10 >= t->tier1_min * 10)
		return 1;
	if (mean10 >= t->tier2_min * 10)
		return 2;
	return 3;
}

const char *assessment_tier_label(int tier)
{
	static const char *const labels[4] = {
		N_("no ratings"), N_("tier 1"), N_("tier 2"), N_("tier 3"),
	};
	return tier >= 0 && tier <= 3 ? labels[tier] : "?";
}

void assessment_unit_stats(const char *unit, long sum, int count, const assessment_tiers *t,
		assessment_unit *out)
{
	out->unit = unit;
	out->count = count > 0 ? count : 0;
	out->sum = out->count ? sum : 0;
	out->mean10 = assessment_mean10(out->sum, out->count);
	out->tier = assessment_tier(out->mean10, out->count, t);
}

int assessment_aggregate(const assessment_rating *rows, int nrows, const char *const *units,
		int nunits, const assessment_tiers *t, assessment_unit *out)
{
	int unknown = 0;
	long *sum = xcalloc(nunits > 0 ? (size_t)nunits : 1, sizeof *sum);
	int *count = xcalloc(nunits > 0 ? (size_t)nunits : 1, sizeof *count);
	for (int i = 0; i < nrows; i++) {
		int u = -1;
		for (int j = 0; j < nunits && u < 0; j++)
			if (rows[i].unit && strcmp(rows[i].unit, units[j]) == 0)
				u = j;
		if (u < 0) {
			unknown++;
			continue;
		}
		sum[u] += rows[i].score;
		count[u]++;
	}
	for (int j = 0; j < nunits; j++)
		assessment_unit_stats(units[j], sum[j], count[j], t, &out[j]);
	free(sum);
	free(count);
	return unknown;
}

/* the quarter's first day, formatted, for messages */
static void quarter_names(assessment_quarter q, char code[ASSESS_QUARTER_SIZE], char first[16])
{
	qdate d;
	assessment_quarter_format(q, code);
	assessment_quarter_range(q, &d, NULL);
	date_format(d, first);
}

int assessment_rating_allowed(assessment_quarter q, bool frozen, qdate today, strbuf *err)
{
	char code[ASSESS_QUARTER_SIZE], first[16];
	quarter_names(q, code, first);
	if (frozen) {
		sb_addf(err, _("Quarter %s is frozen: its ratings are final and no rating may be "
			"added."), code);
		return -1;
	}
	if (assessment_quarter_cmp(q, assessment_quarter_of(today)) > 0) {
		sb_addf(err, _("Quarter %s has not begun (it starts on %s); a unit is rated for "
			"service it has given."), code, first);
		return -1;
	}
	return 0;
}

int assessment_freeze_allowed(assessment_quarter q, bool frozen, qdate today, strbuf *err)
{
	char code[ASSESS_QUARTER_SIZE], first[16];
	quarter_names(q, code, first);
	if (frozen) {
		sb_addf(err, _("Quarter %s is already frozen."), code);
		return -1;
	}
	if (assessment_quarter_cmp(q, assessment_quarter_of(today)) > 0) {
		sb_addf(err, _("Quarter %s has not begun (it starts on %s); there is nothing to "
			"freeze."), code, first);
		return -1;
	}
	return 0;
}

assessment_tie assessment_served(const assessment_served_by *s, const char *unit,
		assessment_quarter q, strbuf *err)
{
	if (s->lead && *s->lead && strcmp(s->lead, unit) == 0)
		return ASSESS_TIE_LEAD;
	if (text_list_has(s->coop, unit))
		return ASSESS_TIE_COOP;
	for (int i = 0; i < s->nappeal_units; i++)
		if (strcmp(s->appeal_units[i], unit) == 0)
			return ASSESS_TIE_APPEAL;
	char code[ASSESS_QUARTER_SIZE];
	assessment_quarter_format(q, code);
	strbuf who = STRBUF_INIT;
	if (s->lead && *s->lead)
		sb_add(&who, s->lead);
	for (const char *c = s->coop ? s->coop : ""; *c;) {
		const char *bar = strchr(c, '|');
		size_t n = bar ? (size_t)(bar - c) : strlen(c);
		if (n) {
			if (who.len)
				sb_add(&who, "、");
			sb_addf(&who, "%.*s", (int)n, c);
		}
		c += n + (bar != NULL);
	}
	for (int i = 0; i < s->nappeal_units; i++)
		if (!(s->lead && strcmp(s->lead, s->appeal_units[i]) == 0) &&
		    !text_list_has(s->coop, s->appeal_units[i]))
			sb_addf(&who, "%s%s", who.len ? "、" : "", s->appeal_units[i]);
	sb_addf(err, _("%s does not serve %s: it is neither its lead unit nor a cooperating "
		"unit, and handled none of its appeals in %s; "), unit, s->enterprise, code);
	if (who.len)
		sb_addf(err, _("the enterprise rates %s."), sb_str(&who));
	else
		sb_add(err, _("the enterprise has no unit to rate."));
	sb_free(&who);
	return ASSESS_TIE_NONE;
}

/* the column headers are the file format, the same whatever language the program
 * speaks; the USCC column takes the enterprise template's name and the short one too */
static const struct column {
	assessment_field field;
	const char *header;
	bool required;
} columns[] = {
	{ ASSESS_F_USCC, "企业统一社会信用代码", true },
	{ ASSESS_F_USCC, "统一社会信用代码", true },
	{ ASSESS_F_USCC, "USCC", true },
	{ ASSESS_F_UNIT, "单位", true },
	{ ASSESS_F_QUARTER, "季度", true },
	{ ASSESS_F_SCORE, "得分", true },
	{ ASSESS_F_COMMENT, "意见", false },
};

enum { NCOLUMNS = sizeof columns / sizeof columns[0] };

const char *assessment_field_header(assessment_field f)
{
	for (int i = 0; i < NCOLUMNS; i++)
		if (columns[i].field == f)
			return columns[i].header;
	return NULL;
}

static bool field_required(assessment_field f)
{
	for (int i = 0; i < NCOLUMNS; i++)
		if (columns[i].field == f)
			return columns[i].required;
	return false;
}

int assessment_import_header(assessment_import_map *m, const char *const *fields, int n,
		strbuf *err, strbuf *ignored)
{
	for (int f = 0; f < ASSESS_F__COUNT; f++)
		m->col[f] = -1;
	m->ncols = n;
	for (int i = 0; i < n; i++) {
		/* people type headers with stray spaces and full-width spaces */
		char *h = text_trim(fields[i]);
		int found = -1;
		for (int c = 0; c < NCOLUMNS && found < 0; c++)
			if (strcasecmp(h, columns[c].header) == 0)
				found = (int)columns[c].field;
		if (found < 0) {
			if (ignored && *h)
				sb_addf(ignored, "%s%s", ignored->len ? "、" : "", h);
		} else if (m->col[found] >= 0) {
			sb_addf(err, _("The column %s appears twice (columns %d and %d)."), h,
				m->col[found] + 1, i + 1);
			free(h);
			return -1;
		} else {
			m->col[found] = i;
		}
		free(h);
	}
	bool missing = false;
	for (int f = 0; f < ASSESS_F__COUNT; f++)
		if (field_required((assessment_field)f) && m->col[f] < 0) {
			if (!missing)
				sb_add(err, _("Required columns are missing: "));
			else
				sb_add(err, "、");
			sb_add(err, assessment_field_header((assessment_field)f));
			missing = true;
		}
	return missing ? -1 : 0;
}

static char *cell(const assessment_import_map *m, const char *const *fields,
		assessment_field f)
{
	return text_trim(m->col[f] >= 0 ? fields[m->col[f]] : "");
}

void assessment_row_clear(assessment_row *r)
{
	xfree(&r->uscc);
	xfree(&r->unit);
	xfree(&r->comment);
	memset(r, 0, sizeof *r);
}

int assessment_import_row(const assessment_import_map *m, const char *const *fields, int n,
		const unit_table *units, assessment_row *r, assessment_field *bad, strbuf *err)
{
	assessment_row_clear(r);
	*bad = ASSESS_F_NONE;
	if (n != m->ncols) {
		sb_addf(err, _("The row has %d fields but the header has %d."), n, m->ncols);
		return -1;
	}
	int rc = -1;
	char *uscc = cell(m, fields, ASSESS_F_USCC);
	char *quarter = cell(m, fields, ASSESS_F_QUARTER);
	char *score = cell(m, fields, ASSESS_F_SCORE);
	r->unit = cell(m, fields, ASSESS_F_UNIT);
	r->comment = cell(m, fields, ASSESS_F_COMMENT);

	char norm[19];
	uscc_error ue;
	uscc_status st = uscc_check(uscc, norm, &ue);
	/* codes that fail only a check character may be in the register by a supervisor's
	 * override; finding the enterprise is the store's question, not this one's */
	if (st != USCC_VALID && st != USCC_BAD_CHECK && st != USCC_BAD_ORG_CHECK) {
		*bad = ASSESS_F_USCC;
		if (!*uscc) {
			sb_add(err, _("The unified social credit code is missing."));
		} else {
			sb_addf(err, "%s: ", uscc);
			uscc_explain(st, &ue, err);
		}
		goto out;
	}
	r->uscc = xstrdup(norm);
	if (!*r->unit) {
		*bad = ASSESS_F_UNIT;
		sb_add(err, _("The unit is missing."));
		goto out;
	}
	if (units && !units_find(units, r->unit)) {
		*bad = ASSESS_F_UNIT;
		strbuf all = STRBUF_INIT;
		units_list(units, -1, &all);
		sb_addf(err, _("Unknown unit %s; the units are: %s."), r->unit, sb_str(&all));
		sb_free(&all);
		goto out;
	}
	if (!assessment_quarter_parse(quarter, &r->quarter)) {
		*bad = ASSESS_F_QUARTER;
		sb_addf(err, _("'%s' is not a quarter like 2026Q4."), quarter);
		goto out;
	}
	if (assessment_score_parse(score, &r->score, err) < 0) {
		*bad = ASSESS_F_SCORE;
		goto out;
	}
	if (text_chars(r->comment) > ASSESS_COMMENT_MAX) {
		*bad = ASSESS_F_COMMENT;
		sb_addf(err, _("The comment is longer than %d characters."), ASSESS_COMMENT_MAX);
		goto out;
	}
	rc = 0;
out:
	free(uscc);
	free(quarter);
	free(score);
	if (rc < 0)
		assessment_row_clear(r);
	return rc;
}
