/* Financing needs: the status table with its allowed moves, and amounts as people
 * write them in Chinese offices (500万, 1.5亿) turned into exact fen, because money
 * is summed and compared and must not pass through floating point. */
#include "model/financing.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/field.h"

/* status sets as bit masks */
enum {
	S_NEED = 1u << FIN_NEED,
	S_MATCHING = 1u << FIN_MATCHING,
	S_MATCHED = 1u << FIN_MATCHED,
	S_FUNDED = 1u << FIN_FUNDED,
	S_CLOSED = 1u << FIN_CLOSED,
	S_ALL = (1u << FIN__COUNT) - 1,
};

static const struct status_def {
	const char *code;
	const char *label;
	unsigned next;            /* statuses this one may move to */
	bool needs_institution;
} statuses[FIN__COUNT] = {
	[FIN_NEED] = { "need", N_("awaiting a match"),
		S_MATCHING | S_MATCHED | S_FUNDED | S_CLOSED, false },
	[FIN_MATCHING] = { "matching", N_("being matched"),
		S_NEED | S_MATCHED | S_FUNDED | S_CLOSED, false },
	/* an institution that backs out sends the need back to matching */
	[FIN_MATCHED] = { "matched", N_("matched with an institution"),
		S_MATCHING | S_FUNDED | S_CLOSED, true },
	[FIN_FUNDED] = { "funded", N_("financing obtained"), S_CLOSED, true },
	/* a need given up can come back when the enterprise asks again */
	[FIN_CLOSED] = { "closed", N_("need closed"), S_NEED, false },
};

/* a new need starts anywhere but closed: it is often recorded after the fact */
static const unsigned new_next =
	S_NEED | S_MATCHING | S_MATCHED | S_FUNDED;

void fin_rec_clear(fin_rec *f)
{
	free(f->enterprise);
	free(f->uscc);
	free(f->area);
	free(f->purpose);
	free(f->institution);
	free(f->guarantee);
	free(f->created_by);
	free(f->created_at);
	free(f->updated_at);
	memset(f, 0, sizeof *f);
}

void fin_step_clear(fin_step *s)
{
	free(s->at);
	free(s->by);
	free(s->institution);
	free(s->note);
	memset(s, 0, sizeof *s);
}

void fin_change_clear(fin_change *c)
{
	free(c->institution);
	free(c->guarantee);
	free(c->note);
	memset(c, 0, sizeof *c);
}

int fin_change_clean(fin_change *c, strbuf *err)
{
	if (c->institution &&
	    field_clean(&c->institution, N_("financing institution"), 100, false, err) < 0)
		return -1;
	if (c->guarantee &&
	    field_clean(&c->guarantee, N_("guarantee"), 100, false, err) < 0)
		return -1;
	if (field_clean(&c->note, N_("note"), 500, false, err) < 0)
		return -1;
	if (c->term_months < 0 || c->term_months > FIN_TERM_MAX) {
		sb_addf(err, _("a term of %d months is outside 1 to %d"), c->term_months,
		        FIN_TERM_MAX);
		return -1;
	}
	if (c->funded_fen < 0 || c->funded_fen > FIN_MAX_FEN) {
		char yuan[32];
		sb_addf(err, _("amount funded '%s' is outside 0.01 to 1,000,000,000,000 yuan"),
		        fin_amount_yuan(c->funded_fen, yuan));
		return -1;
	}
	return 0;
}

const char *fin_status_code(fin_status s)
{
	return s < FIN__COUNT ? statuses[s].code : "?";
}

const char *fin_status_label(fin_status s)
{
	return s < FIN__COUNT ? statuses[s].label : "?";
}

bool fin_status_parse(const char *s, fin_status *out)
{
	for (int i = 0; s && i < FIN__COUNT; i++)
		if (strcmp(s, statuses[i].code) == 0 || strcmp(s, statuses[i].label) == 0 ||
		    strcmp(s, _(statuses[i].label)) == 0) {
			*out = (fin_status)i;
			return true;
		}
	return false;
}

static void list_codes(unsigned set, strbuf *out)
{
	bool first = true;
	for (int i = 0; i < FIN__COUNT; i++)
		if (set & (1u << i)) {
			sb_addf(out, "%s%s", first ? "" : ", ", statuses[i].code);
			first = false;
		}
}

void fin_status_list(strbuf *out)
{
	list_codes(S_ALL, out);
}

void fin_status_next(fin_status from, strbuf *out)
{
	list_codes(from < FIN__COUNT ? statuses[from].next : new_next, out);
}

