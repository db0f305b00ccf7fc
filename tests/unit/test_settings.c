/* Settings: value parsing and validation per type, layering, the iniparser traps
 * (BOM, over-long and bad lines), diagnostics with lines and suggestions, [keys],
 * and that config/qifu.ini and `qifu config` stay generated from the one table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qifu-build.h"
#include "cli/cli.h"
#include "config/settings.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

static char *fixture(const char *name)
{
	return xasprintf("%s/../tests/data/config/%s", QIFU_SRC_DATADIR, name);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	strbuf b = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&b, buf, n);
	fclose(f);
	sb_add(&b, "");
	return sb_steal(&b);
}

/* a temp file holding text; the caller unlinks and frees the path */
static char *write_temp(const char *text)
{
	char *path = xstrdup("/tmp/qifu-test-settings-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t len = strlen(text);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);
	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* the problem at index i has this kind and line */
static void assert_problem(const settings_diag *d, size_t i, settings_problem_kind kind, int line)
{
	const settings_problem *p = settings_diag_at(d, i);
	assert_non_null(p);
	assert_int_equal(p->kind, kind);
	assert_int_equal(p->line, line);
}

static void test_defaults(void **state)
{
	(void)state;
	settings *s = settings_new();
	for (int id = 0; id < SET__COUNT; id++) {
		const setting_info *in = settings_info(id);
		assert_string_equal(cfg_source(s, id), "default");
		assert_string_equal(cfg_str(s, id), in->def);
		if (in->type == SET_T_INT) {
			assert_int_equal(cfg_int(s, id), strtol(in->def, NULL, 10));
			assert_true(in->min <= in->max);
		}
	}
	assert_int_equal(cfg_int(s, SET_DB_BUSY_TIMEOUT_MS), 15000);
	/* auto: the full-screen program asks the terminal; the index of "auto" is 0 */
	assert_string_equal(cfg_str(s, SET_AMBIGUOUS_WIDTH), "auto");
	assert_int_equal(cfg_int(s, SET_AMBIGUOUS_WIDTH), 0);
	assert_int_equal(cfg_int(s, SET_ESCDELAY_MS), 25);
	assert_false(cfg_bool(s, SET_MOUSE));
	assert_string_equal(cfg_str(s, SET_THEME), "default");
	assert_int_equal(cfg_int(s, SET_THEME), 0);
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 3);
	assert_int_equal(cfg_int(s, SET_COMPLEX_DAYS), 7);
	assert_int_equal(cfg_int(s, SET_QUIET_LAST_DAY), 23);
	assert_int_equal(cfg_int(s, SET_FIRST_VIOLATION_YEARS), 2);
	assert_int_equal(cfg_int(s, SET_TIER1_MIN), 90);
	assert_int_equal(cfg_int(s, SET_TIER2_MIN), 80);
	assert_int_equal(settings_keys_count(s), 0);
	settings_free(&s);
	assert_null(s);
}

/* every type through cfg_set, the same validation files go through */
static void test_set_values(void **state)
{
	(void)state;
	static const struct {
		setting_id id;
		const char *in;
		int rc;
		const char *out;        /* canonical value, or the kept default on error */
		const char *msg;        /* part of the error message */
	} t[] = {
		{ SET_ESCDELAY_MS, "010", 0, "10", NULL },
		{ SET_ESCDELAY_MS, "0", 0, "0", NULL },
		{ SET_ESCDELAY_MS, "1000", 0, "1000", NULL },
		{ SET_ESCDELAY_MS, "+50", 0, "50", NULL },
		{ SET_ESCDELAY_MS, "1001", -1, "25", "out of range 0..1000" },
		{ SET_ESCDELAY_MS, "-1", -1, "25", "out of range 0..1000" },
		{ SET_ESCDELAY_MS, "99999999999999999999999", -1, "25", "out of range" },
		{ SET_ESCDELAY_MS, "abc", -1, "25", "not a whole number" },
		{ SET_ESCDELAY_MS, "", -1, "25", "not a whole number" },
		{ SET_ESCDELAY_MS, "0x10", -1, "25", "not a whole number" },
		{ SET_ESCDELAY_MS, "1e2", -1, "25", "not a whole number" },
		{ SET_ESCDELAY_MS, " 5", -1, "25", "not a whole number" },
		{ SET_ESCDELAY_MS, "5 ms", -1, "25", "not a whole number" },
		{ SET_ESCDELAY_MS, "+", -1, "25", "not a whole number" },
		{ SET_AMBIGUOUS_WIDTH, "2", 0, "2", NULL },
		{ SET_AMBIGUOUS_WIDTH, "1", 0, "1", NULL },
		{ SET_AMBIGUOUS_WIDTH, "AUTO", 0, "auto", NULL },
		{ SET_AMBIGUOUS_WIDTH, "3", -1, "auto", "not one of: auto, 1, 2" },
		{ SET_AMBIGUOUS_WIDTH, "0", -1, "auto", "not one of: auto, 1, 2" },
		{ SET_MOUSE, "on", 0, "on", NULL },
		{ SET_MOUSE, "ON", 0, "on", NULL },
		{ SET_MOUSE, "yes", 0, "on", NULL },
		{ SET_MOUSE, "True", 0, "on", NULL },
		{ SET_MOUSE, "1", 0, "on", NULL },
		{ SET_MOUSE, "off", 0, "off", NULL },
		{ SET_MOUSE, "no", 0, "off", NULL },
		{ SET_MOUSE, "false", 0, "off", NULL },
		{ SET_MOUSE, "0", 0, "off", NULL },
		{ SET_MOUSE, "o", -1, "off", "on/off" },
		{ SET_MOUSE, "enabled", -1, "off", "on/off" },
		{ SET_MOUSE, "2", -1, "off", "on/off" },
		{ SET_MOUSE, "", -1, "off", "on/off" },
		{ SET_THEME, "mono", 0, "mono", NULL },
		{ SET_THEME, "MONO", 0, "mono", NULL },
		{ SET_THEME, "default", 0, "default", NULL },
		{ SET_THEME, "dark", -1, "default", "not one of: default, mono" },
		{ SET_THEME, "mon", -1, "default", "not one of" },
		{ SET_THEME, "", -1, "default", "not one of" },
		{ SET_DB_PATH, "/srv/qifu/a b;c.db", 0, "/srv/qifu/a b;c.db", NULL },
		{ SET_DB_PATH, "", 0, "", NULL },
		{ SET_TIER1_MIN, "100", 0, "100", NULL },
		{ SET_TIER1_MIN, "101", -1, "90", "out of range 0..100" },
		{ SET_QUIET_LAST_DAY, "31", 0, "31", NULL },
		{ SET_QUIET_LAST_DAY, "32", -1, "23", "out of range 1..31" },
		{ SET_YELLOW_DAYS, "0", 0, "0", NULL },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		settings *s = settings_new();
		strbuf err = STRBUF_INIT;
		int rc = cfg_set(s, t[i].id, t[i].in, &err);
		if (rc != t[i].rc)
			fail_msg("case %zu \"%s\": rc %d, expected %d (%s)", i, t[i].in, rc, t[i].rc,
				 sb_str(&err));
		assert_string_equal(cfg_str(s, t[i].id), t[i].out);
		assert_string_equal(cfg_source(s, t[i].id), rc == 0 ? "command line" : "default");
		if (t[i].msg)
			assert_non_null(strstr(sb_str(&err), t[i].msg));
		else
			assert_int_equal(err.len, 0);
		sb_free(&err);
		settings_free(&s);
	}
	settings *s = settings_new();
	/* ambiguous_width's choices are ordered so that the index is the width (0 auto) */
	assert_int_equal(cfg_set(s, SET_AMBIGUOUS_WIDTH, "2", NULL), 0);
	assert_int_equal(cfg_int(s, SET_AMBIGUOUS_WIDTH), 2);
	assert_int_equal(cfg_set(s, SET_AMBIGUOUS_WIDTH, "1", NULL), 0);
	assert_int_equal(cfg_int(s, SET_AMBIGUOUS_WIDTH), 1);
	assert_int_equal(cfg_set(s, SET_ESCDELAY_MS, "010", NULL), 0);
	assert_int_equal(cfg_int(s, SET_ESCDELAY_MS), 10);
	assert_int_equal(cfg_set(s, SET_MOUSE, "on", NULL), 0);
	assert_true(cfg_bool(s, SET_MOUSE));
	assert_int_equal(cfg_int(s, SET_MOUSE), 1);
	assert_int_equal(cfg_set(s, SET_THEME, "mono", NULL), 0);
	assert_int_equal(cfg_int(s, SET_THEME), 1);
	assert_int_equal(cfg_set(s, SET_THEME, "dark", NULL), -1);
	assert_int_equal(cfg_set(s, SET_QUIET_FIRST_DAY, "30", NULL), -1);
	cfg_set_str(s, SET_HOLIDAY_DIR, "/srv/holidays");
	assert_string_equal(cfg_str(s, SET_HOLIDAY_DIR), "/srv/holidays");
	assert_string_equal(cfg_source(s, SET_HOLIDAY_DIR), "command line");
	settings_free(&s);
}

/* values as written in a file: iniparser's quoting and comments, then validation */
static void test_file_values(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		setting_id id;
		settings_problem_kind kind; /* 0: no problem */
		const char *out;
	} t[] = {
		{ "[display]\nescdelay_ms = 010\n", SET_ESCDELAY_MS, 0, "10" },
		{ "[display]\nescdelay_ms = abc\n", SET_ESCDELAY_MS, SET_P_NOT_NUMBER, "25" },
		{ "[display]\nescdelay_ms = 2000\n", SET_ESCDELAY_MS, SET_P_RANGE, "25" },
		{ "[display]\nescdelay_ms = 50 ; fifty\n", SET_ESCDELAY_MS, 0, "50" },
		{ "[display]\nescdelay_ms = 50 # fifty\n", SET_ESCDELAY_MS, 0, "50" },
		{ "[display]\nescdelay_ms =\n", SET_ESCDELAY_MS, SET_P_NOT_NUMBER, "25" },
		{ "[DISPLAY]\nEscDelay_MS = 30\n", SET_ESCDELAY_MS, 0, "30" },
		{ "[display]\nmouse = on\n", SET_MOUSE, 0, "on" },
		{ "[display]\nmouse = Yes\n", SET_MOUSE, 0, "on" },
		{ "[display]\nmouse = enable\n", SET_MOUSE, SET_P_BAD_BOOL, "off" },
		{ "[ui]\nbell = true\n", SET_UI_BELL, 0, "on" },
		{ "[ui]\nbell = ring\n", SET_UI_BELL, SET_P_BAD_BOOL, "off" },
		{ "[display]\ntheme = \"mono\"\n", SET_THEME, 0, "mono" },
		{ "[display]\ntheme = blue\n", SET_THEME, SET_P_BAD_ENUM, "default" },
		{ "[database]\npath = \"/srv/a;b.db\"\n", SET_DB_PATH, 0, "/srv/a;b.db" },
		{ "[database]\npath = /srv/a;b.db\n", SET_DB_PATH, 0, "/srv/a" },
		{ "[database]\npath = \"\"\n", SET_DB_PATH, 0, "" },
		{ "[database]\npath = /srv/中文/qifu.db\n", SET_DB_PATH, 0, "/srv/中文/qifu.db" },
		{ "[appeal]\ngeneral_days = 4\n", SET_GENERAL_DAYS, 0, "4" },
		{ "[appeal]\ngeneral_days = 0\n", SET_GENERAL_DAYS, SET_P_RANGE, "3" },
		{ "[appeal]\ngeneral_days = \\\n  5\n", SET_GENERAL_DAYS, 0, "5" },
		{ "[appeal]\ngeneral_days = 5\\\n", SET_GENERAL_DAYS, 0, "5" },
		{ "[appeal]\r\ngeneral_days = 6\r\n", SET_GENERAL_DAYS, 0, "6" },
		{ "general_days = 4\n", SET_GENERAL_DAYS, SET_P_NO_SECTION, "3" },
		{ "[appeal\ngeneral_days = 4\n", SET_GENERAL_DAYS, SET_P_SYNTAX, "3" },
		{ "[]\ngeneral_days = 4\n", SET_GENERAL_DAYS, SET_P_SYNTAX, "3" },
		{ "[appeal]\n= 4\n", SET_GENERAL_DAYS, SET_P_SYNTAX, "3" },
		{ "[appeal]\ngeneral_days = 4\ngeneral_days = 5\n", SET_GENERAL_DAYS, SET_P_DUPLICATE, "5" },
		{ "# only a comment\n\n; another\n", SET_GENERAL_DAYS, 0, "3" },
		{ "", SET_GENERAL_DAYS, 0, "3" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *path = write_temp(t[i].text);
		settings *s = settings_new();
		settings_diag *d = settings_diag_new();
		assert_int_equal(settings_load_file(s, path, true, d), 0);
		size_t want = t[i].kind ? 1 : 0;
		if (settings_diag_count(d) != want)
			fail_msg("case %zu: %zu problems, expected %zu", i, settings_diag_count(d), want);
		if (want)
			assert_int_equal(settings_diag_at(d, 0)->kind, t[i].kind);
		if (strcmp(cfg_str(s, t[i].id), t[i].out) != 0)
			fail_msg("case %zu: \"%s\", expected \"%s\"", i, cfg_str(s, t[i].id), t[i].out);
		settings_diag_free(&d);
		settings_free(&s);
		unlink(path);
		free(path);
	}
}

static void test_layers(void **state)
{
	(void)state;
	char *sys = fixture("system.ini"), *xdg = fixture("xdg"), *expl = fixture("explicit.ini");
	setenv("QIFU_SYSCONF_FILE", sys, 1);
	setenv("XDG_CONFIG_HOME", xdg, 1);
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_layers(s, expl, d), 0);
	assert_int_equal(settings_diag_count(d), 0);
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 6);     /* explicit wins */
	assert_true(ends_with(cfg_source(s, SET_GENERAL_DAYS), "/explicit.ini:3"));
	assert_int_equal(cfg_int(s, SET_SIMPLE_DAYS), 2);      /* user */
	assert_true(ends_with(cfg_source(s, SET_SIMPLE_DAYS), "/xdg/qifu/qifu.ini:4"));
	assert_int_equal(cfg_int(s, SET_COMPLEX_DAYS), 8);     /* system */
	assert_true(ends_with(cfg_source(s, SET_COMPLEX_DAYS), "/system.ini:4"));
	assert_string_equal(cfg_str(s, SET_THEME), "mono");
	assert_int_equal(cfg_int(s, SET_EXPLAIN_DAYS), 3);     /* default */
	assert_string_equal(cfg_source(s, SET_EXPLAIN_DAYS), "default");
	/* [keys] from every layer, in order, so the later binding overrides */
	assert_int_equal(settings_keys_count(s), 2);
	assert_string_equal(settings_keys_at(s, 0)->value, "F1");
	assert_true(ends_with(settings_keys_at(s, 0)->file, "/system.ini"));
	assert_string_equal(settings_keys_at(s, 1)->value, "F2");
	assert_int_equal(settings_keys_at(s, 1)->line, 7);
	settings_free(&s);
	settings_diag_free(&d);

	/* without --config the user layer wins over the system one */
	s = settings_new();
	assert_int_equal(settings_load_layers(s, NULL, NULL), 0);
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 5);
	settings_free(&s);

	/* missing system and user files are fine; a missing --config is not */
	setenv("QIFU_SYSCONF_FILE", "/nonexistent/qifu.ini", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	s = settings_new();
	d = settings_diag_new();
	assert_int_equal(settings_load_layers(s, NULL, d), 0);
	assert_int_equal(settings_diag_count(d), 0);
	assert_int_equal(settings_load_layers(s, "/nonexistent/explicit.ini", d), -1);
	assert_int_equal(settings_diag_count(d), 1);
	assert_problem(d, 0, SET_P_READ, 0);
	assert_string_equal(settings_diag_at(d, 0)->file, "/nonexistent/explicit.ini");
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 3);
	settings_free(&s);
	settings_diag_free(&d);
	unsetenv("QIFU_SYSCONF_FILE");
	unsetenv("XDG_CONFIG_HOME");
	free(sys);
	free(xdg);
	free(expl);
}

