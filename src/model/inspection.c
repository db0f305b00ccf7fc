/* The inspection verdict and plan codes (DOMAIN §4). Each rule is a lower bound on
 * the date or a monthly window, so the earliest allowed date is found by walking
 * forward from the tightest lower bound to the first day that is not quiet. */
#include "model/inspection.h"

#include <stdio.h>
#include <string.h>
#include <unistr.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

/* With the default window the next open day is at most 23 days away; the bound only
 * matters for settings that leave no day of the month open. */
enum { SEARCH_DAYS = 400 };

static const struct {
	const char *code;
	const char *label;
} rule_names[INSPECTION_RULE__COUNT] = {
	[INSPECTION_PAST_DATE] = { "past_date", N_("registration before inspection") },
	[INSPECTION_LATE_EMERGENCY] = { "late_emergency", N_("emergency registration deadline") },
	[INSPECTION_QUIET_DAY] = { "quiet_day", N_("quiet day") },
	[INSPECTION_FILING_MARGIN] = { "filing_margin", N_("advance filing") },
};

const char *inspection_rule_code(inspection_rule r)
{
	return r < INSPECTION_RULE__COUNT ? rule_names[r].code : "?";
}

const char *inspection_rule_label(inspection_rule r)
{
	return r < INSPECTION_RULE__COUNT ? rule_names[r].label : "?";
}

bool inspection_rule_parse(const char *code, inspection_rule *out)
{
	for (int r = 0; r < INSPECTION_RULE__COUNT; r++)
		if (strcmp(code, rule_names[r].code) == 0) {
			*out = (inspection_rule)r;
			return true;
		}
	return false;
}

bool inspection_quiet_day(qdate d, const inspection_params *p)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	return day >= p->quiet_first_day && day <= p->quiet_last_day;
}

/* What the rules need that does not depend on the date being judged. */
typedef struct rule_ctx {
	const inspection_reason *reason;
	const inspection_params *p;
	qdate registered;
	qdate filing_from;
	qdate late_from;
} rule_ctx;

/* The judgement of every rule on day d; returns the mask of refusing rules. */
static unsigned rules_judge(const rule_ctx *c, qdate d, inspection_check checks[])
{
	const inspection_reason *r = c->reason;
	unsigned refused = 0;
	inspection_check ck[INSPECTION_RULE__COUNT];

	if (r->after_fact)
		ck[INSPECTION_PAST_DATE] = INSPECTION_CHECK_NOT_APPLICABLE;
	else
		ck[INSPECTION_PAST_DATE] = d < c->registered ? INSPECTION_CHECK_FAILED : INSPECTION_CHECK_PASSED;

	if (!r->after_fact)
		ck[INSPECTION_LATE_EMERGENCY] = INSPECTION_CHECK_NOT_APPLICABLE;
	else
		ck[INSPECTION_LATE_EMERGENCY] = d < c->late_from ? INSPECTION_CHECK_FAILED : INSPECTION_CHECK_PASSED;

	if (!inspection_quiet_day(d, c->p))
		ck[INSPECTION_QUIET_DAY] = INSPECTION_CHECK_PASSED;
	else
		ck[INSPECTION_QUIET_DAY] = r->quiet_exempt ? INSPECTION_CHECK_EXEMPT : INSPECTION_CHECK_FAILED;

	if (d >= c->filing_from)
		ck[INSPECTION_FILING_MARGIN] = INSPECTION_CHECK_PASSED;
	else
		ck[INSPECTION_FILING_MARGIN] = r->filing_exempt ? INSPECTION_CHECK_EXEMPT : INSPECTION_CHECK_FAILED;

	for (int i = 0; i < INSPECTION_RULE__COUNT; i++) {
		if (ck[i] == INSPECTION_CHECK_FAILED)
			refused |= 1u << i;
		if (checks)
			checks[i] = ck[i];
	}
	return refused;
}

/* A written reason is one with something in it besides ASCII and ideographic spaces. */
static bool override_reason_written(const char *s)
{
	char *t = text_trim(s);
	bool written = *t != '\0';
	xfree(&t);
	return written;
}

