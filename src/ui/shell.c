/* The shell: layout (title, pane area, status, F-key bar), dispatch of keys through
 * the prompt, the help overlay, the actions that are the same in every pane (help,
 * menu, quit, the tab keys), the current pane and finally the shell's own actions for
 * what the pane passed on, and the single draw pass that turns dirty flags into
 * recalc and repaint calls.
 * Title tabs and the F-key bar are generated from the pane table and the live keymap. */
#include "ui/shell.h"

#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/appeal.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/staff_store.h"
#include "ui/help.h"
#include "ui/layout.h"
#include "ui/live.h"
#include "ui/panes.h"
#include "ui/prompt.h"
#include "ui/term.h"

/* the panes and their tab titles, from the one table in ui/panes.h */
#define PANE_TABLE_OPS(id, title, ops) [id] = &ops,
static const pane_ops *const pane_table[PANE_COUNT] = { PANES(PANE_TABLE_OPS) };
#undef PANE_TABLE_OPS

enum {
	DIRTY_TITLE = 1 << 0,
	DIRTY_RECALC = 1 << 1,
	DIRTY_PANE = 1 << 2,
	DIRTY_STATUS = 1 << 3,
	DIRTY_BAR = 1 << 4,
	DIRTY_ALL = (1 << 5) - 1,
};

struct shell {
	app_ctx *ctx;
	const keymap *km;
	void *state[PANE_COUNT];
	int cur;
	help *help;
	prompt *prompt;
	shell_prompt_done prompt_done;
	shell_prompt_changed prompt_changed;
	char *prompt_last;   /* the text prompt_changed last heard */
	void *prompt_arg;
	strbuf status;
	bool status_error;
	unsigned dirty;
	bool was_small;
	bool quit;
	live live;           /* what the idle looks saw last (ui/live.h) */
	int64_t news_after;  /* the newest event the look for the unit's new appeals saw */
	bool read_only;      /* this user can change nothing in the database: the title says so */
};

/* the appeals other desks gave the user's unit since the last look, on the status
 * line (and the bell when [ui] bell is on); the first look only remembers where the
 * event log ends */
