/* The help overlay. Its pages are logical lines (headings, key rows, paragraphs)
 * built when it opens: the key rows from the live keymap and the action table, so the
 * help is never out of step with [keys]. Wrapping to the pane width happens in recalc;
 * search runs over the logical lines of every page. */
#include "ui/help.h"

#include <ctype.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/layout.h"
#include "ui/panes.h"
#include "ui/prompt.h"

/* the key column never takes more than this */
#define HELP_KEYCOL_MAX 20

typedef struct hline {
	int page;
	bool heading;
	char *key;       /* key rows and legend rows; NULL for headings and paragraphs */
	ui_style key_style;
	char *text;
} hline;

typedef struct dline {
	int logical;
	size_t start, len; /* the piece of the logical line's text on this row */
	bool first;
} dline;

struct help {
	const keymap *km;
	char *status;    /* what the last key found to say ("not found: …"), or NULL */
	char seed[8];    /* what the search prompt starts with */
	hline *lines;
	int nlines, cap;
	dline *disp;
	int ndisp, dcap;
	int page, top, keycol, rows;
	char *query;
	int match;       /* logical line of the current match, or -1 */
	bool to_match;   /* scroll to it on the next recalc */
	help_offers_fn offers;
	void *offers_arg;
};

static const char *const page_titles[HELP_PAGE__COUNT] = {
	N_("Keys"), N_("Legend"), N_("Terminal"),
};

static void add_line(help *h, int page, bool heading, const char *key, ui_style st,
                     const char *text)
{
	if (h->nlines == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->lines = xrealloc(h->lines, (size_t)h->cap * sizeof *h->lines);
	}
	hline *l = &h->lines[h->nlines++];
	l->page = page;
	l->heading = heading;
	l->key = key ? xstrdup(key) : NULL;
	l->key_style = st;
	l->text = xstrdup(text);
}

/* Navigation and terminal keys work the same in every pane; the other groups (new,
 * filter, sort, export, the calendar's) list only what the pane under the help does. */
static bool listed(const help *h, action a)
{
	action_group g = action_group_of(a);
	if (a >= ACT_TAB_1 && a <= ACT_TAB_9)
		return pane_of_tab_action(a) >= 0;
	return g == GRP_NAV || g == GRP_TERM || !h->offers || h->offers(h->offers_arg, a);
}

static void build_keys_page(help *h)
{
	bool first = true;
	for (int g = 0; g < GRP__COUNT; g++) {
		int n = 0;
		for (int a = 0; a < ACT__COUNT; a++)
			n += action_group_of((action)a) == (action_group)g && listed(h, (action)a);
		if (n == 0)
			continue;
		if (!first)
			add_line(h, HELP_PAGE_KEYS, false, NULL, STYLE_NORMAL, "");
		first = false;
		add_line(h, HELP_PAGE_KEYS, true, NULL, STYLE_NORMAL,
		         _(action_group_label((action_group)g)));
		for (int a = 0; a < ACT__COUNT; a++) {
			if (action_group_of((action)a) != (action_group)g || !listed(h, (action)a))
				continue;
			strbuf keys = STRBUF_INIT;
			keymap_describe(h->km, (action)a, &keys);
			if (keys.len == 0)
				sb_add(&keys, _("(no key)"));
			char *text = pane_action_help((action)a);
			add_line(h, HELP_PAGE_KEYS, false, sb_str(&keys), STYLE_NORMAL, text);
			xfree(&text);
			sb_free(&keys);
		}
	}
	/* forms and undo work the same in every pane: their keys are the form's own */
	add_line(h, HELP_PAGE_KEYS, false, NULL, STYLE_NORMAL, "");
	add_line(h, HELP_PAGE_KEYS, true, NULL, STYLE_NORMAL, _("Forms"));
	add_line(h, HELP_PAGE_KEYS, false, NULL, STYLE_NORMAL,
	         _("Tab, Shift-Tab and the arrows move between fields; Enter goes to the next "
	           "field, opens a choice's list, picks from a list, and on [Save] saves. Esc "
	           "or F10 leaves the form, asking first when something was changed. In a form "
	           "letters, digits and punctuation are always text, so an input method can "
	           "type into every field; only F1 and F9 keep their meaning."));
	add_line(h, HELP_PAGE_KEYS, false, NULL, STYLE_NORMAL,
	         _("Undo in the Enterprises tab puts back the register entry as it was before "
	           "your last edit in this session, and again redoes the edit; F8 shows in the "
	           "bar only while there is such an edit. New and imported enterprises are not "
	           "undone."));
	add_line(h, HELP_PAGE_KEYS, false, NULL, STYLE_NORMAL, "");
	add_line(h, HELP_PAGE_KEYS, false, NULL, STYLE_NORMAL,
	         _("Keys can be changed in the [keys] section of qifu.ini, e.g. "
	           "search = F3, /, ／, 、"));
}