static void test_bom(void **state)
{
	(void)state;
	char *path = fixture("bom.ini");
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_file(s, path, true, d), 0);
	assert_int_equal(settings_diag_count(d), 0);
	assert_true(cfg_bool(s, SET_MOUSE));
	assert_int_equal(cfg_int(s, SET_ESCDELAY_MS), 40);
	assert_true(ends_with(cfg_source(s, SET_MOUSE), "/bom.ini:2"));
	settings_free(&s);
	settings_diag_free(&d);
	free(path);
}

/* iniparser alone returns NULL for this file; the good lines must still count */
static void test_broken_lines(void **state)
{
	(void)state;
	char *path = fixture("broken.ini");
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_file(s, path, true, d), 0);
	assert_int_equal(settings_diag_count(d), 2);
	assert_problem(d, 0, SET_P_LONG_LINE, 4);
	assert_problem(d, 1, SET_P_SYNTAX, 5);
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 4);
	assert_int_equal(cfg_int(s, SET_COMPLEX_DAYS), 9);
	assert_true(ends_with(cfg_source(s, SET_COMPLEX_DAYS), "/broken.ini:6"));
	assert_true(cfg_bool(s, SET_MOUSE));
	assert_int_equal(cfg_int(s, SET_SIMILAR_DAYS), 30);
	strbuf line = STRBUF_INIT;
	settings_problem_format(settings_diag_at(d, 1), &line);
	assert_true(ends_with(sb_str(&line), "/broken.ini:5: syntax error: expected [section] or key = value"));
	sb_free(&line);
	settings_diag_free(&d);
	settings_free(&s);
	free(path);

	path = fixture("badutf8.ini");
	s = settings_new();
	d = settings_diag_new();
	assert_int_equal(settings_load_file(s, path, true, d), 0);
	assert_int_equal(settings_diag_count(d), 1);
	assert_problem(d, 0, SET_P_BAD_UTF8, 3);
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 4);
	assert_int_equal(cfg_int(s, SET_SIMPLE_DAYS), 1);
	assert_int_equal(cfg_int(s, SET_COMPLEX_DAYS), 9);
	settings_diag_free(&d);
	settings_free(&s);
	free(path);
}

