/* The keymap: compiled-in defaults against UX.md's key table, key-name parsing and
 * formatting, [keys] overrides and their file:line errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/keymap.h"
#include "config/settings.h"

static void test_defaults(void **state)
{
	(void)state;
	static const struct { qkey k; action a; } t[] = {
		{ QK_F1, ACT_HELP }, { '?', ACT_HELP }, { 0xFF1F, ACT_HELP },
		{ QK_F2, ACT_NEW }, { 'a', ACT_NEW },
		{ QK_F3, ACT_SEARCH }, { '/', ACT_SEARCH }, { 0xFF0F, ACT_SEARCH },
		{ 0x3001, ACT_SEARCH }, { 'n', ACT_SEARCH_NEXT }, { 'N', ACT_SEARCH_PREV },
		{ QK_F4, ACT_FILTER }, { 'f', ACT_FILTER },
		{ QK_F5, ACT_REFRESH }, { 'r', ACT_REFRESH }, { 18, ACT_REFRESH },
		{ QK_F6, ACT_SORT }, { 's', ACT_SORT }, { 'S', ACT_SORT_REVERSE },
		{ QK_F7, ACT_EXPORT }, { 'e', ACT_EXPORT },
		{ QK_F8, ACT_UNDO }, { 'u', ACT_UNDO },
		{ 'E', ACT_EDIT }, { 5, ACT_EDIT }, { 'I', ACT_IMPORT }, { 15, ACT_IMPORT },
		{ QK_F9, ACT_MENU }, { ':', ACT_MENU }, { 0xFF1A, ACT_MENU },
		{ QK_F10, ACT_QUIT }, { 'q', ACT_BACK }, { QK_ESC, ACT_CANCEL },
		{ QK_UP, ACT_UP }, { 'k', ACT_UP }, { QK_DOWN, ACT_DOWN }, { 'j', ACT_DOWN },
		{ QK_PGUP, ACT_PAGE_UP }, { QK_PGDN, ACT_PAGE_DOWN },
		{ QK_HOME, ACT_FIRST }, { 'g', ACT_FIRST }, { QK_END, ACT_LAST }, { 'G', ACT_LAST },
		{ QK_ENTER, ACT_OPEN }, { 'l', ACT_OPEN },
		{ QK_TAB, ACT_NEXT_TAB }, { QK_BTAB, ACT_PREV_TAB },
		{ '1', ACT_TAB_1 }, { '2', ACT_TAB_2 }, { '3', ACT_TAB_3 }, { '4', ACT_TAB_4 },
		{ '5', ACT_TAB_5 }, { '9', ACT_TAB_9 },
		{ '[', ACT_PREV_MONTH }, { ']', ACT_NEXT_MONTH }, { 't', ACT_TODAY },
		{ QK_F12, ACT_CHECK_DATE }, { 'c', ACT_CHECK_DATE },
		{ 12, ACT_REDRAW },
		/* UX.md: never F11, C-s, C-q; unbound keys stay unbound */
		{ QK_F11, ACT_NONE }, { 19, ACT_NONE }, { 17, ACT_NONE },
		{ 'z', ACT_NONE }, { 0x534E, ACT_NONE },
		{ 'x', ACT_ESCALATE }, { 'd', ACT_SCHEDULE }, { 'o', ACT_OUTCOME }, { 'v', ACT_NEXT_VIEW }, { QK_RESIZE, ACT_NONE },
	};
	keymap *km = keymap_new();
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(keymap_action(km, t[i].k), t[i].a);
	keymap_free(&km);
	assert_null(km);
}

/* no key is bound twice, every action has a key, a label and help */
static void test_defaults_consistent(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	for (int a = 0; a < ACT__COUNT; a++) {
		const qkey *keys;
		int n = keymap_keys(km, (action)a, &keys);
		assert_true(n >= 1);
		assert_true(strlen(action_label((action)a)) > 0);
		assert_true(strlen(action_help((action)a)) > 0);
		assert_int_equal(action_by_name(action_name((action)a)), a);
		for (int i = 0; i < n; i++) {
			assert_int_equal(keymap_action(km, keys[i]), a);
			for (int b = 0; b < ACT__COUNT; b++) {
				const qkey *other;
				int m = keymap_keys(km, (action)b, &other);
				for (int j = 0; j < m; j++)
					if (b != a || j != i)
						assert_int_not_equal(other[j], keys[i]);
			}
		}
	}
	keymap_free(&km);
}

