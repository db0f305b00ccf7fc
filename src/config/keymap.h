/* Keys map to actions through data (tig's request.h): one X-macro list of actions,
 * each with its group, default keys in the [keys] syntax, bar label and help text.
 * Key codes are qifu's own so this module and its tests link without curses; src/ui
 * maps curses codes onto them. */
#ifndef QIFU_KEYMAP_H
#define QIFU_KEYMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/strbuf.h"

/* A key: a Unicode code point stands for itself (C-a…C-z are code points 1…26),
 * named keys live above Unicode. */
typedef int32_t qkey;

/* Named keys: code, name in [keys]. C-i, C-m and C-h arrive as Tab, Enter and
 * Backspace, so they are spelt that way. */
#define QKEY_NAMES(X) \
	X(QK_F1, "F1") X(QK_F2, "F2") X(QK_F3, "F3") X(QK_F4, "F4") \
	X(QK_F5, "F5") X(QK_F6, "F6") X(QK_F7, "F7") X(QK_F8, "F8") \
	X(QK_F9, "F9") X(QK_F10, "F10") X(QK_F11, "F11") X(QK_F12, "F12") \
	X(QK_UP, "Up") X(QK_DOWN, "Down") X(QK_LEFT, "Left") X(QK_RIGHT, "Right") \
	X(QK_PGUP, "PgUp") X(QK_PGDN, "PgDn") X(QK_HOME, "Home") X(QK_END, "End") \
	X(QK_ENTER, "Enter") X(QK_ESC, "Esc") X(QK_TAB, "Tab") X(QK_BTAB, "BTab") \
	X(QK_BACKSPACE, "Backspace") X(QK_DELETE, "Delete") \
	X(QK_RESIZE, "Resize")

#define QKEY_ENUM(code, name) code,
enum {
	QK_NONE = 0,
	QK__NAMED = 0x110000,
	QKEY_NAMES(QKEY_ENUM)
	QK__END
};
#undef QKEY_ENUM

/* Action groups, in the order the help overlay lists them. */
#define ACTION_GROUPS(X) \
	X(GRP_NAV, N_("Navigation")) \
	X(GRP_FIND, N_("Find and filter")) \
	X(GRP_APPEAL, N_("Appeal actions")) \
	X(GRP_CALENDAR, N_("Calendar and inspections")) \
	X(GRP_EXPORT, N_("Export")) \
	X(GRP_TERM, N_("Terminal settings"))

#define ACTION_GROUP_ENUM(id, label) id,
typedef enum action_group { ACTION_GROUPS(ACTION_GROUP_ENUM) GRP__COUNT } action_group;
#undef ACTION_GROUP_ENUM

/* id, name in [keys], group, default keys ([keys] syntax), short label for the F-key
 * bar, help text. The direct tab keys 1–9 are generic: which tabs exist is the ui's
 * PANES table, which also words them; a number without a tab stays unbound.
 * UX.md's key table: F-keys first, never C-s/C-q, Alt or F11. */