static void test_unknown(void **state)
{
	(void)state;
	static const struct {
		settings_problem_kind kind;
		int line;
		const char *where;
		const char *msg;
	} want[] = {
		{ SET_P_UNKNOWN_KEY, 3, "display:escdelay", "did you mean \"escdelay_ms\"?" },
		{ SET_P_UNKNOWN_KEY, 4, "display:mose", "did you mean \"mouse\"?" },
		{ SET_P_UNKNOWN_SECTION, 5, "apeal", "unknown section [apeal]; did you mean [appeal]?" },
		{ SET_P_UNKNOWN_KEY, 8, "appeal:yelow_days", "did you mean \"yellow_days\"?" },
		{ SET_P_UNKNOWN_KEY, 10, "inspection:tier1_min", "did you mean \"tier1_min\" in [assessment]?" },
		{ SET_P_UNKNOWN_KEY, 11, "inspection:zzzzzzzz", "unknown key \"zzzzzzzz\" in [inspection]" },
	};
	char *path = fixture("unknown.ini");
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_file(s, path, true, d), 0);
	assert_int_equal(settings_diag_count(d), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const settings_problem *p = settings_diag_at(d, i);
		assert_int_equal(p->kind, want[i].kind);
		assert_int_equal(p->line, want[i].line);
		assert_string_equal(p->where, want[i].where);
		if (!strstr(p->message, want[i].msg))
			fail_msg("problem %zu: \"%s\" lacks \"%s\"", i, p->message, want[i].msg);
	}
	assert_null(strstr(settings_diag_at(d, 5)->message, "did you mean"));
	/* a section seen again after an unknown one is read normally */
	assert_int_equal(cfg_int(s, SET_SIMPLE_DAYS), 2);
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 3);
	assert_int_equal(cfg_int(s, SET_ESCDELAY_MS), 25);
	settings_diag_free(&d);
	settings_free(&s);
	free(path);
}