bool fin_status_needs_institution(fin_status s)
{
	return s < FIN__COUNT && statuses[s].needs_institution;
}

fin_verdict fin_change_check(int from, fin_status to, const char *institution)
{
	if (from < 0 || from > FIN_NEW || to >= FIN__COUNT)
		return FIN_NOT_NEXT;
	if (from == (int)to)
		return FIN_SAME;
	unsigned next = from == FIN_NEW ? new_next : statuses[from].next;
	if (!(next & (1u << to)))
		return FIN_NOT_NEXT;
	if (fin_status_needs_institution(to) && (!institution || !*institution))
		return FIN_NEEDS_INSTITUTION;
	return FIN_OK;
}

fin_verdict fin_move_check(int from, fin_status to, const char *institution,
                           int64_t funded_fen)
{
	fin_verdict v = fin_change_check(from, to, institution);
	if (v != FIN_OK)
		return v;
	if (to == FIN_FUNDED && funded_fen <= 0)
		return FIN_NEEDS_FUNDED;
	if (to != FIN_FUNDED && funded_fen > 0)
		return FIN_FUNDED_ONLY;
	return FIN_OK;
}

bool fin_status_open(fin_status s)
{
	return s == FIN_NEED || s == FIN_MATCHING || s == FIN_MATCHED;
}

/* the amount with full-width digits, points and commas made ASCII */
static char *ascii_digits(const char *s)
{
	strbuf b = STRBUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		/* U+FF10..FF19 full-width digits, U+FF0E '．', U+FF0C '，' */
		if (p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 && p[2] <= 0x99) {
			sb_addc(&b, (char)('0' + (p[2] - 0x90)));
			p += 3;
		} else if (p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8e) {
			sb_addc(&b, '.');
			p += 3;
		} else if (p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8c) {
			sb_addc(&b, ',');
			p += 3;
		} else {
			sb_addc(&b, (char)*p++);
		}
	}
	return sb_steal(&b);
}

static const struct { const char *suffix; int decimals; } scales[] = {
	/* decimals: the fen in one unit is 10^decimals */
	{ "", 2 }, { "元", 2 }, { "万", 6 }, { "万元", 6 }, { "亿", 10 }, { "亿元", 10 },
};

static int64_t pow10i(int n)
{
	int64_t v = 1;
	while (n-- > 0)
		v *= 10;
	return v;
}

int fin_term_parse(const char *s, int *months, strbuf *err)
{
	char *trimmed = text_trim(s ? s : "");
	char *a = ascii_digits(trimmed);
	free(trimmed);
	const char *p = a;
	long n = 0;
	int digits = 0;
	while (*p >= '0' && *p <= '9' && digits < 6) {
		n = n * 10 + (*p++ - '0');
		digits++;
	}
	while (*p == ' ')
		p++;
	/* the unit: months unless it says years */
	int per = 0;
	static const struct { const char *word; int months; } units[] = {
		{ "", 1 }, { "个月", 1 }, { "月", 1 }, { "months", 1 }, { "month", 1 },
		{ "年", 12 }, { "years", 12 }, { "year", 12 },
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(p, units[i].word) == 0)
			per = units[i].months;
	int rc = -1;
	if (!digits || !per)
		sb_addf(err, _("'%s' is not a term: write months (12, 12个月) or years (3年)"), s);
	else if (n * per < 1 || n * per > FIN_TERM_MAX)
		sb_addf(err, _("a term of %ld months is outside 1 to %d"), n * per, FIN_TERM_MAX);
	else {
		*months = (int)(n * per);
		rc = 0;
	}
	free(a);
	return rc;
}