#define ACTIONS(X) \
	X(ACT_HELP, "help", GRP_NAV, "F1, ?, ？", N_("Help"), \
	  N_("show this help: keys, legend and terminal settings")) \
	X(ACT_QUIT, "quit", GRP_NAV, "F10", N_("Quit"), N_("quit qifu")) \
	X(ACT_BACK, "back", GRP_NAV, "q", N_("Back"), \
	  N_("back out of an overlay; quits at the top level")) \
	X(ACT_CANCEL, "cancel", GRP_NAV, "Esc", N_("Cancel"), \
	  N_("cancel a prompt or close an overlay; never quits")) \
	X(ACT_UP, "up", GRP_NAV, "Up, k", N_("Up"), N_("move up one row")) \
	X(ACT_DOWN, "down", GRP_NAV, "Down, j", N_("Down"), N_("move down one row")) \
	X(ACT_LEFT, "left", GRP_NAV, "Left", N_("Left"), N_("move left (calendar: previous day)")) \
	X(ACT_RIGHT, "right", GRP_NAV, "Right", N_("Right"), N_("move right (calendar: next day)")) \
	X(ACT_PAGE_UP, "page_up", GRP_NAV, "PgUp", N_("Page up"), \
	  N_("one page up (calendar: previous month)")) \
	X(ACT_PAGE_DOWN, "page_down", GRP_NAV, "PgDn", N_("Page down"), \
	  N_("one page down (calendar: next month)")) \
	X(ACT_FIRST, "first", GRP_NAV, "Home, g", N_("First"), \
	  N_("go to the first row (calendar: jump to a date)")) \
	X(ACT_LAST, "last", GRP_NAV, "End, G", N_("Last"), \
	  N_("go to the last row (calendar: the month's last day)")) \
	X(ACT_OPEN, "open", GRP_NAV, "Enter, l", N_("Open"), N_("open the selected row")) \
	X(ACT_NEXT_TAB, "next_tab", GRP_NAV, "Tab", N_("Next tab"), \
	  N_("go to the next tab; with the list and a detail side by side, move between them")) \
	X(ACT_PREV_TAB, "prev_tab", GRP_NAV, "BTab", N_("Previous tab"), \
	  N_("go to the previous tab; with the list and a detail side by side, move between them")) \
	X(ACT_TAB_1, "tab_1", GRP_NAV, "1", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_2, "tab_2", GRP_NAV, "2", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_3, "tab_3", GRP_NAV, "3", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_4, "tab_4", GRP_NAV, "4", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_5, "tab_5", GRP_NAV, "5", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_6, "tab_6", GRP_NAV, "6", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_7, "tab_7", GRP_NAV, "7", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_8, "tab_8", GRP_NAV, "8", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_TAB_9, "tab_9", GRP_NAV, "9", N_("Tab"), N_("go to the tab of that number")) \
	X(ACT_PREV_MONTH, "prev_month", GRP_CALENDAR, "[", N_("Previous month"), \
	  N_("calendar: previous month")) \
	X(ACT_NEXT_MONTH, "next_month", GRP_CALENDAR, "]", N_("Next month"), \
	  N_("calendar: next month")) \
	X(ACT_TODAY, "today", GRP_CALENDAR, "t", N_("Today"), N_("calendar: go to today")) \
	X(ACT_CHECK_DATE, "check_date", GRP_CALENDAR, "F12, c", N_("Check"), \
	  N_("calendar: may an inspection take place on the selected day? Asks for the reason " \
	     "and the registration date and answers as qifu inspect check does")) \
	X(ACT_VERIFY, "verify", GRP_CALENDAR, "V", N_("Verify"), \
	  N_("calendar: verify a plan code (执法计划码) as an enterprise asks at the door: whose " \
	     "plan it is, what it covers and whether it holds today")) \
	X(ACT_REFUSAL, "refusal", GRP_CALENDAR, "R", N_("Refused entry"), \
	  N_("calendar: record an entry an enterprise refused because the unit had no registered " \
	     "plan (未报备入企被拒)")) \
	X(ACT_REFRESH, "refresh", GRP_NAV, "F5, r, C-r", N_("Refresh"), \
	  N_("read the data again from the database")) \
	X(ACT_MENU, "menu", GRP_NAV, "F9, :, ：", N_("Menu"), \
	  N_("command menu: every action with its keys")) \
	X(ACT_SEARCH, "search", GRP_FIND, "F3, /, ／, 、", N_("Search"), \
	  N_("search; typing a Chinese character starts a search with it (calendar: jump to a " \
	     "date)")) \
	X(ACT_SEARCH_NEXT, "search_next", GRP_FIND, "n", N_("Next match"), \
	  N_("go to the next match")) \
	X(ACT_SEARCH_PREV, "search_prev", GRP_FIND, "N", N_("Previous match"), \
	  N_("go to the previous match")) \
	X(ACT_FILTER, "filter", GRP_FIND, "F4, f", N_("Filter"), \
	  N_("show only matching rows (Enterprises: a form of filters); Esc there clears them")) \
	X(ACT_SORT, "sort", GRP_FIND, "F6, s", N_("Sort"), N_("sort by the next column")) \
	X(ACT_SORT_REVERSE, "sort_reverse", GRP_FIND, "S", N_("Reverse"), \
	  N_("reverse the sort order")) \
	X(ACT_NEW, "new", GRP_APPEAL, "F2, a", N_("New"), \
	  N_("register a new record (Escalation tab, quarterly assessment: enter a rating; " \
	     "督办/问责: file a supervision request; staff: add a login)")) \
	X(ACT_MOVE, "move", GRP_APPEAL, "m", N_("Move"), \
	  N_("the moves you may make now on the selected appeal (Appeals) or inspection plan " \
	     "(Calendar: approve, record done, evaluate, cancel), each with its form; in the " \
	     "open financing needs (Enterprises), the need's status, institution and amount " \
	     "funded")) \
	X(ACT_CALLBACK, "callback", GRP_APPEAL, "b", N_("Callback"), \
	  N_("Appeals: call the enterprises back one appeal after another (the callback queue)")) \
	X(ACT_EDIT, "edit", GRP_APPEAL, "E, C-e", N_("Edit"), \
	  N_("edit the selected record (the enterprise in the Enterprises tab, the login in " \
	     "the Escalation tab's staff)")) \
	X(ACT_UNDO, "undo", GRP_APPEAL, "F8, u", N_("Undo"), \
	  N_("undo the last reversible action; again to redo it")) \
	X(ACT_ESCALATE, "escalate", GRP_APPEAL, "x", N_("Escalate"), \
	  N_("Escalation tab: raise the selected appeal one level, with a reason; in " \
	     "督办/问责, hold the unit of an unresolved request to account")) \
	X(ACT_SCHEDULE, "schedule", GRP_APPEAL, "d", N_("Dispatch"), \
	  N_("Escalation tab: record a dispatch (meeting or on site) at the appeal's level")) \
	X(ACT_OUTCOME, "outcome", GRP_APPEAL, "o", N_("Outcome"), \
	  N_("Escalation tab: record the outcome of the latest dispatch at the appeal's " \
	     "level, or in 督办/问责 of the selected supervision request")) \
	X(ACT_FREEZE, "freeze", GRP_APPEAL, "Z", N_("Freeze"), \
	  N_("Escalation tab, quarterly assessment: freeze the quarter's ratings for good " \
	     "(supervisors; asked first)")) \
	X(ACT_DISABLE, "disable", GRP_APPEAL, "D", N_("Disable"), \
	  N_("Escalation tab, staff (administrators): disable the selected login, or enable " \
	     "it again; asked first, never deleted")) \
	X(ACT_NEXT_VIEW, "next_view", GRP_NAV, "v", N_("View"), \
	  N_("Escalation tab: switch between the board, the supervision figures, the " \
	     "quarterly and the annual assessment, for supervisors and leaders 督办/问责 " \
	     "and, for administrators, the staff; Enterprises tab: between the register, " \
	     "the open financing needs, the whistles and the coverage gaps; Appeals tab: " \
	     "the matching queue of held work orders, where Enter picks the enterprise and " \
	     "registers the appeal; Services tab: between outreach events, talent " \
	     "services and school–enterprise programmes")) \
	X(ACT_EXPORT, "export", GRP_EXPORT, "F7, e", N_("Export"), \
	  N_("export the current list to a file; on an appeal, print its dispatch or " \
	     "supervision sheet; on an approved inspection plan, its notice; on a report, " \
	     "the report as text or a workbook")) \
	X(ACT_IMPORT, "import", GRP_EXPORT, "I, C-o", N_("Import"), \
	  N_("import enterprises from a CSV file (Escalation tab, quarterly assessment: " \
	     "ratings; Appeals: a 12345 work-order export, whose orders no enterprise matches " \
	     "wait in the matching queue; Services, in an outreach event: its sign-in sheet): " \
	     "a preview and the errors first, then [y/N]")) \
	X(ACT_CARD, "card", GRP_EXPORT, "p", N_("Card"), \
	  N_("Enterprises tab: print the service contact card (服务企业联系卡) of the selected " \
	     "enterprise as text or a workbook, and record it delivered if you say so; in " \
	     "the coverage gaps, the cards of every enterprise listed in one file")) \
	X(ACT_REDRAW, "redraw", GRP_TERM, "C-l", N_("Redraw"), \
	  N_("redraw the whole screen after it was garbled"))