/* the F-key bar of UX.md: 1帮助 2新建 3查找 4筛选 5刷新 6排序 7导出 8撤销 9菜单 10退出 */
static void test_fkeys(void **state)
{
	(void)state;
	static const struct { action a; int f; } t[] = {
		{ ACT_HELP, 1 }, { ACT_NEW, 2 }, { ACT_SEARCH, 3 }, { ACT_FILTER, 4 },
		{ ACT_REFRESH, 5 }, { ACT_SORT, 6 }, { ACT_EXPORT, 7 }, { ACT_UNDO, 8 },
		{ ACT_MENU, 9 }, { ACT_QUIT, 10 }, { ACT_CHECK_DATE, 12 }, { ACT_REDRAW, 0 },
		{ ACT_DOWN, 0 },
	};
	keymap *km = keymap_new();
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(keymap_fkey(km, t[i].a), t[i].f);
	keymap_free(&km);
}

static void test_parse_format(void **state)
{
	(void)state;
	static const struct { const char *in; int ok; qkey k; const char *out; } t[] = {
		{ "F1", 1, QK_F1, "F1" }, { "f12", 1, QK_F12, "F12" }, { "F10", 1, QK_F10, "F10" },
		{ "Up", 1, QK_UP, "Up" }, { "down", 1, QK_DOWN, "Down" },
		{ "PgUp", 1, QK_PGUP, "PgUp" }, { "PGDN", 1, QK_PGDN, "PgDn" },
		{ "Home", 1, QK_HOME, "Home" }, { "End", 1, QK_END, "End" },
		{ "Enter", 1, QK_ENTER, "Enter" }, { "Esc", 1, QK_ESC, "Esc" },
		{ "Tab", 1, QK_TAB, "Tab" }, { "BTab", 1, QK_BTAB, "BTab" },
		{ "Backspace", 1, QK_BACKSPACE, "Backspace" },
		{ "C-a", 1, 1, "C-a" }, { "C-l", 1, 12, "C-l" }, { "C-L", 1, 12, "C-l" },
		{ "c-r", 1, 18, "C-r" }, { "C-i", 1, QK_TAB, "Tab" }, { "C-m", 1, QK_ENTER, "Enter" },
		{ "C-h", 1, QK_BACKSPACE, "Backspace" },
		{ "q", 1, 'q', "q" }, { "G", 1, 'G', "G" }, { "?", 1, '?', "?" },
		{ "？", 1, 0xFF1F, "？" }, { "／", 1, 0xFF0F, "／" }, { "、", 1, 0x3001, "、" },
		{ "：", 1, 0xFF1A, "：" }, { "ｙ", 1, 0xFF59, "ｙ" }, { "华", 1, 0x534E, "华" },
		{ "Space", 1, ' ', "Space" }, { "Comma", 1, ',', "Comma" }, { "Hash", 1, '#', "Hash" },
		{ "", 0, 0, NULL }, { "Foo", 0, 0, NULL }, { "ab", 0, 0, NULL }, { "华勤", 0, 0, NULL },
		{ "C-s", 0, 0, NULL }, { "C-q", 0, 0, NULL }, { "C-c", 0, 0, NULL },
		{ "C-z", 0, 0, NULL }, { "C-1", 0, 0, NULL }, { "C-", 0, 0, NULL },
		{ "\x80", 0, 0, NULL }, { "\xe5\x8d", 0, 0, NULL }, { "\x7f", 0, 0, NULL },
		{ "Resize", 0, 0, NULL }, { "F13", 0, 0, NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		qkey k = QK_NONE;
		strbuf err = STRBUF_INIT;
		int rc = key_parse(t[i].in, &k, &err);
		if (t[i].ok) {
			char buf[16];
			assert_int_equal(rc, 0);
			assert_int_equal(k, t[i].k);
			assert_string_equal(key_format(k, buf), t[i].out);
			assert_int_equal(err.len, 0);
		} else {
			assert_int_equal(rc, -1);
			assert_true(err.len > 0);
		}
		sb_free(&err);
	}
	strbuf err = STRBUF_INIT;
	qkey k;
	assert_int_equal(key_parse("C-s", &k, &err), -1);
	assert_non_null(strstr(sb_str(&err), "flow control"));
	sb_free(&err);
}

static void test_bind(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	strbuf err = STRBUF_INIT;
	const qkey *keys;

	/* replaces the action's bindings: '/' is no longer search */
	assert_int_equal(keymap_bind(km, "search", "F3, x", "a.ini", 3, &err), 0);
	assert_int_equal(keymap_action(km, 'x'), ACT_SEARCH);
	assert_int_equal(keymap_action(km, '/'), ACT_NONE);
	assert_int_equal(keymap_action(km, 0xFF0F), ACT_NONE);
	assert_int_equal(keymap_keys(km, ACT_SEARCH, &keys), 2);

	/* a key taken from another action leaves it */
	assert_int_equal(keymap_bind(km, "help", " j ,F1", "a.ini", 4, &err), 0);
	assert_int_equal(keymap_action(km, 'j'), ACT_HELP);
	assert_int_equal(keymap_action(km, '?'), ACT_NONE);
	assert_int_equal(keymap_keys(km, ACT_DOWN, &keys), 1);
	assert_int_equal(keys[0], QK_DOWN);

	/* full-width spaces from an input method are trimmed; duplicates collapse */
	assert_int_equal(keymap_bind(km, "refresh", "F5\xe3\x80\x80,\xe3\x80\x80r, r, ,", NULL, 0,
	                             &err), 0);
	assert_int_equal(keymap_keys(km, ACT_REFRESH, &keys), 2);
	assert_int_equal(keys[1], 'r');
	assert_int_equal(keymap_action(km, 18), ACT_NONE);

	strbuf d = STRBUF_INIT;
	keymap_describe(km, ACT_HELP, &d);
	assert_string_equal(sb_str(&d), "j F1");
	sb_free(&d);

	assert_int_equal(err.len, 0);
	keymap_free(&km);
	sb_free(&err);
}

static void test_bind_errors(void **state)
{
	(void)state;
	static const struct { const char *name, *value, *want; } t[] = {
		{ "serch", "F3", "/etc/qifu/qifu.ini:12: unknown action 'serch'" },
		{ "search", "F3, Slash", "/etc/qifu/qifu.ini:12: search: unknown key name 'Slash'" },
		{ "quit", "C-q", "/etc/qifu/qifu.ini:12: quit: key C-q cannot be bound" },
		{ "help", "a,b,c,d,e,f,g,h,i", "/etc/qifu/qifu.ini:12: help: at most 8 keys" },
		/* an empty value (often one cut short by an unquoted ';') keeps the keys */
		{ "search", "", "/etc/qifu/qifu.ini:12: search: no key given" },
		{ "quit", " , \xe3\x80\x80", "/etc/qifu/qifu.ini:12: quit: no key given" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		keymap *km = keymap_new();
		strbuf err = STRBUF_INIT;
		assert_int_equal(keymap_bind(km, t[i].name, t[i].value, "/etc/qifu/qifu.ini", 12,
		                             &err), -1);
		assert_non_null(strstr(sb_str(&err), t[i].want));
		/* a refused line leaves the keymap as it was */
		assert_int_equal(keymap_action(km, QK_F3), ACT_SEARCH);
		assert_int_equal(keymap_action(km, QK_F10), ACT_QUIT);
		assert_int_equal(keymap_action(km, QK_F1), ACT_HELP);
		sb_free(&err);
		keymap_free(&km);
	}
}

/* text in a new file named from the mkstemp template path */
static void write_temp(char *path, const char *text)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* [keys] lines through the settings module, as main loads them */
static void test_load_settings(void **state)
{
	(void)state;
	char path[] = "/tmp/qifu-test-keymap-XXXXXX";
	write_temp(path, "[keys]\n"
	                 "search = F3, x\n"
	                 "no_such_action = F4\n"
	                 "help = F1, Slash\n"
	                 "quit = F10, Q\n");
	settings *s = settings_new();
	assert_int_equal(settings_load_file(s, path, true, NULL), 0);
	keymap *km = keymap_new();
	strbuf err = STRBUF_INIT;
	assert_int_equal(keymap_load_settings(km, s, &err), 2);
	char want1[128], want2[128];
	snprintf(want1, sizeof want1, "%s:3: unknown action 'no_such_action'", path);
	snprintf(want2, sizeof want2, "%s:4: help: unknown key name 'Slash'", path);
	assert_non_null(strstr(sb_str(&err), want1));
	assert_non_null(strstr(sb_str(&err), want2));
	assert_non_null(strchr(sb_str(&err), '\n'));
	/* good lines applied, bad ones left the defaults alone */
	assert_int_equal(keymap_action(km, 'x'), ACT_SEARCH);
	assert_int_equal(keymap_action(km, '/'), ACT_NONE);
	assert_int_equal(keymap_action(km, 'Q'), ACT_QUIT);
	assert_int_equal(keymap_action(km, '?'), ACT_HELP);
	assert_int_equal(keymap_action(km, QK_F4), ACT_FILTER);
	sb_free(&err);
	keymap_free(&km);
	settings_free(&s);
	unlink(path);
}

/* [keys] through two layers: within one file an empty value or a key given to two
 * actions is reported at its line and left out (the earlier binding kept); a later
 * file may take a key an earlier one gave (the user's over the system's) */
static void test_load_conflicts(void **state)
{
	(void)state;
	char sys[] = "/tmp/qifu-test-keys-sys-XXXXXX", user[] = "/tmp/qifu-test-keys-user-XXXXXX";
	write_temp(sys, "[keys]\n"
	                "search = F3, x\n"
	                "filter = x\n"
	                "undo =\n"
	                "help = F1, y\n");
	write_temp(user, "[keys]\n"
	                 "refresh = y\n"
	                 "export = ;\n");
	settings *s = settings_new();
	assert_int_equal(settings_load_file(s, sys, true, NULL), 0);
	assert_int_equal(settings_load_file(s, user, true, NULL), 0);
	keymap *km = keymap_new();
	strbuf err = STRBUF_INIT;
	assert_int_equal(keymap_load_settings(km, s, &err), 3);
	char want[3][200];
	snprintf(want[0], sizeof want[0], "%s:3: filter: key x is already bound to search on "
	         "line 2", sys);
	snprintf(want[1], sizeof want[1], "%s:4: undo: no key given", sys);
	snprintf(want[2], sizeof want[2], "%s:3: export: no key given", user);
	for (int i = 0; i < 3; i++)
		if (!strstr(sb_str(&err), want[i]))
			fail_msg("missing \"%s\" in:\n%s", want[i], sb_str(&err));
	/* the earlier bindings stand */
	assert_int_equal(keymap_action(km, 'x'), ACT_SEARCH);
	assert_int_equal(keymap_action(km, QK_F4), ACT_FILTER);
	assert_int_equal(keymap_action(km, QK_F8), ACT_UNDO);
	assert_int_not_equal(keymap_fkey(km, ACT_EXPORT), 0);
	/* the user's file took y from the system's help */
	assert_int_equal(keymap_action(km, 'y'), ACT_REFRESH);
	assert_int_equal(keymap_action(km, QK_F1), ACT_HELP);
	sb_free(&err);
	keymap_free(&km);
	settings_free(&s);
	unlink(sys);
	unlink(user);
}

static void test_groups(void **state)
{
	(void)state;
	static const struct { action a; action_group g; } t[] = {
		{ ACT_HELP, GRP_NAV }, { ACT_DOWN, GRP_NAV }, { ACT_SEARCH, GRP_FIND },
		{ ACT_FILTER, GRP_FIND }, { ACT_SORT, GRP_FIND }, { ACT_NEW, GRP_APPEAL },
		{ ACT_UNDO, GRP_APPEAL }, { ACT_EXPORT, GRP_EXPORT }, { ACT_REDRAW, GRP_TERM },
		{ ACT_TODAY, GRP_CALENDAR }, { ACT_NEXT_MONTH, GRP_CALENDAR },
		{ ACT_CHECK_DATE, GRP_CALENDAR },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		assert_int_equal(action_group_of(t[i].a), t[i].g);
	assert_string_equal(action_group_label(GRP_NAV), "Navigation");
	assert_string_equal(action_group_label(GRP_TERM), "Terminal settings");
	assert_string_equal(action_name(ACT_SEARCH_NEXT), "search_next");
	assert_int_equal(action_by_name("nope"), ACT_NONE);
	assert_string_equal(action_name(ACT_NONE), "");
}

/* Esc then a digit: that F-key only on a terminal without F-keys or when the setting
 * asks for it; otherwise Esc and then the digit, which is a tab of its own */
static void test_esc_digits(void **state)
{
	(void)state;
	static const struct {
		esc_digits mode;
		bool has_fkeys;
		qkey next;
		qkey want;            /* QK_NONE: Esc, then next as a key of its own */
	} t[] = {
		/* xterm, PuTTY, Xshell: F-keys of their own, Esc 3 is Esc then tab 3 */
		{ ESC_DIGITS_AUTO, true, '3', QK_NONE },
		{ ESC_DIGITS_AUTO, true, '1', QK_NONE },
		/* a terminal without F-keys: Esc 3 is F3, Esc 0 is F10 */
		{ ESC_DIGITS_AUTO, false, '3', QK_F3 },
		{ ESC_DIGITS_AUTO, false, '1', QK_F1 },
		{ ESC_DIGITS_AUTO, false, '9', QK_F9 },
		{ ESC_DIGITS_AUTO, false, '0', QK_F10 },
		{ ESC_DIGITS_AUTO, false, 'q', QK_NONE },
		{ ESC_DIGITS_AUTO, false, QK_F2, QK_NONE },
		{ ESC_DIGITS_AUTO, false, 0x4e00, QK_NONE },	/* 一 */
		/* the desktop takes the F-keys: the setting asks for Esc digits */
		{ ESC_DIGITS_FKEYS, true, '3', QK_F3 },
		{ ESC_DIGITS_FKEYS, true, '0', QK_F10 },
		{ ESC_DIGITS_FKEYS, false, '5', QK_F5 },
		{ ESC_DIGITS_FKEYS, true, 'j', QK_NONE },
		/* never */
		{ ESC_DIGITS_OFF, false, '3', QK_NONE },
		{ ESC_DIGITS_OFF, true, '1', QK_NONE },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		qkey got = esc_digit_key(t[i].mode, t[i].has_fkeys, t[i].next);
		if (got != t[i].want)
			fail_msg("row %zu: Esc then %d gives %d, want %d", i, (int)t[i].next, (int)got,
			         (int)t[i].want);
		/* the program waits for a digit exactly when one would be an F-key */
		bool waits = esc_digits_fkeys(t[i].mode, t[i].has_fkeys);
		if (waits != (esc_digit_key(t[i].mode, t[i].has_fkeys, '1') != QK_NONE))
			fail_msg("row %zu: waits %d", i, waits);
	}
	assert_int_equal(esc_digits_parse("auto"), ESC_DIGITS_AUTO);
	assert_int_equal(esc_digits_parse("fkeys"), ESC_DIGITS_FKEYS);
	assert_int_equal(esc_digits_parse("off"), ESC_DIGITS_OFF);
	assert_int_equal(esc_digits_parse(NULL), ESC_DIGITS_AUTO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_defaults_consistent),
		cmocka_unit_test(test_fkeys),
		cmocka_unit_test(test_parse_format),
		cmocka_unit_test(test_bind),
		cmocka_unit_test(test_bind_errors),
		cmocka_unit_test(test_load_settings),
		cmocka_unit_test(test_load_conflicts),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_esc_digits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