bool inspection_may_override(role_t role)
{
	return role == ROLE_SUPERVISOR;
}

inspection_verdict inspection_decide(const inspection_request *rq, const calendar *cal,
				     const inspection_params *p)
{
	inspection_verdict v = { .outcome = INSPECTION_ALLOWED, .earliest = DATE_NONE,
				 .override = INSPECTION_OVERRIDE_NONE };
	rule_ctx c = {
		.reason = rq->reason,
		.p = p,
		.registered = rq->registered,
		.filing_from = calendar_add(cal, rq->registered, p->filing_workdays > 0 ? p->filing_workdays : 0),
		.late_from = rq->reason->after_fact ? rq->registered - p->emergency_late_days : DATE_NONE,
	};
	v.filing_from = c.filing_from;
	v.late_from = c.late_from;
	v.refused = rules_judge(&c, rq->date, v.checks);

	if (v.refused) {
		v.outcome = INSPECTION_REFUSED;
		for (int i = 0; i < INSPECTION_RULE__COUNT; i++)
			if (v.refused & (1u << i)) {
				v.rule = (inspection_rule)i;
				break;
			}
		v.exempt_would_allow = v.refused == 1u << INSPECTION_QUIET_DAY;
		/* Every rule is a lower bound or a monthly window, so nothing before the asked
		 * date can be nearer; the answer depends on the registration, never on today,
		 * so a stored plan's verdict reads the same on any later day. */
		for (qdate d = rq->date; d < rq->date + SEARCH_DAYS; d++)
			if (rules_judge(&c, d, NULL) == 0) {
				v.earliest = d;
				break;
			}
	}

	if (!rq->override_reason)
		return v;
	if (v.outcome == INSPECTION_ALLOWED) {
		v.override = INSPECTION_OVERRIDE_NOT_NEEDED;
	} else if (!inspection_may_override(rq->role)) {
		v.override = INSPECTION_OVERRIDE_DENIED;
		v.override_denied = N_("only a supervisor may override a refused inspection");
	} else if (!override_reason_written(rq->override_reason)) {
		v.override = INSPECTION_OVERRIDE_DENIED;
		v.override_denied = N_("an override needs a written reason");
	} else {
		v.override = INSPECTION_OVERRIDE_APPLIED;
		v.outcome = INSPECTION_ALLOWED_BY_OVERRIDE;
	}
	return v;
}

/* ---- plan codes ---- */

/* GB 32100's alphabet: staff already read USCCs aloud in it, and it leaves out the
 * letters mistaken for digits (I O S Z) and U's twin V. 31 is prime, so with distinct
 * non-zero weights every single substitution and every transposition changes the sum. */
static const char code_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
enum { CODE_MOD = 31, CODE_DIGITS = 8, CODE_COMPACT = 2 + CODE_DIGITS + 1 };
/* 3^1 … 3^8 mod 31: distinct, non-zero and never 1, the check character's own weight */
static const int code_weight[CODE_DIGITS] = { 3, 9, 27, 19, 26, 16, 17, 20 };

static char code_check_char(const char digits[CODE_DIGITS])
{
	int sum = 0;
	for (int i = 0; i < CODE_DIGITS; i++)
		sum += code_weight[i] * (digits[i] - '0');
	return code_alphabet[(CODE_MOD - sum % CODE_MOD) % CODE_MOD];
}

int inspection_code_make(int year, long seq, char out[INSPECTION_CODE_LEN + 1])
{
	if (year < 2000 || year > 2099 || seq < 1 || seq > INSPECTION_SEQ_MAX)
		return -1;
	char digits[CODE_DIGITS + 1];
	snprintf(digits, sizeof digits, "%02d%06ld", year % 100, seq);
	snprintf(out, INSPECTION_CODE_LEN + 1, "JC%.2s-%.6s-%c", digits, digits + 2,
		 code_check_char(digits));
	return 0;
}

/* Position (1-based) in the canonical JC26-000123-G of the i-th compact character. */
static int code_position(int i)
{
	return i < 4 ? i + 1 : i < 10 ? i + 2 : i + 3;
}