static void look_for_news(shell *sh)
{
	appeal_news got[LIVE_NEWS_MAX];
	live_news v[LIVE_NEWS_MAX];
	bool more;
	strbuf err = STRBUF_INIT;
	int n = app_appeal_news(sh->ctx, &sh->news_after, got, LIVE_NEWS_MAX, &more, &err);
	if (n < 0) {
		shell_error(sh, "%s", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_free(&err);
	for (int i = 0; i < n; i++)
		v[i] = (live_news){ got[i].number, got[i].unit };
	const settings *cfg = sh->ctx->cfg;
	live_notice say = live_notice_of(v, n, more, cfg && cfg_bool(cfg, SET_UI_BELL));
	if (say.kind == LIVE_NOTICE_ONE)
		shell_message(sh, _("New appeal %s dispatched to your unit (%s)"), say.number,
		              say.unit);
	else if (say.kind == LIVE_NOTICE_MANY && say.more)
		shell_message(sh, _("More than %d new appeals dispatched to your unit"), say.count);
	else if (say.kind == LIVE_NOTICE_MANY)
		shell_message(sh, P_("%d new appeal dispatched to your unit",
		                     "%d new appeals dispatched to your unit", say.count), say.count);
	if (say.bell)
		beep();
	appeal_news_clear(got, n);
}

shell *shell_new(app_ctx *ctx, const keymap *km)
{
	shell *sh = xcalloc(1, sizeof *sh);
	sh->ctx = ctx;
	sh->km = km;
	sh->dirty = DIRTY_ALL;
	live_init(&sh->live, ctx->db ? db_data_version(ctx->db) : -1, ctx->today);
	sh->news_after = -1;
	if (ctx->db) {
		sh->read_only = db_read_only(ctx->db);
		look_for_news(sh);
	}
	for (int i = 0; i < PANE_COUNT; i++)
		sh->state[i] = pane_table[i]->create(sh);
	return sh;
}

void shell_free(shell **sh)
{
	if (!*sh)
		return;
	for (int i = 0; i < PANE_COUNT; i++)
		pane_table[i]->destroy((*sh)->state[i]);
	help_free(&(*sh)->help);
	prompt_free(&(*sh)->prompt);
	xfree(&(*sh)->prompt_last);
	sb_free(&(*sh)->status);
	xfree(sh);
}

bool shell_done(const shell *sh)
{
	return sh->quit;
}

app_ctx *shell_ctx(shell *sh)
{
	return sh->ctx;
}

const keymap *shell_keymap(const shell *sh)
{
	return sh->km;
}

bool shell_allowed(shell *sh, int act, const char *area)
{
	const staff *me = app_actor(sh->ctx);
	perm_actor pa = app_perm_actor(sh->ctx);
	perm_object po = { area, NULL };
	perm_verdict v = perm_check(&pa, (perm_action)act, &po);
	if (!v.allow)
		shell_error(sh, _("not allowed for %s (%s): %s"), me->login, _(role_label(me->role)),
		            _(v.reason));
	return v.allow;
}

void shell_dirty_pane(shell *sh)
{
	sh->dirty |= DIRTY_RECALC | DIRTY_PANE;
}

static void set_status(shell *sh, bool error, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void set_status(shell *sh, bool error, const char *fmt, va_list ap)
{
	char *s = draw_vfmt(fmt, ap);
	sb_reset(&sh->status);
	sb_add(&sh->status, s);
	xfree(&s);
	sh->status_error = error;
	sh->dirty |= DIRTY_STATUS;
}

void shell_message(shell *sh, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(sh, false, fmt, ap);
	va_end(ap);
}

int shell_store_rc(shell *sh, int rc, const store_err *err)
{
	if (rc < 0) {
		strbuf b = STRBUF_INIT;
		shell_error(sh, "%s", app_store_text(err, &b));
		sb_free(&b);
	}
	return rc;
}

void shell_error(shell *sh, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_status(sh, true, fmt, ap);
	va_end(ap);
}

/* what the help found to say after a key or a search, on the status line */
static void help_said(shell *sh)
{
	const char *s = help_status(sh->help);
	if (s)
		shell_error(sh, "%s", s);
}

static void help_searched(void *arg, const char *text)
{
	shell *sh = arg;
	if (!sh->help)
		return;
	help_search(sh->help, text);
	help_said(sh);
	shell_dirty_pane(sh);
}

void shell_prompt(shell *sh, const char *label, const char *initial, shell_prompt_done done,
                  void *arg)
{
	prompt_free(&sh->prompt);
	sh->prompt = prompt_new(label, initial);
	sh->prompt_done = done;
	sh->prompt_changed = NULL;
	sh->prompt_arg = arg;
	sh->dirty |= DIRTY_STATUS;
}

void shell_prompt_live(shell *sh, const char *label, const char *initial,
                       shell_prompt_changed changed, shell_prompt_done done, void *arg)
{
	shell_prompt(sh, label, initial, done, arg);
	sh->prompt_changed = changed;
	xfree(&sh->prompt_last);
	sh->prompt_last = prompt_text(sh->prompt);
}

bool shell_progress(shell *sh, const char *text)
{
	if (COLS >= SHELL_MIN_COLS && LINES >= SHELL_MIN_ROWS) {
		draw_text(LINES - 2, 0, COLS, text, TEXT_LEFT, STYLE_NORMAL);
		term_cursor(false, 0, 0);
		term_flush();
	}
	sh->dirty |= DIRTY_STATUS;
	bool cancel = false;
	qkey k;
	int rc;
	/* keys typed meanwhile are dropped: only Esc means something during the work */
	while ((rc = term_read_key(&k, 0)) == 1) {
		if (k == QK_ESC || keymap_action(sh->km, k) == ACT_CANCEL)
			cancel = true;
		if (k == QK_RESIZE)
			sh->dirty = DIRTY_ALL;
	}
	/* a stop signal: give up the work so that the main loop can end */
	return cancel || rc < 0;
}

static void switch_tab(shell *sh, int i)
{
	sh->cur = (i + PANE_COUNT) % PANE_COUNT;
	help_free(&sh->help);
	sh->dirty |= DIRTY_TITLE | DIRTY_RECALC | DIRTY_PANE;
}

/* the actions the shell takes before the current pane, unless the pane is modal */
static bool shell_first(action a)
{
	return a == ACT_HELP || a == ACT_MENU || a == ACT_QUIT || pane_of_tab_action(a) >= 0;
}

static bool pane_modal(shell *sh)
{
	const pane_ops *ops = pane_table[sh->cur];
	return ops->modal && ops->modal(sh->state[sh->cur]);
}

/* whether a does something in the current pane now, for the F-key bar and the help:
 * help, menu, quit and redraw in every pane and mode, the tab keys unless the pane
 * is modal, the rest as the pane's offers hook says (without one, navigation) */
static bool pane_offers(void *arg, action a)
{
	shell *sh = arg;
	const pane_ops *ops = pane_table[sh->cur];
	if (a == ACT_HELP || a == ACT_MENU || a == ACT_QUIT || a == ACT_REDRAW)
		return true;
	if (pane_of_tab_action(a) >= 0)
		return !pane_modal(sh);
	if (ops->offers)
		return ops->offers(sh->state[sh->cur], a);
	return action_group_of(a) == GRP_NAV && a != ACT_REFRESH;
}

static void open_help(shell *sh, int page)
{
	if (!sh->help) {
		const settings *cfg = sh->ctx->cfg;
		sh->help = help_new(sh->km, cfg ? (int)cfg_int(cfg, SET_QUIET_FIRST_DAY) : 1,
		                    cfg ? (int)cfg_int(cfg, SET_QUIET_LAST_DAY) : 23, pane_offers, sh);
	}
	help_show_page(sh->help, page);
	sh->dirty |= DIRTY_RECALC | DIRTY_PANE;
}

/* the name of the i-th key bound to a, or "" */
static char *key_name_of(const keymap *km, action a, int i, char *buf)
{
	const qkey *keys;
	buf[0] = '\0';
	if (keymap_keys(km, a, &keys) > i)
		key_format(keys[i], buf);
	return buf;
}

char *shell_key_name(const shell *sh, action a, char *buf)
{
	return key_name_of(sh->km, a, 0, buf);
}

/* the shell's own actions, after the overlay or the pane passed on them */
static void shell_action(shell *sh, const pane_event *ev)
{
	char buf[16];
	switch (ev->act) {
	case ACT_QUIT:
		sh->quit = true;
		break;
	case ACT_BACK:
		/* nothing is open above the tabs: back from the top quits */
		sh->quit = true;
		break;
	case ACT_HELP:
		open_help(sh, HELP_PAGE_KEYS);
		break;
	case ACT_MENU:
		/* the key list is the menu: every action with its keys, searchable */
		open_help(sh, HELP_PAGE_KEYS);
		shell_message(sh, _("Every action and its keys; %s searches the list"),
		              key_name_of(sh->km, ACT_SEARCH, 0, buf));
		break;
	case ACT_NEXT_TAB:
		switch_tab(sh, sh->cur + 1);
		break;
	case ACT_PREV_TAB:
		switch_tab(sh, sh->cur - 1);
		break;
	case ACT_NONE: case ACT_CANCEL:
		break;
	default:
		if (pane_of_tab_action(ev->act) >= 0)
			switch_tab(sh, pane_of_tab_action(ev->act));
		else
			shell_message(sh, _("%s: not available in this view yet"),
			              pane_action_label(ev->act));
		break;
	}
}

static void finish_prompt(shell *sh, prompt_state st)
{
	char *text = st == PROMPT_ACCEPTED ? prompt_text(sh->prompt) : NULL;
	shell_prompt_done done = sh->prompt_done;
	void *arg = sh->prompt_arg;
	prompt_free(&sh->prompt);
	sh->dirty |= DIRTY_STATUS;
	done(arg, text);
	xfree(&text);
}

/* a character no key is bound to and that is not ASCII: an input method typing
 * Chinese while browsing, which starts a search (UX.md) */
static bool starts_search(qkey k)
{
	return k >= 0x80 && k < QK__NAMED;
}

void shell_key(shell *sh, qkey k)
{
	if (k == QK_RESIZE) {
		sh->dirty = DIRTY_ALL;
		return;
	}
	if (sh->status.len) {
		sb_reset(&sh->status);
		sh->status_error = false;
		sh->dirty |= DIRTY_STATUS;
	}
	if (sh->prompt) {
		prompt_state st = prompt_key(sh->prompt, k);
		sh->dirty |= DIRTY_STATUS;
		if (st != PROMPT_EDITING) {
			finish_prompt(sh, st);
			return;
		}
		char *now = sh->prompt_changed ? prompt_text(sh->prompt) : NULL;
		if (now && strcmp(now, sh->prompt_last ? sh->prompt_last : "") != 0) {
			xfree(&sh->prompt_last);
			sh->prompt_last = now;
			now = NULL;
			sh->prompt_changed(sh->prompt_arg, sh->prompt_last);
		}
		xfree(&now);
		return;
	}
	pane_event ev = { keymap_action(sh->km, k), k };
	if (ev.act >= ACT_TAB_1 && ev.act <= ACT_TAB_9 && pane_of_tab_action(ev.act) < 0)
		ev.act = ACT_NONE; /* a number with no tab of its own */
	if (ev.act == ACT_NONE && starts_search(k))
		ev.act = ACT_SEARCH;
	if (ev.act == ACT_REDRAW) {
		term_redraw_all();
		sh->dirty = DIRTY_ALL;
		return;
	}
	if (sh->was_small) {
		/* nothing else is on screen to act on */
		if (ev.act == ACT_QUIT || ev.act == ACT_BACK)
			sh->quit = true;
		return;
	}
	unsigned r;
	if (sh->help) {
		r = help_handle(sh->help, &ev);
		help_said(sh);
		if (r & REACT_PROMPT)
			shell_prompt(sh, _("Search help: "), help_search_seed(sh->help), help_searched, sh);
		if (r & REACT_CLOSE) {
			help_free(&sh->help);
			sh->dirty |= DIRTY_RECALC | DIRTY_PANE;
		}
	} else if (shell_first(ev.act) && !pane_modal(sh)) {
		r = REACT_UNHANDLED;
	} else {
		r = pane_table[sh->cur]->handle(sh->state[sh->cur], &ev);
	}
	if (r & REACT_RECALC)
		sh->dirty |= DIRTY_RECALC | DIRTY_PANE;
	if (r & REACT_REPAINT)
		sh->dirty |= DIRTY_PANE;
	if (r & REACT_UNHANDLED)
		shell_action(sh, &ev);
}

bool shell_settle(shell *sh)
{
	const pane_ops *ops = pane_table[sh->cur];
	if (!ops->settle || term_input_pending() || !ops->settle(sh->state[sh->cur]))
		return false;
	shell_dirty_pane(sh);
	return true;
}

bool shell_idle(shell *sh)
{
	app_ctx *ctx = sh->ctx;
	if (!ctx->db)
		return false;
	bool typing = sh->prompt || pane_modal(sh);
	qdate day = ctx->today_pinned ? ctx->today : date_system_today();
	unsigned what = live_look(&sh->live, typing, db_data_version(ctx->db), day);
	if (what & LIVE_NEW_DAY) {
		ctx->today = day;
		db_set_today(ctx->db, day);
		sh->dirty |= DIRTY_TITLE;
	}
	if (what & LIVE_REFRESH) {
		look_for_news(sh);
		/* the pane's own refresh keeps its cursor on the same row by its key */
		unsigned r = REACT_RECALC;
		if (pane_offers(sh, ACT_REFRESH)) {
			pane_event ev = { ACT_REFRESH, QK_NONE };
			r = pane_table[sh->cur]->handle(sh->state[sh->cur], &ev);
		}
		if (r & REACT_RECALC)
			sh->dirty |= DIRTY_RECALC | DIRTY_PANE;
		if (r & REACT_REPAINT)
			sh->dirty |= DIRTY_PANE;
	}
	return what != LIVE_NOTHING;
}

/* one segment of the title line or the F-key bar, cut at limit; returns the next x */
static int draw_piece(int y, int x, int limit, const char *s, ui_style st)
{
	int w = text_width(s);
	if (w > limit - x)
		w = limit - x;
	if (w <= 0)
		return x;
	draw_text(y, x, w, s, TEXT_LEFT, st);
	return x + w;
}

/* "qifu 企服 |[企业] 诉求  调度  日历 | 督办 王芳 | 2026-12-01 周二      F1帮助": the
 * current tab in brackets where the others have spaces, so it shows without colour
 * and the line does not shift when the tab changes */
static void draw_title(shell *sh)
{
	strbuf right = STRBUF_INIT;
	int f = keymap_fkey(sh->km, ACT_HELP);
	if (f)
		sb_addf(&right, "F%d%s", f, _(action_label(ACT_HELP)));
	int rw = text_width(sb_str(&right));
	int limit = COLS - rw - (rw ? 1 : 0);
	/* the first tab's opening bracket stands where a space would: one after the bar */
	int x = draw_piece(0, 0, limit, sh->cur == 0 ? "qifu 企服 | " : "qifu 企服 |", STYLE_NORMAL);
	/* the tabs leave room for "| 2026-12-07" at least: when six long English titles do
	 * not, the others than the current one are cut alike (Enter~ Appeals Escal~) */
	enum { TITLE_DATE_ROOM = 13, TAB_MIN = 4 };
	int tw[PANE_COUNT];
	for (int i = 0; i < PANE_COUNT; i++)
		tw[i] = text_width(_(pane_title((pane_id)i)));
	int cap = layout_tab_cap(tw, PANE_COUNT, sh->cur, limit - x - TITLE_DATE_ROOM, TAB_MIN);
	for (int i = 0; i < PANE_COUNT; i++) {
		char *cut = text_fit(_(pane_title((pane_id)i)), cap < 0 || i == sh->cur ? tw[i] : cap);
		char *tab = xasprintf(i == sh->cur ? "[%s]" : " %s ", cut);
		x = draw_piece(0, x, limit, tab, i == sh->cur ? STYLE_TAB : STYLE_NORMAL);
		xfree(&tab);
		xfree(&cut);
	}
	/* when the line is too narrow (long English labels), the role goes first, then
	 * the weekday, then the name */
	const staff *actor = sh->ctx->actor;
	const char *wd = _(date_weekday_name(sh->ctx->today));
	char date[16];
	date_format(sh->ctx->today, date);
	strbuf info = STRBUF_INIT;
	for (int detail = 3; detail >= 0; detail--) {
		sb_reset(&info);
		/* the last tab's closing bracket stands where a space would: one before the bar */
		sb_add(&info, sh->cur == PANE_COUNT - 1 ? " |" : "|");
		if (sh->read_only)
			sb_addf(&info, " %s |", _("read-only"));
		if (actor && detail >= 3)
			sb_addf(&info, " %s", _(role_label(actor->role)));
		if (actor && detail >= 1)
			sb_addf(&info, " %s |", actor->name);
		sb_addf(&info, " %s", date);
		if (detail >= 2)
			sb_addf(&info, " %s", wd);
		if (text_width(sb_str(&info)) <= limit - x)
			break;
	}
	x = draw_piece(0, x, limit, sb_str(&info), STYLE_NORMAL);
	draw_text(0, x, COLS - x - rw, "", TEXT_LEFT, STYLE_NORMAL);
	draw_text(0, COLS - rw, rw, sb_str(&right), TEXT_LEFT, STYLE_NORMAL);
	sb_free(&info);
	sb_free(&right);
}

/* the current pane's own standing hint (a form says how to move and save), or NULL */
static const char *pane_hint(shell *sh)
{
	const pane_ops *ops = pane_table[sh->cur];
	return !sh->help && ops->hint ? ops->hint(sh->state[sh->cur]) : NULL;
}

static void draw_status(shell *sh, int *caret_x)
{
	int y = LINES - 2;
	if (sh->prompt) {
		prompt_draw(sh->prompt, y, 0, COLS, caret_x);
		return;
	}
	if (sh->status.len && sh->status_error) {
		draw_textf(y, 0, COLS, TEXT_LEFT, STYLE_ERROR, "%s%s", _("Error: "),
		           sb_str(&sh->status));
	} else if (sh->status.len) {
		draw_text(y, 0, COLS, sb_str(&sh->status), TEXT_LEFT, STYLE_NORMAL);
	} else if (pane_hint(sh)) {
		draw_text(y, 0, COLS, pane_hint(sh), TEXT_LEFT, STYLE_DIM);
	} else {
		/* the standing hint, from the live keymap */
		char k1[16], k2[16], kq[16];
		key_name_of(sh->km, ACT_HELP, 0, k1);
		key_name_of(sh->km, ACT_HELP, 1, k2);
		key_name_of(sh->km, ACT_QUIT, 0, kq);
		if (*k2)
			draw_textf(y, 0, COLS, TEXT_LEFT, STYLE_DIM,
			           _("Press %s or %s for help, %s to quit"), k1, k2, kq);
		else
			draw_textf(y, 0, COLS, TEXT_LEFT, STYLE_DIM, _("Press %s for help, %s to quit"),
			           k1, kq);
	}
}

/* "1帮助 2新建 …" from whatever the F-keys are bound to now */
static void draw_bar(shell *sh)
{
	int y = LINES - 1, x = 0;
	for (int f = 1; f <= 12; f++) {
		action a = keymap_action(sh->km, QK_F1 + f - 1);
		if (a == ACT_NONE)
			continue;
		bool offered = sh->help ? help_offers(a) : pane_offers(sh, a);
		if (!offered)
			continue;
		char num[8];
		snprintf(num, sizeof num, "%d", f);
		const char *label = pane_action_label(a);
		int need = (x ? 1 : 0) + text_width(num) + text_width(label);
		if (x + need > COLS)
			break;
		if (x)
			x = draw_piece(y, x, COLS, " ", STYLE_NORMAL);
		x = draw_piece(y, x, COLS, num, STYLE_FKEY_NUM);
		x = draw_piece(y, x, COLS, label, STYLE_FKEY_LABEL);
	}
	draw_text(y, x, COLS - x, "", TEXT_LEFT, STYLE_NORMAL);
}

static void draw_too_small(void)
{
	char *msg = xasprintf(_("Terminal too small (now %dx%d, at least %dx%d needed)"), COLS,
	                      LINES, SHELL_MIN_COLS, SHELL_MIN_ROWS);
	const char *lines[] = { msg };
	ui_rect all = { 0, 0, LINES, COLS };
	draw_message(all, lines, 1, STYLE_NORMAL);
	xfree(&msg);
}

void shell_draw(shell *sh)
{
	bool small = COLS < SHELL_MIN_COLS || LINES < SHELL_MIN_ROWS;
	if (small != sh->was_small)
		sh->dirty = DIRTY_ALL;
	sh->was_small = small;
	if (small) {
		if (sh->dirty)
			draw_too_small();
		sh->dirty = 0;
		term_cursor(false, 0, 0);
		term_flush();
		return;
	}
	ui_rect area = { 1, 0, LINES - 3, COLS };
	unsigned d = sh->dirty;
	sh->dirty = 0;
	/* the bar and the standing hint follow the pane's mode */
	if (d & (DIRTY_RECALC | DIRTY_PANE))
		d |= DIRTY_BAR | DIRTY_STATUS;
	if (d & DIRTY_TITLE)
		draw_title(sh);
	if (d & DIRTY_RECALC) {
		pane_table[sh->cur]->recalc(sh->state[sh->cur], area);
		if (sh->help)
			help_recalc(sh->help, area);
	}
	if (d & (DIRTY_PANE | DIRTY_RECALC)) {
		if (sh->help)
			help_repaint(sh->help, area);
		else
			pane_table[sh->cur]->repaint(sh->state[sh->cur], area);
	}
	int caret_x = -1;
	if (d & DIRTY_STATUS || sh->prompt)
		draw_status(sh, &caret_x);
	if (d & DIRTY_BAR)
		draw_bar(sh);
	/* a pane's recalc may have left a message */
	if (sh->dirty & DIRTY_STATUS) {
		draw_status(sh, &caret_x);
		sh->dirty &= ~(unsigned)DIRTY_STATUS;
	}
	int cy = LINES - 2, cx = caret_x;
	bool on = sh->prompt != NULL;
	const pane_ops *ops = pane_table[sh->cur];
	if (!on && !sh->help && ops->caret)
		on = ops->caret(sh->state[sh->cur], &cy, &cx);
	term_cursor(on, cy, cx);
	term_flush();
}