static void build_legend_page(help *h, int quiet_first, int quiet_last)
{
	/* keys marked literal are the marks themselves, as the calendar prints them */
	static const struct {
		bool heading;
		const char *key;
		bool literal;
		ui_style st;
		const char *text;
	} rows[] = {
		{ true, NULL, false, STYLE_NORMAL, N_("Lights (word and colour together, never colour alone)") },
		{ false, N_("Overdue"), false, STYLE_LIGHT_RED,
		  N_("past the time limit (white on red)") },
		{ false, N_("Due soon"), false, STYLE_LIGHT_YELLOW,
		  N_("due today or on the next working day (black on yellow)") },
		{ false, N_("On time"), false, STYLE_LIGHT_GREEN, N_("within the time limit (green)") },
		{ false, NULL, false, STYLE_NORMAL, "" },
		{ true, NULL, false, STYLE_NORMAL, N_("Marks in lists") },
		{ false, "!", true, STYLE_NORMAL,
		  N_("the enterprise has an open relocation warning (迁出预警)") },
		{ false, "^ v", true, STYLE_NORMAL,
		  N_("after a column's name: the list is sorted by it, ascending or descending") },
		{ false, "~", true, STYLE_NORMAL, N_("the text goes on beyond the column") },
		{ false, NULL, false, STYLE_NORMAL, "" },
		{ true, NULL, false, STYLE_NORMAL, N_("Calendar marks") },
		{ false, N_("off"), false, STYLE_HOLIDAY,
		  N_("public holiday, from the State Council's holiday notice") },
		{ false, N_("off?"), false, STYLE_HOLIDAY,
		  N_("provisional rest day (暂定): a statutory holiday of a year whose notice is not out yet") },
		{ false, N_("work"), false, STYLE_MAKEUP,
		  N_("make-up working day on a weekend (调休上班)") },
		{ false, "*", true, STYLE_QUIET, NULL },
		{ false, "[ 1]", true, STYLE_TODAY, N_("today") },
		{ false, "> 1", true, STYLE_CURSOR, N_("the selected day; Enter lists its inspections") },
		{ false, NULL, false, STYLE_NORMAL, "" },
		{ false, NULL, false, STYLE_NORMAL,
		  N_("Working days follow the State Council's notice for each year; a year whose "
		     "notice is not out yet counts the statutory holidays of the law as provisional "
		     "rest days, and qifu says so.") },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		/* the one row that depends on the settings */
		char *quiet = rows[i].text ? NULL :
			xasprintf(_("quiet day for enterprises (企业安静日, days %d to %d): no general "
			            "inspections; shaded in colour"), quiet_first, quiet_last);
		add_line(h, HELP_PAGE_LEGEND, rows[i].heading,
		         !rows[i].key ? NULL : rows[i].literal ? rows[i].key : _(rows[i].key),
		         rows[i].st, quiet ? quiet : *rows[i].text ? _(rows[i].text) : "");
		xfree(&quiet);
	}
}