static void test_keys(void **state)
{
	(void)state;
	static const struct {
		const char *key, *value;
		int line;
	} want[] = {
		{ "help", "F1,?", 3 },
		{ "quit", "F10,#", 6 },
		{ "new", "F2", 7 },
		{ "search", "/", 8 },
	};
	char *path = fixture("keys.ini");
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_file(s, path, true, d), 0);
	assert_int_equal(settings_keys_count(s), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const settings_kv *kv = settings_keys_at(s, i);
		assert_string_equal(kv->key, want[i].key);
		assert_string_equal(kv->value, want[i].value);
		assert_int_equal(kv->line, want[i].line);
		assert_string_equal(kv->file, path);
	}
	assert_null(settings_keys_at(s, 4));
	assert_int_equal(settings_diag_count(d), 1);
	assert_problem(d, 0, SET_P_DUPLICATE, 8);
	assert_non_null(strstr(settings_diag_at(d, 0)->message, "line 4"));
	settings_diag_free(&d);
	settings_free(&s);
	free(path);
}

static void test_order(void **state)
{
	(void)state;
	char *path = fixture("order.ini");
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_file(s, path, true, d), 0);
	assert_int_equal(settings_diag_count(d), 2);
	assert_problem(d, 0, SET_P_ORDER, 3);
	assert_string_equal(settings_diag_at(d, 0)->where, "inspection:quiet_first_day");
	assert_non_null(strstr(settings_diag_at(d, 0)->message, "(25) must not be greater than"));
	assert_problem(d, 1, SET_P_ORDER, 6);
	assert_string_equal(settings_diag_at(d, 1)->where, "assessment:tier2_min");
	assert_int_equal(cfg_int(s, SET_QUIET_FIRST_DAY), 1);
	assert_int_equal(cfg_int(s, SET_QUIET_LAST_DAY), 23);
	assert_int_equal(cfg_int(s, SET_TIER1_MIN), 90);
	assert_int_equal(cfg_int(s, SET_TIER2_MIN), 80);
	assert_int_equal(cfg_int(s, SET_GENERAL_DAYS), 4);
	settings_diag_free(&d);
	free(path);

	static const struct {
		setting_id id;
		const char *in;
		int rc;
	} t[] = {
		{ SET_QUIET_FIRST_DAY, "24", -1 },
		{ SET_QUIET_LAST_DAY, "20", 0 },
		{ SET_QUIET_FIRST_DAY, "20", 0 },  /* equal is a one-day window */
		{ SET_QUIET_LAST_DAY, "19", -1 },
		{ SET_TIER2_MIN, "90", -1 },       /* tiers must differ */
		{ SET_TIER1_MIN, "85", 0 },
		{ SET_TIER1_MIN, "80", -1 },
		{ SET_TIER2_MIN, "84", 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf err = STRBUF_INIT;
		const char *before = cfg_source(s, t[i].id);
		long old = cfg_int(s, t[i].id);
		if (cfg_set(s, t[i].id, t[i].in, &err) != t[i].rc)
			fail_msg("case %zu: %s", i, sb_str(&err));
		if (t[i].rc < 0) {
			assert_int_equal(cfg_int(s, t[i].id), old);
			assert_string_equal(cfg_source(s, t[i].id), before);
			assert_true(err.len > 0);
		} else {
			assert_int_equal(cfg_int(s, t[i].id), strtol(t[i].in, NULL, 10));
		}
		sb_free(&err);
	}
	settings_free(&s);
}