#define ACTION_ENUM(id, name, group, keys, label, help) id,
typedef enum action { ACT_NONE = -1, ACTIONS(ACTION_ENUM) ACT__COUNT } action;
#undef ACTION_ENUM

/* the most keys one action can have */
#define KEYMAP_MAX_KEYS 8

typedef struct keymap keymap;

/* a keymap holding the compiled-in defaults */
keymap *keymap_new(void);
void keymap_free(keymap **km);

/* replace the bindings of the action named `name` with the keys in `value`
 * ("F3, /, ／"); a key taken from another action leaves it. -1, the keymap unchanged,
 * and a message naming where (file:line, when file is not NULL) and what is wrong:
 * an unknown action or key, too many keys, or none (an empty value) */
int keymap_bind(keymap *km, const char *name, const char *value, const char *file, int line,
                strbuf *err);
struct settings;
/* apply every [keys] line of the settings in order; each bad line is skipped and its
 * "file:line: reason" appended to err, one a line; returns the number of bad lines.
 * Bad besides what keymap_bind refuses: a key that an earlier line of the same file
 * gave another action (a later file may take it: the user's over the system's) */
int keymap_load_settings(keymap *km, const struct settings *s, strbuf *err);
/* the action bound to key k, or ACT_NONE */
action keymap_action(const keymap *km, qkey k);
/* the keys bound to a, in binding order; returns their number */
int keymap_keys(const keymap *km, action a, const qkey **keys);
/* the first function key F1…F12 bound to a, as 1…12; 0 when none */
int keymap_fkey(const keymap *km, action a);