static void build_terminal_page(help *h)
{
	static const struct {
		bool heading;
		const char *text;
	} rows[] = {
		{ true, N_("Character encoding") },
		{ false, N_("qifu needs UTF-8: export LANG=zh_CN.UTF-8 (or C.UTF-8) in the shell, "
		            "and UTF-8 as the character set of the terminal program.") },
		{ false, "" },
		{ true, N_("Ambiguous-width characters") },
		{ false, N_("Characters such as quotes, ellipsis, dashes, circled numbers and box "
		            "lines take one column in some terminals and two in others. qifu draws "
		            "its frame in ASCII only; for text it counts them as "
		            "[display] ambiguous_width in qifu.ini says (1 or 2). Make that match "
		            "the terminal:") },
		{ false, N_("PuTTY: Window > Translation, \"Treat CJK ambiguous characters as "
		            "wide\": checked means 2.") },
		{ false, N_("Xshell and SecureCRT: the session's terminal or appearance options "
		            "have the same East Asian ambiguous-width switch: on means 2.") },
		{ false, N_("Windows Terminal draws them one column wide: use 1.") },
		{ false, N_("If columns in a list do not line up, this setting is the first thing "
		            "to check.") },
		{ false, "" },
		{ true, N_("Mouse and copying") },
		{ false, N_("The mouse is off by default, so dragging with the mouse selects and "
		            "copies text such as appeal numbers and company names. With "
		            "[display] mouse = on the wheel scrolls, and Shift+drag still copies.") },
		{ false, "" },
		{ true, N_("Keys and input methods") },
		{ false, N_("With a Chinese input method on, letters go to the input method: every "
		            "action also has an F-key, arrow, Enter or Esc, and full-width ？ ／ 、 ： "
		            "work like ? / :.") },
		{ false, N_("If the desktop takes the F-keys, set [display] esc_digits = fkeys in "
		            "qifu.ini: then Esc and a digit is that F-key, Esc 1 is F1, Esc 0 is F10. "
		            "A terminal without F-keys works so by itself; otherwise Esc then 3 is "
		            "Esc, then the Escalation tab.") },
		{ false, N_("Never press Ctrl-S in PuTTY: it freezes the output until Ctrl-Q.") },
		{ false, N_("A garbled screen is repaired with Ctrl-L.") },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		add_line(h, HELP_PAGE_TERMINAL, rows[i].heading, NULL, STYLE_NORMAL,
		         *rows[i].text ? _(rows[i].text) : "");
}

help *help_new(const keymap *km, int quiet_first, int quiet_last, help_offers_fn offers,
               void *arg)
{
	help *h = xcalloc(1, sizeof *h);
	h->km = km;
	h->offers = offers;
	h->offers_arg = arg;
	h->match = -1;
	build_keys_page(h);
	build_legend_page(h, quiet_first, quiet_last);
	build_terminal_page(h);
	for (int i = 0; i < h->nlines; i++)
		if (h->lines[i].key) {
			int w = text_width(h->lines[i].key);
			if (w > h->keycol)
				h->keycol = w;
		}
	if (h->keycol > HELP_KEYCOL_MAX)
		h->keycol = HELP_KEYCOL_MAX;
	return h;
}

void help_free(help **h)
{
	if (!*h)
		return;
	for (int i = 0; i < (*h)->nlines; i++) {
		xfree(&(*h)->lines[i].key);
		xfree(&(*h)->lines[i].text);
	}
	xfree(&(*h)->lines);
	xfree(&(*h)->disp);
	xfree(&(*h)->query);
	xfree(&(*h)->status);
	xfree(h);
}

void help_show_page(help *h, int p)
{
	h->page = (p + HELP_PAGE__COUNT) % HELP_PAGE__COUNT;
	h->top = 0;
}

static void add_disp(help *h, int logical, size_t start, size_t len, bool first)
{
	if (h->ndisp == h->dcap) {
		h->dcap = h->dcap ? h->dcap * 2 : 128;
		h->disp = xrealloc(h->disp, (size_t)h->dcap * sizeof *h->disp);
	}
	h->disp[h->ndisp++] = (dline){ logical, start, len, first };
}

/* columns left for a line's text after its indent and key column */
static int text_cols(const help *h, const hline *l, int w)
{
	int cols = l->heading ? w : l->key ? w - 2 - h->keycol - 2 : w - 2;
	return cols < 4 ? 4 : cols;
}

void help_recalc(help *h, ui_rect r)
{
	h->ndisp = 0;
	h->rows = r.h > 1 ? r.h - 1 : 0;
	for (int i = 0; i < h->nlines; i++) {
		const hline *l = &h->lines[i];
		if (l->page != h->page)
			continue;
		if (!*l->text) {
			add_disp(h, i, 0, 0, true);
			continue;
		}
		enum { MAX_WRAP = 32 };
		size_t starts[MAX_WRAP], lens[MAX_WRAP];
		int n = layout_wrap(l->text, text_cols(h, l, r.w), starts, lens, MAX_WRAP);
		for (int k = 0; k < n; k++)
			add_disp(h, i, starts[k], lens[k], k == 0);
	}
	if (h->to_match && h->match >= 0) {
		for (int i = 0; i < h->ndisp; i++)
			if (h->disp[i].logical == h->match) {
				if (i < h->top || i >= h->top + h->rows)
					h->top = i;
				break;
			}
		h->to_match = false;
	}
	int max_top = h->ndisp - h->rows;
	if (h->top > max_top)
		h->top = max_top;
	if (h->top < 0)
		h->top = 0;
}

static void draw_header(help *h, ui_rect r)
{
	strbuf tabs = STRBUF_INIT;
	int x = r.x;
	sb_addf(&tabs, "%s:", _("Help"));
	draw_text(r.y, x, text_width(sb_str(&tabs)), sb_str(&tabs), TEXT_LEFT, STYLE_HEADER);
	x += text_width(sb_str(&tabs));
	for (int p = 0; p < HELP_PAGE__COUNT && x < r.x + r.w; p++) {
		char *t = xasprintf(p == h->page ? " [%s]" : "  %s ", _(page_titles[p]));
		int w = text_width(t);
		if (w > r.x + r.w - x)
			w = r.x + r.w - x;
		draw_text(r.y, x, w, t, TEXT_LEFT, p == h->page ? STYLE_TAB : STYLE_NORMAL);
		x += w;
		xfree(&t);
	}
	char k1[16] = "", k2[16] = "", k3[16] = "";
	const qkey *keys;
	if (keymap_keys(h->km, ACT_NEXT_TAB, &keys) > 0)
		key_format(keys[0], k1);
	if (keymap_keys(h->km, ACT_SEARCH, &keys) > 0)
		key_format(keys[0], k2);
	if (keymap_keys(h->km, ACT_CANCEL, &keys) > 0)
		key_format(keys[0], k3);
	char *hint = xasprintf(_("%s: next page  %s: search  %s: close"), k1, k2, k3);
	if (x < r.x + r.w)
		draw_text(r.y, x, r.x + r.w - x, hint, TEXT_RIGHT, STYLE_DIM);
	xfree(&hint);
	sb_free(&tabs);
}

void help_repaint(help *h, ui_rect r)
{
	if (r.h <= 0)
		return;
	draw_header(h, r);
	for (int row = 1; row < r.h; row++) {
		int y = r.y + row, i = h->top + row - 1;
		if (i >= h->ndisp) {
			draw_text(y, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
			continue;
		}
		const dline *d = &h->disp[i];
		const hline *l = &h->lines[d->logical];
		char *piece = xstrndup(l->text + d->start, d->len);
		/* the match is highlighted and also marked with '>', for screens without
		 * reverse video and for the text dumps */
		bool hit = d->logical == h->match;
		ui_style st = hit ? STYLE_CURSOR : STYLE_NORMAL;
		const char *indent = hit && d->first ? "> " : "";
		if (l->heading) {
			draw_textf(y, r.x, r.w, TEXT_LEFT, hit ? STYLE_CURSOR : STYLE_HEADER, "%s%s",
			           indent, piece);
		} else if (l->key) {
			int x = r.x;
			draw_text(y, x, 2, indent, TEXT_LEFT, st);
			x += 2;
			/* the key cell takes its own style (a light, a calendar mark) */
			int kw = h->keycol < r.w - 2 ? h->keycol : r.w - 2;
			draw_text(y, x, kw, d->first ? l->key : "", TEXT_LEFT,
			          d->first && !hit ? l->key_style : st);
			x += kw;
			if (r.x + r.w - x > 0)
				draw_text(y, x, r.x + r.w - x, "", TEXT_LEFT, st);
			if (r.x + r.w - x > 2)
				draw_text(y, x + 2, r.x + r.w - x - 2, piece, TEXT_LEFT, st);
		} else {
			draw_text(y, r.x, 2, indent, TEXT_LEFT, st);
			draw_text(y, r.x + 2, r.w - 2, piece, TEXT_LEFT, st);
		}
		xfree(&piece);
	}
}

/* ASCII letters match either case; other characters exactly */
static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < n && p[i] &&
		       tolower((unsigned char)p[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

static bool line_matches(const hline *l, const char *q)
{
	return contains(l->text, q) || (l->key && contains(l->key, q));
}

/* the next (dir 1) or previous (dir -1) logical line matching the query, across pages,
 * starting after the current match or the first line on screen */
static void find(help *h, int dir)
{
	if (!h->query || !*h->query)
		return;
	int start = h->match;
	if (start < 0)
		start = h->top < h->ndisp ? h->disp[h->top].logical - dir : -1;
	for (int step = 1; step <= h->nlines; step++) {
		int i = ((start + dir * step) % h->nlines + h->nlines) % h->nlines;
		if (*h->lines[i].text && line_matches(&h->lines[i], h->query)) {
			h->match = i;
			h->page = h->lines[i].page;
			h->to_match = true;
			return;
		}
	}
	h->match = -1;
	h->status = xasprintf(_("not found: %s"), h->query);
}

void help_search(help *h, const char *text)
{
	xfree(&h->status);
	if (!text || !*text)
		return;
	xfree(&h->query);
	h->query = xstrdup(text);
	h->match = -1;
	find(h, 1);
}

const char *help_status(const help *h)
{
	return h->status;
}

const char *help_search_seed(const help *h)
{
	return h->seed;
}

bool help_offers(action a)
{
	/* F1 closes, F3 searches the help, F10 quits; the rest of the bar does nothing here */
	return a == ACT_HELP || a == ACT_SEARCH || a == ACT_QUIT;
}

unsigned help_handle(help *h, const pane_event *ev)
{
	xfree(&h->status);
	switch (ev->act) {
	case ACT_UP: h->top--; break;
	case ACT_DOWN: h->top++; break;
	case ACT_PAGE_UP: h->top -= h->rows; break;
	case ACT_PAGE_DOWN: h->top += h->rows; break;
	case ACT_FIRST: h->top = 0; break;
	case ACT_LAST: h->top = h->ndisp; break;
	case ACT_NEXT_TAB: case ACT_RIGHT:
		help_show_page(h, h->page + 1);
		h->match = -1;
		break;
	case ACT_PREV_TAB: case ACT_LEFT:
		help_show_page(h, h->page - 1);
		h->match = -1;
		break;
	case ACT_SEARCH:
		prompt_seed(h->km, ev->key, h->seed);
		return REACT_PROMPT;
	case ACT_SEARCH_NEXT:
		find(h, 1);
		break;
	case ACT_SEARCH_PREV:
		find(h, -1);
		break;
	case ACT_HELP: case ACT_BACK: case ACT_CANCEL: case ACT_MENU:
		return REACT_CLOSE;
	case ACT_QUIT:
		return REACT_UNHANDLED;
	default:
		if (pane_of_tab_action(ev->act) >= 0)
			return REACT_CLOSE | REACT_UNHANDLED;
		return REACT_NONE;
	}
	return REACT_RECALC;
}