static void test_read_errors(void **state)
{
	(void)state;
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_file(s, "/nonexistent/q.ini", false, d), 0);
	assert_int_equal(settings_diag_count(d), 0);
	assert_int_equal(settings_load_file(s, "/nonexistent/q.ini", true, d), -1);
	assert_int_equal(settings_diag_count(d), 1);
	assert_problem(d, 0, SET_P_READ, 0);
	/* a directory exists but is no file: reported even when optional */
	assert_int_equal(settings_load_file(s, "/", false, d), -1);
	assert_int_equal(settings_diag_count(d), 2);
	strbuf line = STRBUF_INIT;
	settings_problem_format(settings_diag_at(d, 0), &line);
	assert_non_null(strstr(sb_str(&line), "/nonexistent/q.ini: "));
	sb_free(&line);
	assert_int_equal(settings_load_file(s, "/nonexistent/q.ini", true, NULL), -1);
	settings_diag_free(&d);
	settings_free(&s);
}

/* the shipped file names every setting, commented out with its default */
static void test_ini_mentions_every_setting(void **state)
{
	(void)state;
	char *path = xasprintf("%s/../config/qifu.ini", QIFU_SRC_DATADIR);
	char *text = read_file(path);
	for (int id = 0; id < SET__COUNT; id++) {
		const setting_info *in = settings_info(id);
		char *header = xasprintf("\n[%s]\n", in->section);
		char *line = *in->def ? xasprintf("\n;%s = %s\n", in->key, in->def)
				      : xasprintf("\n;%s =\n", in->key);
		const char *sec = strstr(text, header);
		if (!sec) {
			fail_msg("qifu.ini has no [%s]", in->section);
		} else {
			const char *next = strstr(sec + 1, "\n[");
			const char *at = strstr(sec, line);
			if (!at || (next && at > next))
				fail_msg("qifu.ini lacks ;%s = %s under [%s]", in->key, in->def, in->section);
		}
		free(header);
		free(line);
	}
	/* and reading it changes nothing and reports nothing */
	settings *s = settings_new();
	settings_diag *d = settings_diag_new();
	assert_int_equal(settings_load_file(s, path, true, d), 0);
	assert_int_equal(settings_diag_count(d), 0);
	for (int id = 0; id < SET__COUNT; id++)
		assert_string_equal(cfg_source(s, id), "default");
	settings_diag_free(&d);
	settings_free(&s);
	free(text);
	free(path);
}