/* Esc then a digit ([display] esc_digits): that F-key (Esc 1 is F1, Esc 0 is F10) for
 * a desktop that takes the F-keys, or Esc and then the digit's own key (3 is tab 3). */
typedef enum esc_digits {
	ESC_DIGITS_AUTO,     /* F-keys only on a terminal without F-keys of its own */
	ESC_DIGITS_FKEYS,    /* always F-keys */
	ESC_DIGITS_OFF,      /* never */
} esc_digits;

/* the setting's value ("auto", "fkeys", "off"); auto for anything else */
esc_digits esc_digits_parse(const char *value);
/* whether Esc then a digit is read as an F-key, given the setting and whether the
 * terminal has F1 to F10 of its own: the program waits for the digit only then */
bool esc_digits_fkeys(esc_digits mode, bool term_has_fkeys);
/* the key Esc then next makes when it is read as one (esc_digits_fkeys): F1…F10 for
 * a digit; QK_NONE when it stays Esc followed by next */
qkey esc_digit_key(esc_digits mode, bool term_has_fkeys, qkey next);

/* the [keys] name of a ("help"), its group, bar label and help text (msgids) */
const char *action_name(action a);
action_group action_group_of(action a);
const char *action_label(action a);
const char *action_help(action a);
/* the action named `name`, or ACT_NONE */
action action_by_name(const char *name);
/* the group's heading (msgid) */
const char *action_group_label(action_group g);

/* parse one key name ("F3", "C-l", "？", "Space"); 0 ok, -1 unknown or unbindable with
 * the reason in err */
int key_parse(const char *s, qkey *out, strbuf *err);
/* a key's name as key_parse reads it, into buf (at least 16 bytes); returns buf */
char *key_format(qkey k, char *buf);
/* all keys of a joined with " " ("F1 ? ？"), appended to out */
void keymap_describe(const keymap *km, action a, strbuf *out);

#endif
