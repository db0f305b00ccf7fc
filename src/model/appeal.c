/* Channels, saved views, title similarity and the holder of an appeal: the small
 * decisions the appeal commands and the Appeals pane share, each a table or a pure
 * function beside the state machine of ticket.c, whose table it asks rather than
 * restates. */
#include "model/appeal.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "core/i18n.h"
#include "core/search.h"
#include "core/text.h"
#include "core/xalloc.h"

static const char *const channel_codes[APPEAL_CH__COUNT] = {
	[APPEAL_CH_VISIT] = "visit",
	[APPEAL_CH_PHONE] = "phone",
	[APPEAL_CH_HOTLINE] = "hotline",
	[APPEAL_CH_ONLINE] = "online",
	[APPEAL_CH_LETTER] = "letter",
	[APPEAL_CH_MEETING] = "meeting",
};

static const char *const channel_labels[APPEAL_CH__COUNT] = {
	[APPEAL_CH_VISIT] = N_("enterprise visit"),
	[APPEAL_CH_PHONE] = N_("phone call"),
	[APPEAL_CH_HOTLINE] = N_("12345 hotline"),
	[APPEAL_CH_ONLINE] = N_("online platform"),
	[APPEAL_CH_LETTER] = N_("letter"),
	[APPEAL_CH_MEETING] = N_("meeting"),
};

unsigned appeal_state_bit(ticket_state s)
{
	return s < TICKET_ST__COUNT ? 1u << s : 0;
}

unsigned appeal_light_bit(ticket_light_t l)
{
	return l < TICKET_LIGHT__COUNT ? 1u << l : 0;
}

/* The tabs of the pane (issue 4). 不满意 follows a dissatisfied callback until the
 * appeal is closed; 今日到期, 黄灯 and 红灯 look only at the running deadlines, so
 * they hold open appeals whatever their state. */
static const struct view_row {
	const char *code;
	const char *label;
	appeal_view_def def;
} views[APPEAL_VIEW__COUNT] = {
	[APPEAL_VIEW_TO_DISPATCH] = { "to_dispatch", N_("to dispatch"),
		{ 1u << TICKET_ST_SUBMITTED, 0, false, false } },
	[APPEAL_VIEW_TO_SIGN] = { "to_sign", N_("to sign for"),
		{ 1u << TICKET_ST_DISPATCHED, 0, false, false } },
	[APPEAL_VIEW_IN_PROGRESS] = { "in_progress", N_("in progress"),
		{ 1u << TICKET_ST_IN_PROGRESS | 1u << TICKET_ST_EXTENDED |
		  1u << TICKET_ST_SELF_HANDLING, 0, false, false } },
	[APPEAL_VIEW_DUE_TODAY] = { "due_today", N_("due today"), { 0, 0, true, false } },
	[APPEAL_VIEW_YELLOW] = { "yellow", N_("yellow light"),
		{ 0, 1u << TICKET_LIGHT_YELLOW, false, false } },
	[APPEAL_VIEW_RED] = { "red", N_("red light"), { 0, 1u << TICKET_LIGHT_RED, false, false } },
	/* only what the enterprise has been told: the centre calls back after the
	 * first-responsible unit's report (跟踪回访销号) */
	[APPEAL_VIEW_CALLBACK] = { "callback", N_("awaiting callback"),
		{ 1u << TICKET_ST_REPORTED, 0, false, false } },
	[APPEAL_VIEW_DISSATISFIED] = { "dissatisfied", N_("dissatisfied"),
		{ 1u << TICKET_ST_CALLBACK_DISSATISFIED | 1u << TICKET_ST_FED_BACK |
		  1u << TICKET_ST_EXPLAINED | 1u << TICKET_ST_CLOSE_REQUESTED, 0, false, false } },
	[APPEAL_VIEW_CLOSED] = { "closed", N_("closed"), { 1u << TICKET_ST_CLOSED, 0, false, false } },
	[APPEAL_VIEW_MINE] = { "mine", N_("my unit"), { 0, 0, false, true } },
};

const char *appeal_channel_code(appeal_channel c)
{
	return c < APPEAL_CH__COUNT ? channel_codes[c] : "?";
}

const char *appeal_channel_label(appeal_channel c)
{
	return c < APPEAL_CH__COUNT ? channel_labels[c] : "?";
}