static void test_ini_is_generated(void **state)
{
	(void)state;
	char *path = xasprintf("%s/../config/qifu.ini", QIFU_SRC_DATADIR);
	char *text = read_file(path);
	strbuf gen = STRBUF_INIT;
	settings_default_ini(&gen);
	/* on failure: ./build/qifu config --defaults > config/qifu.ini */
	assert_string_equal(sb_str(&gen), text);
	sb_free(&gen);
	free(text);
	free(path);
}

static void test_describe(void **state)
{
	(void)state;
	settings *s = settings_new();
	strbuf out = STRBUF_INIT;
	settings_describe(s, &out);
	const char *o = sb_str(&out);
	size_t lines = 0;
	for (const char *p = o; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, SET__COUNT);
	assert_true(strncmp(o, "database.path = \"\"  (default)\n"
			       "database.busy_timeout_ms = 15000  (default)\n"
			       "display.ambiguous_width = auto  (default)\n", 100) == 0);
	assert_non_null(strstr(o, "\ndisplay.mouse = off  (default)\n"));
	assert_non_null(strstr(o, "\nui.bell = off  (default)\n"));
	assert_non_null(strstr(o, "\nassessment.tier2_min = 80  (default)\n"));
	sb_free(&out);

	char *path = fixture("keys.ini");
	assert_int_equal(cfg_set(s, SET_MOUSE, "yes", NULL), 0);
	assert_int_equal(settings_load_file(s, path, true, NULL), 0);
	char *bom = fixture("bom.ini");
	assert_int_equal(settings_load_file(s, bom, true, NULL), 0);
	settings_describe(s, &out);
	o = sb_str(&out);
	char *want = xasprintf("\ndisplay.escdelay_ms = 40  (%s:3)\n", bom);
	assert_non_null(strstr(o, want));
	free(want);
	want = xasprintf("\nkeys.help = F1,?  (%s:3)\n", path);
	assert_non_null(strstr(o, want));
	free(want);
	/* the file read after the command line wins: main applies overrides last */
	want = xasprintf("\ndisplay.mouse = on  (%s:2)\n", bom);
	assert_non_null(strstr(o, want));
	free(want);
	assert_int_equal(cfg_set(s, SET_MOUSE, "no", NULL), 0);
	sb_reset(&out);
	settings_describe(s, &out);
	assert_non_null(strstr(sb_str(&out), "\ndisplay.mouse = off  (command line)\n"));
	sb_free(&out);
	free(bom);
	free(path);
	settings_free(&s);
}