/* One typed code point as the ASCII character it stands for; 0 to skip it, -1 when it
 * has no place in a code. Full-width forms come from Chinese input methods. */
static int code_fold(ucs4_t uc)
{
	if (uc >= 0xFF01 && uc <= 0xFF5E)
		uc -= 0xFEE0;
	if (uc == ' ' || uc == '\t' || uc == 0x3000)
		return 0;
	if ((uc >= 0x2010 && uc <= 0x2015) || uc == 0x2212 || uc == 0xFE63)
		return '-';
	if (uc >= 'a' && uc <= 'z')
		return (int)(uc - 'a' + 'A');
	if (uc > ' ' && uc < 0x7F)
		return (int)uc;
	return -1;
}

int inspection_code_check(const char *code, char canon[INSPECTION_CODE_LEN + 1],
			  int *year, long *seq, strbuf *err)
{
	const uint8_t *s = (const uint8_t *)code;
	size_t len = strlen(code);
	char c[CODE_COMPACT];
	int n = 0;
	if (u8_check(s, len)) {
		sb_add(err, _("the plan code is not valid UTF-8 text"));
		return -1;
	}
	for (const uint8_t *p = s; p < s + len; ) {
		ucs4_t uc;
		p += u8_mbtouc(&uc, p, (size_t)(s + len - p));
		int a = code_fold(uc);
		if (a < 0) {
			sb_add(err, _("the plan code holds a character that is neither a letter nor a digit"));
			return -1;
		}
		if (a == 0 || a == '-')
			continue;
		if (n == CODE_COMPACT) {
			n++;
			break;
		}
		c[n++] = (char)a;
	}
	if (n != CODE_COMPACT) {
		sb_addf(err, _("a plan code has %d letters and digits, like JC26-000123-G"), CODE_COMPACT);
		return -1;
	}
	if (c[0] != 'J' || c[1] != 'C') {
		sb_add(err, _("a plan code starts with JC"));
		return -1;
	}
	for (int i = 2; i < 2 + CODE_DIGITS; i++)
		if (c[i] < '0' || c[i] > '9') {
			sb_addf(err, _("position %d of the plan code must be a digit, not '%c'"),
				code_position(i), c[i]);
			return -1;
		}
	char want = code_check_char(c + 2);
	if (c[CODE_COMPACT - 1] != want) {
		if (!strchr(code_alphabet, c[CODE_COMPACT - 1]))
			sb_addf(err, _("'%c' is never a check character (position %d): a plan code ends in one of %s"),
				c[CODE_COMPACT - 1], code_position(CODE_COMPACT - 1), code_alphabet);
		else
			sb_addf(err, _("check character at position %d is '%c' but '%c' is expected: a character of the code is wrong"),
				code_position(CODE_COMPACT - 1), c[CODE_COMPACT - 1], want);
		return -1;
	}
	int y = 2000 + (c[2] - '0') * 10 + (c[3] - '0');
	long q = 0;
	for (int i = 4; i < 4 + 6; i++)
		q = q * 10 + (c[i] - '0');
	if (q < 1) {
		sb_add(err, _("plan code sequence numbers start at 000001"));
		return -1;
	}
	if (canon)
		inspection_code_make(y, q, canon);
	if (year)
		*year = y;
	if (seq)
		*seq = q;
	return 0;
}

/* ---- registration and outcome judgements ---- */

/* The same calendar day years back; 29 February falls back to the 28th. */
static qdate years_before(qdate d, int years)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	y -= years;
	int dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, day > dim ? dim : day);
}

bool inspection_first_violation(qdate outcome, qdate last_violation, int years)
{
	/* A later record is no earlier violation. The window counts like a period of
	 * years from the last violation (民法典 201): its anniversary is still inside. */
	if (last_violation == DATE_NONE || last_violation > outcome)
		return true;
	return last_violation < years_before(outcome, years > 0 ? years : 0);
}

bool inspection_too_frequent(int count, int frequent_count)
{
	return count >= frequent_count;
}

bool inspection_same_week(qdate a, qdate b)
{
	return a - (date_weekday(a) - 1) == b - (date_weekday(b) - 1);
}