bool appeal_channel_parse(const char *code, appeal_channel *out)
{
	for (int i = 0; code && i < APPEAL_CH__COUNT; i++)
		if (strcmp(code, channel_codes[i]) == 0) {
			*out = (appeal_channel)i;
			return true;
		}
	return false;
}

const char *appeal_view_code(appeal_view v)
{
	return v < APPEAL_VIEW__COUNT ? views[v].code : "?";
}

const char *appeal_view_label(appeal_view v)
{
	return v < APPEAL_VIEW__COUNT ? views[v].label : "?";
}

bool appeal_view_parse(const char *code, appeal_view *out)
{
	for (int i = 0; code && i < APPEAL_VIEW__COUNT; i++)
		if (strcmp(code, views[i].code) == 0) {
			*out = (appeal_view)i;
			return true;
		}
	return false;
}

appeal_view_def appeal_view_definition(appeal_view v)
{
	static const appeal_view_def none = { 0, 0, false, false };
	return v < APPEAL_VIEW__COUNT ? views[v].def : none;
}

/* the letters and digits of a folded title as code points; *n gets the count */
static ucs4_t *title_chars(const char *title, size_t *n)
{
	char *folded = search_fold(title ? title : "");
	size_t len = strlen(folded);
	ucs4_t *out = xcalloc(len + 1, sizeof *out);
	const uint8_t *p = (const uint8_t *)folded, *end = p + len;
	*n = 0;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (uc_is_alnum(c))
			out[(*n)++] = c;
		p += k > 0 ? k : 1;
	}
	free(folded);
	return out;
}

/* Bigrams rather than shared characters: titles are full of the same few characters
 * (企业, 申请, 问题), so counting characters calls unrelated titles alike, while
 * bigrams need runs in common. Trigrams are too sparse for titles of six to twelve
 * Chinese characters: one changed character removes three of a handful. Each bigram
 * of b is matched at most once. */
int appeal_title_similarity(const char *a, const char *b)
{
	size_t na, nb;
	ucs4_t *x = title_chars(a, &na), *y = title_chars(b, &nb);
	int score = 0;
	if (na == 0 || nb == 0)
		goto out;
	if (na == 1 || nb == 1) {
		/* a one-character title has no bigram: alike only when it is the other */
		score = na == nb && x[0] == y[0] ? 100 : 0;
		goto out;
	}
	size_t ga = na - 1, gb = nb - 1, common = 0;
	bool *used = xcalloc(gb, sizeof *used);
	for (size_t i = 0; i < ga; i++)
		for (size_t j = 0; j < gb; j++)
			if (!used[j] && x[i] == y[j] && x[i + 1] == y[j + 1]) {
				used[j] = true;
				common++;
				break;
			}
	free(used);
	score = (int)((200 * common + (ga + gb) / 2) / (ga + gb));
out:
	free(x);
	free(y);
	return score;
}

/* a move that carries the appeal on, as opposed to ending it from outside */
static bool moves_on(ticket_action a)
{
	return a != TICKET_ACT_WITHDRAW && a != TICKET_ACT_MERGE;
}

static bool may_move_on(const ticket_view *t, const char *unit, role_t role, const char *centre)
{
	if (!unit || !*unit)
		return false;
	ticket_actor who = { role, unit, centre };
	ticket_action acts[TICKET_ACT__COUNT];
	int n = ticket_allowed_actions(t, &who, acts);
	for (int i = 0; i < n; i++)
		if (moves_on(acts[i]))
			return true;
	return false;
}

const char *appeal_holder(const ticket_view *t, const char *centre)
{
	if (may_move_on(t, t->lead_unit, ROLE_UNIT_STAFF, centre))
		return t->lead_unit;
	if (may_move_on(t, t->first_unit, ROLE_UNIT_STAFF, centre))
		return t->first_unit;
	if (may_move_on(t, centre, ROLE_FRONTDESK, centre))
		return centre;
	return NULL;
}

char *appeal_title_of(const char *text, int max)
{
	/* a problem or an order's content runs over lines: the title is its first words */
	char *clean = text_sanitize(text, strlen(text), 0);
	char *t = text_trim(clean);
	free(clean);
	size_t off = 0;
	for (int i = 0; i < max && t[off]; i++)
		off = text_next_char(t, off);
	t[off] = '\0';
	char *out = text_trim(t);
	free(t);
	return out;
}