static void test_color_and_paths(void **state)
{
	(void)state;
	settings *s = settings_new();
	unsetenv("NO_COLOR");
	assert_true(settings_color_enabled(s));
	setenv("NO_COLOR", "", 1);
	assert_true(settings_color_enabled(s));
	setenv("NO_COLOR", "1", 1);
	assert_false(settings_color_enabled(s));
	unsetenv("NO_COLOR");
	assert_int_equal(cfg_set(s, SET_THEME, "mono", NULL), 0);
	assert_false(settings_color_enabled(s));
	setenv("NO_COLOR", "1", 1);

	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	char *p = settings_db_path(s);
	assert_string_equal(p, "/xdg/data/qifu/qifu.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	setenv("HOME", "/home/wf", 1);
	p = settings_db_path(s);
	assert_string_equal(p, "/home/wf/.local/share/qifu/qifu.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	cfg_set_str(s, SET_DB_PATH, "/srv/qifu.db");
	p = settings_db_path(s);
	assert_string_equal(p, "/srv/qifu.db");
	free(p);

	cfg_set_str(s, SET_DATA_DIR, "/srv/data");
	p = settings_holiday_dir(s);
	assert_string_equal(p, "/srv/data/holidays");
	free(p);
	cfg_set_str(s, SET_HOLIDAY_DIR, "/srv/hol");
	p = settings_holiday_dir(s);
	assert_string_equal(p, "/srv/hol");
	free(p);
	settings_free(&s);
}

/* run a command with stdout captured into a string */
static int run_captured(app_ctx *ctx, int argc, char **argv, char **out)
{
	char *path = write_temp("");
	fflush(stdout);
	int saved = dup(1);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	dup2(fileno(f), 1);
	int rc = cli_run(ctx, argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	fclose(f);
	*out = read_file(path);
	unlink(path);
	free(path);
	return rc;
}

static void test_cmd_config(void **state)
{
	(void)state;
	app_ctx ctx = { 0 };
	char *out;
	char a_config[] = "config", a_defaults[] = "--defaults", a_bogus[] = "--bogus";
	char *argv_def[] = { a_config, a_defaults, NULL };
	assert_int_equal(run_captured(&ctx, 2, argv_def, &out), EXIT_OK);
	char *path = xasprintf("%s/../config/qifu.ini", QIFU_SRC_DATADIR);
	char *ini = read_file(path);
	assert_string_equal(out, ini);
	free(ini);
	free(path);
	free(out);

	ctx.cfg = settings_new();
	assert_int_equal(cfg_set(ctx.cfg, SET_GENERAL_DAYS, "5", NULL), 0);
	char *argv_show[] = { a_config, NULL };
	assert_int_equal(run_captured(&ctx, 1, argv_show, &out), EXIT_OK);
	strbuf want = STRBUF_INIT;
	settings_describe(ctx.cfg, &want);
	assert_string_equal(out, sb_str(&want));
	assert_non_null(strstr(out, "\nappeal.general_days = 5  (command line)\n"));
	sb_free(&want);
	free(out);
	settings_free(&ctx.cfg);

	/* without ctx->cfg the command loads the layers itself */
	char *sys = fixture("system.ini");
	setenv("QIFU_SYSCONF_FILE", sys, 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	assert_int_equal(run_captured(&ctx, 1, argv_show, &out), EXIT_OK);
	char *line = xasprintf("\nappeal.general_days = 4  (%s:3)\n", sys);
	assert_non_null(strstr(out, line));
	free(line);
	free(out);
	free(sys);
	unsetenv("QIFU_SYSCONF_FILE");
	unsetenv("XDG_CONFIG_HOME");

	char *argv_bad[] = { a_config, a_bogus, NULL };
	assert_int_equal(run_captured(&ctx, 2, argv_bad, &out), EXIT_USAGE);
	assert_string_equal(out, "");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_set_values),
		cmocka_unit_test(test_file_values),
		cmocka_unit_test(test_layers),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_broken_lines),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_read_errors),
		cmocka_unit_test(test_ini_mentions_every_setting),
		cmocka_unit_test(test_ini_is_generated),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_color_and_paths),
		cmocka_unit_test(test_cmd_config),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