int fin_amount_parse(const char *s, int64_t *fen, strbuf *err)
{
	char *trimmed = text_trim(s ? s : "");
	char *a = ascii_digits(trimmed);
	free(trimmed);
	const char *p = a;
	int rc = -1;
	int64_t whole = 0, unit, v;
	int digits = 0, group = 0, groups = 0, nfrac = 0, decimals = -1;
	bool overflow = false;
	char frac[16] = "";
	/* the whole part: digits, optionally grouped in threes by commas */
	for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
		if (*p == ',') {
			if (group == 0 || group > 3 || (groups > 0 && group != 3))
				goto bad;
			groups++;
			group = 0;
			continue;
		}
		if (whole > FIN_MAX_FEN)
			overflow = true;
		else
			whole = whole * 10 + (*p - '0');
		digits++;
		group++;
	}
	if (digits == 0 || (groups > 0 && group != 3))
		goto bad;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (nfrac < (int)sizeof frac - 1)
				frac[nfrac++] = *p;
			else if (*p != '0')
				overflow = true; /* more than 15 decimals: too fine in any scale */
			p++;
		}
		if (nfrac == 0)
			goto bad;
		frac[nfrac] = '\0';
	}
	while (*p == ' ')
		p++;
	for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
		if (strcmp(p, scales[i].suffix) == 0)
			decimals = scales[i].decimals;
	if (decimals < 0)
		goto bad;
	while (nfrac > 0 && frac[nfrac - 1] == '0')
		frac[--nfrac] = '\0';
	if (nfrac > decimals || overflow) {
		if (overflow && nfrac <= decimals)
			goto large;
		sb_addf(err, _("'%s' is finer than one fen (0.01 yuan)"), s);
		goto out;
	}
	unit = pow10i(decimals);
	if (whole > FIN_MAX_FEN / unit)
		goto large;
	v = whole * unit + (nfrac ? strtoll(frac, NULL, 10) * pow10i(decimals - nfrac) : 0);
	if (v > FIN_MAX_FEN)
		goto large;
	if (v == 0) {
		sb_addf(err, _("'%s' is not more than zero yuan"), s);
		goto out;
	}
	*fen = v;
	rc = 0;
	goto out;
large:
	sb_addf(err, _("'%s' is more than 1,000,000,000,000 yuan"), s);
	goto out;
bad:
	sb_addf(err, _("'%s' is not an amount of yuan (for example 5000000, 500万, "
	               "1.5亿)"), s);
out:
	free(a);
	return rc;
}

char *fin_amount_yuan(int64_t fen, char buf[32])
{
	snprintf(buf, 32, "%" PRId64 ".%02" PRId64, fen / 100, fen % 100);
	return buf;
}

/* value / 10^decimals with the fraction's trailing zeros dropped */
static void decimal(int64_t value, int decimals, char buf[32])
{
	int64_t unit = pow10i(decimals);
	int n = snprintf(buf, 32, "%" PRId64, value / unit);
	int64_t rest = value % unit;
	if (rest == 0)
		return;
	char frac[24];
	snprintf(frac, sizeof frac, "%0*" PRId64, decimals, rest);
	size_t len = strlen(frac);
	while (len > 0 && frac[len - 1] == '0')
		frac[--len] = '\0';
	snprintf(buf + n, (size_t)(32 - n), ".%s", frac);
}

fin_scale fin_amount_scaled(int64_t fen, char buf[32])
{
	/* 亿 and 万 only when at most four decimals of them are needed, as people write */
	if (fen >= pow10i(10) && fen % pow10i(6) == 0) {
		decimal(fen, 10, buf);
		return FIN_YI;
	}
	if (fen >= pow10i(6) && fen % 100 == 0) {
		decimal(fen, 6, buf);
		return FIN_WAN;
	}
	decimal(fen, 2, buf);
	return FIN_YUAN;
}

int fin_validate(fin_rec *f, strbuf *err)
{
	if (field_clean(&f->purpose, N_("financing purpose"), 200, true, err) < 0 ||
	    field_clean(&f->institution, N_("financing institution"), 100, false, err) < 0 ||
	    field_clean(&f->guarantee, N_("guarantee"), 100, false, err) < 0)
		return -1;
	if (f->term_months < 0 || f->term_months > FIN_TERM_MAX) {
		sb_addf(err, _("a term of %d months is outside 1 to %d"), f->term_months,
		        FIN_TERM_MAX);
		return -1;
	}
	if (f->amount_fen <= 0 || f->amount_fen > FIN_MAX_FEN) {
		char yuan[32];
		sb_addf(err, _("amount '%s' is outside 0.01 to 1,000,000,000,000 yuan"),
		        fin_amount_yuan(f->amount_fen, yuan));
		return -1;
	}
	if (f->status >= FIN__COUNT) {
		sb_addf(err, _("unknown financing status; allowed: "));
		fin_status_list(err);
		return -1;
	}
	return 0;
}

char *fin_amount_for_people(int64_t fen)
{
	char num[32];
	switch (fin_amount_scaled(fen, num)) {
	case FIN_YI: return xasprintf(_("%s hundred million yuan"), num);
	case FIN_WAN: return xasprintf(_("%s ten thousand yuan"), num);
	default: return xasprintf(_("%s yuan"), num);
	}
}
