/* End-to-end test of the real binary in a real pseudo-terminal: forkpty qifu at 80x24,
 * feed it the bytes a terminal sends (escape sequences, UTF-8 Chinese in one burst),
 * keep a libvterm screen of what it draws, resize with TIOCSWINSZ, and after every
 * step check that each row of the cell grid is exactly the terminal width and shows
 * the expected text. An enterprise is added through the form with Chinese sent as an
 * input method commits it, Backspace as DEL and as BS, the hardware cursor checked at
 * the caret, and found in the list. Esc then a digit is Esc and then the digit's
 * tab on this terminal, which has F-keys, and that F-key with [display] esc_digits =
 * fkeys (a desktop that takes them). Finally F10 must exit 0 having left the
 * alternate screen, and SIGTERM must end a second session with the terminal restored
 * as well.
 * A third session, a desk of a unit, is told of the appeals another session dispatches
 * to its unit. The next registers, approves and records an inspection plan in the
 * Calendar; the last adds a login and disables it in the Escalation tab's staff view.
 * Usage: vtdrive QIFU WORKDIR */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vtpty.h"

typedef vtpty session;

static int failures;
static const char *qifu;
static char db[4096];
static char fkeys_ini[4096];
/* the next session runs with colours (NO_COLOR unset), as most desks do */
static bool with_colour;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("FAIL: ", stdout);
	vprintf(fmt, ap);
	fputc('\n', stdout);
	va_end(ap);
	failures++;
}

static void pump(session *s, int quiet_ms, int max_ms)
{
	vtpty_pump(s, quiet_ms, max_ms);
}

static void send_bytes(session *s, const char *bytes)
{
	if (!vtpty_send(s, bytes, strlen(bytes)))
		fail("short write to the pty");
}

/* every row exactly as wide as the terminal; every expected text somewhere on screen */
static void check(session *s, const char *step, const char *const *expect)
{
	char text[64][2048];
	int rows = s->rows < 64 ? s->rows : 64;
	for (int r = 0; r < rows; r++) {
		int w = vtpty_row_text(s, r, text[r], sizeof text[r]);
		if (w < 0)
			fail("%s: row %d cuts a wide character in half: \"%s\"", step, r, text[r]);
		else if (w != s->cols)
			fail("%s: row %d is %d cells wide, the terminal %d: \"%s\"", step, r, w, s->cols,
			     text[r]);
	}
	for (int i = 0; expect && expect[i]; i++) {
		bool found = false;
		for (int r = 0; r < rows && !found; r++)
			found = strstr(text[r], expect[i]) != NULL;
		if (!found) {
			fail("%s: \"%s\" is not on the screen:", step, expect[i]);
			for (int r = 0; r < rows; r++)
				printf("  |%s|\n", text[r]);
		}
	}
	printf("ok   %s (%dx%d)\n", step, s->cols, s->rows);
}

/* none of the texts is anywhere on the screen */
static void check_absent(session *s, const char *step, const char *const *absent)
{
	char text[2048];
	for (int r = 0; r < s->rows; r++) {
		vtpty_row_text(s, r, text, sizeof text);
		for (int i = 0; absent[i]; i++)
			if (strstr(text, absent[i]))
				fail("%s: \"%s\" is on row %d: |%s|", step, absent[i], r, text);
	}
	printf("ok   %s: not on the screen\n", step);
}

/* the hardware cursor is on row and the wide character just left of it is want (the
 * input method opens its candidate window at the cursor, so it must sit at the caret) */
static void check_caret(session *s, const char *step, int row, uint32_t want)
{
	VTermPos pos;
	vterm_state_get_cursorpos(vterm_obtain_state(s->vt), &pos);
	VTermScreenCell cell = { 0 };
	VTermPos left = { pos.row, pos.col - 2 };
	if (pos.col >= 2)
		vterm_screen_get_cell(s->screen, left, &cell);
	if (pos.row != row || cell.chars[0] != want)
		fail("%s: the cursor is at row %d col %d with U+%04X left of it, expected row %d "
		     "after U+%04X", step, pos.row, pos.col, cell.chars[0], row, want);
	else
		printf("ok   %s: the cursor sits at the caret\n", step);
}

/* whether a cell is dark on light: reverse video when colour is off (NO_COLOR swaps the
 * terminal's own colours), else black on white (7, or the bright 15) */
static bool dark_on_light(const VTermScreenCell *cell, bool colour)
{
	if (!colour)
		return cell->attrs.reverse && VTERM_COLOR_IS_DEFAULT_FG(&cell->fg) &&
		       VTERM_COLOR_IS_DEFAULT_BG(&cell->bg);
	return !cell->attrs.reverse && VTERM_COLOR_IS_INDEXED(&cell->fg) && cell->fg.indexed.idx == 0 &&
	       VTERM_COLOR_IS_INDEXED(&cell->bg) &&
	       (cell->bg.indexed.idx == 7 || cell->bg.indexed.idx == 15);
}

/* whether the cell at row, col holds a block element (a drawn QR code's glyph) */
static bool block_at(session *s, int row, int col)
{
	VTermScreenCell cell;
	VTermPos pos = { row, col };
	vterm_screen_get_cell(s->screen, pos, &cell);
	return cell.chars[0] == 0x2580 || cell.chars[0] == 0x2584 || cell.chars[0] == 0x2588;
}

/* the QR code on the screen is drawn dark on light whatever the terminal's colours, as
 * a phone scanner needs it: every cell of the symbol and of its quiet zone (2 modules:
 * a row above and below, 2 columns either side), and no cell beside it */
static void check_qr_style(session *s, const char *step, bool colour)
{
	int top = -1, bottom = -1, left = s->cols, right = -1;
	for (int r = 0; r < s->rows; r++)
		for (int c = 0; c < s->cols; c++)
			if (block_at(s, r, c)) {
				top = top < 0 ? r : top;
				bottom = r;
				left = c < left ? c : left;
				right = c > right ? c : right;
			}
	if (top < 1 || bottom - top < 15 || bottom + 1 >= s->rows) {
		fail("%s: no whole QR code on the screen (rows %d-%d)", step, top, bottom);
		return;
	}
	for (int r = top - 1; r <= bottom + 1; r++)
		for (int c = 0; c < s->cols; c++) {
			VTermScreenCell cell;
			VTermPos pos = { r, c };
			vterm_screen_get_cell(s->screen, pos, &cell);
			bool inside = c >= left - 2 && c <= right + 2;
			if (inside != dark_on_light(&cell, colour)) {
				fail("%s: row %d col %d (U+%04X) is %sdrawn dark on light", step, r, c,
				     cell.chars[0], inside ? "not " : "");
				return;
			}
		}
	printf("ok   %s: %d rows dark on light, %s\n", step, bottom - top + 3,
	       colour ? "black on white" : "reverse video");
}

static void resize(session *s, int cols, int rows)
{
	vtpty_resize(s, cols, rows);
}

/* qifu on db in a new pty, reading config (or none) after the defaults */
static void start(session *s, const char *config)
{
	char *argv[] = { (char *)qifu, (char *)"--db", db, (char *)"--today", (char *)"2026-12-01",
		         (char *)"--config", (char *)config, NULL };
	if (!config)
		argv[5] = NULL;
	setenv("LANGUAGE", "zh_CN", 1);
	/* the child inherits the environment: NO_COLOR is taken away for it alone */
	const char *no_colour = getenv("NO_COLOR");
	char *saved = no_colour && with_colour ? strdup(no_colour) : NULL;
	if (with_colour)
		unsetenv("NO_COLOR");
	vtpty_start(s, 24, 80, argv);
	if (saved) {
		setenv("NO_COLOR", saved, 1);
		free(saved);
	}
}

/* wait for the child and report how it ended */
static int finish(session *s)
{
	int status = vtpty_finish(s, 5000);
	if (status < 0)
		fail("qifu did not exit");
	return status;
}

/* run argv (a command of the test's own) with its output dropped; its exit status */
static int run_quietly(char *const argv[])
{
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* set the columns set of the tester's staff row with the sqlite3 shell, which makes
 * them what (said when it fails) */
static bool tester_set(const char *set, const char *what)
{
	char sql[256];
	struct passwd *pw = getpwuid(getuid());
	snprintf(sql, sizeof sql, "UPDATE staff SET %s WHERE login = '%s'", set,
	         pw ? pw->pw_name : "");
	char *const update[] = { (char *)"sqlite3", db, sql, NULL };
	if (run_quietly(update) != 0) {
		fail("sqlite3 could not make the tester %s", what);
		return false;
	}
	return true;
}

/* The Calendar: the person at the keyboard, now the head (supervisor) of 高新消防大队,
 * registers an inspection plan typed in Chinese, sees the verdict change with the date
 * and reason, approves it (the plan code on the status line and in the detail) and
 * records what the inspection found. */
static void inspection_session(session *s)
{
	if (!tester_set("unit = '高新消防大队'", "the head of 高新消防大队"))
		return;
	start(s, NULL);
	pump(s, 300, 5000);
	send_bytes(s, "4");
	pump(s, 200, 3000);
	send_bytes(s, "\033OQ");
	pump(s, 200, 3000);
	check(s, "F2 opens the register form",
	      (const char *const[]){ "登记检查计划", "< 高新消防大队 >", "企业*", NULL });
	/* the enterprise added in the first session, by its name as an input method commits it */
	send_bytes(s, "赣江测试");
	pump(s, 300, 3000);
	check(s, "the enterprise picker", (const char *const[]){ "> 赣江测试电子有限公司", NULL });
	send_bytes(s, "\r");
	pump(s, 200, 3000);
	check(s, "the enterprise picked", (const char *const[]){ "1. 赣江测试电子有限公司", NULL });
	/* a general inspection in the quiet days is refused, live */
	send_bytes(s, "\t\025" "2026-12-09");
	pump(s, 200, 3000);
	check(s, "the verdict refuses a quiet day",
	      (const char *const[]){ "不允许：企业安静日", "最早可检查日期：2026-12-24", NULL });
	/* an emergency the day before is registered after the fact, and allowed */
	send_bytes(s, "\025" "2026-11-30\t\033[C\033[C\033[C\033[C\t");
	send_bytes(s, "刘强，陈明");
	pump(s, 200, 3000);
	check_caret(s, "inspectors field", 7, 0x660E /* 明 */);
	send_bytes(s, "\t《中华人民共和国消防法》\t厂区火情后的安全复查");
	pump(s, 200, 3000);
	check(s, "the form filled in",
	      (const char *const[]){ "< 突发事件 >", "[刘强，陈明", "[厂区火情后的安全复查",
	                             "登记：允许", NULL });
	send_bytes(s, "\t\t\r");
	pump(s, 300, 3000);
	check(s, "registered",
	      (const char *const[]){ "已登记检查", "由 高新消防大队 的督导人员或领导批准", "已登记", NULL });
	/* the head of the unit approves its plan: the code on the status line and in the detail */
	send_bytes(s, "m");
	pump(s, 200, 3000);
	check(s, "the plan's moves", (const char *const[]){ "批准（核发执法计划码）", NULL });
	send_bytes(s, "\r");
	pump(s, 300, 3000);
	check(s, "approved", (const char *const[]){ "执法计划码 JC26-", "[执法计划码]", "已批准", NULL });
	/* End: the QR code, whole at 80x24; NO_COLOR draws it in reverse video */
	send_bytes(s, "\033OF");
	pump(s, 200, 3000);
	check(s, "End shows the QR code", (const char *const[]){ "█▀▀▀▀▀█", "打印告知单", NULL });
	check_qr_style(s, "the QR code without colour", false);
	send_bytes(s, "m");
	pump(s, 200, 3000);
	check(s, "the moves after approval", (const char *const[]){ "记录检查结果", NULL });
	send_bytes(s, "\r");
	pump(s, 200, 3000);
	send_bytes(s, "复查消防通道畅通，未发现问题\t\t\t\r");
	pump(s, 300, 3000);
	check(s, "recorded", (const char *const[]){ "完成：未发现问题", "已完成", NULL });
	send_bytes(s, "\033[21~");
	int status = finish(s);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("inspections: qifu ended with status %d, expected exit 0", status);

	/* with colours: the plan's QR code black on white, the rest in the terminal's own */
	with_colour = true;
	start(s, NULL);
	pump(s, 300, 5000);
	/* 区应急局's approved plan of 2026-12-10, at its QR code */
	send_bytes(s, "4g2026-12-10\r\r\r\033OF");
	pump(s, 300, 3000);
	check(s, "colours: a plan's QR code", (const char *const[]){ "检查 58，执法计划码 JC26-", NULL });
	check_qr_style(s, "the QR code in colour", true);
	with_colour = false;
	send_bytes(s, "\033[21~");
	status = finish(s);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("colours: qifu ended with status %d, expected exit 0", status);
}

/* Staff administration (issue 15): the person at the keyboard, made an administrator,
 * adds a login through the Escalation tab's staff view, typed in Chinese, then disables
 * it after the [y/N] that names it; the command line's staff list then shows the login
 * with its phone and the time it was disabled. */
static void staff_session(session *s)
{
	if (!tester_set("role = 'admin'", "an administrator"))
		return;
	start(s, NULL);
	pump(s, 300, 5000);
	send_bytes(s, "3vvvv");
	pump(s, 300, 3000);
	check(s, "the staff view", (const char *const[]){ "工作人员：", "sysadmin", NULL });
	send_bytes(s, "\033OQ");
	pump(s, 200, 3000);
	check(s, "F2 opens the add form", (const char *const[]){ "添加登录名", "工作电话", NULL });
	/* login, name (as an input method commits it), the unit and role as they come,
	 * no area, no level, no overseen units, then the phone */
	send_bytes(s, "e2estaff\t");
	send_bytes(s, "端到端");
	send_bytes(s, "\t\t\t\t\t\t138 0000 1234\t\r");
	pump(s, 300, 3000);
	check(s, "added", (const char *const[]){ "已添加 e2estaff（端到端", "13800001234", NULL });
	/* the cursor is on the login just added: D asks, naming it, and y disables it */
	send_bytes(s, "D");
	pump(s, 200, 3000);
	check(s, "the [y/N]", (const char *const[]){ "停用登录名 e2estaff（端到端", "[y/N]", NULL });
	send_bytes(s, "y");
	pump(s, 300, 3000);
	check(s, "disabled", (const char *const[]){ "登录名 e2estaff（端到端）已停用", "停用  ", NULL });
	send_bytes(s, "\033[21~");
	int status = finish(s);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("staff: qifu ended with status %d, expected exit 0", status);

	/* the command line sees what the screen did */
	char out[sizeof db + 16];
	snprintf(out, sizeof out, "%s.staff.csv", db);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		dup2(fd, 1);
		execl(qifu, qifu, "--db", db, "staff", "list", "--format", "csv", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	FILE *fp = fopen(out, "r");
	char line[512];
	bool found = false;
	while (fp && fgets(line, sizeof line, fp))
		if (strncmp(line, "e2estaff,端到端,", strlen("e2estaff,端到端,")) == 0) {
			found = true;
			/* ...,disabled_on,phone: a time, then the phone as written one way */
			if (!strstr(line, ",unit_staff,") || !strstr(line, ",13800001234") ||
			    !strstr(line, ",20"))
				fail("staff list: the login is not shown disabled with its phone: %s", line);
			else
				printf("ok   staff list shows the login added and disabled in the TUI\n");
		}
	if (fp)
		fclose(fp);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !found)
		fail("staff list: exit %d, e2estaff %s", status, found ? "found" : "missing");
}

/* whether text is on some row of the screen */
static bool on_screen(session *s, const char *text)
{
	char row[2048];
	for (int r = 0; r < s->rows; r++) {
		vtpty_row_text(s, r, row, sizeof row);
		if (strstr(row, text))
			return true;
	}
	return false;
}

/* feed the screen until text shows, for up to max_ms (a loaded machine is slow;
 * nothing is asserted about how long it took) */
static void wait_for(session *s, const char *text, int max_ms)
{
	long end = vtpty_now_ms() + max_ms;
	while (!on_screen(s, text) && vtpty_now_ms() < end)
		pump(s, 300, 1000);
}

/* the tester's staff row made role of unit, as sqlite3 writes it */
static bool make_tester(const char *role, const char *unit)
{
	char sql[256];
	struct passwd *pw = getpwuid(getuid());
	snprintf(sql, sizeof sql, "UPDATE staff SET role = '%s', unit = '%s' WHERE login = '%s'",
	         role, unit, pw ? pw->pw_name : "");
	char *const update[] = { (char *)"sqlite3", db, sql, NULL };
	return run_quietly(update) == 0;
}

/* qifu appeal ARGS... as the tester is now, with the test's day */
static int appeal_cmd(const char *verb, const char *a1, const char *a2, const char *a3)
{
	char *const argv[] = { (char *)qifu, (char *)"--db", db, (char *)"--today",
		               (char *)"2026-12-01", (char *)"appeal", (char *)verb, (char *)a1,
		               (char *)a2, (char *)a3, NULL };
	return run_quietly(argv);
}

/* the number of the newest appeal titled title, from the sqlite3 shell */
static bool appeal_number(const char *title, char *out, size_t cap)
{
	char cmd[sizeof db + 256];
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' \"SELECT number FROM appeal WHERE title = '%s'"
	         " ORDER BY id DESC LIMIT 1\"", db, title);
	FILE *p = popen(cmd, "r");
	bool ok = p && fgets(out, (int)cap, p) != NULL;
	if (p)
		pclose(p);
	out[ok ? strcspn(out, "\n") : 0] = '\0';
	return ok && *out;
}

/* A desk of 区科经局 is open on the Enterprises tab; the centre's front desk (the command
 * line, another session) dispatches an appeal to that unit: with no key pressed the
 * status line says so. Two dispatched while a prompt is open make one notice when it
 * closes. */
static void news_session(session *s)
{
	char n1[32], n2[32], n3[32];
	if (!make_tester("unit_staff", "区科经局")) {
		fail("sqlite3 could not make the tester a member of 区科经局");
		return;
	}
	start(s, NULL);
	pump(s, 300, 5000);
	/* at 80 columns five tabs leave no room for the role on the title line: the
	 * notice below names the unit */
	check(s, "a desk of 区科经局", (const char *const[]){ "[企业]", NULL });
	/* the person at the command line is the centre's front desk; the open screen
	 * keeps who it was started as */
	if (!make_tester("frontdesk", "区企服中心") || !appeal_number("消防通道堆物清理", n1, sizeof n1) ||
	    !appeal_number("厂房用电增容报装进度", n2, sizeof n2)) {
		fail("news: the test database is not as the first session left it");
		return;
	}
	if (appeal_cmd("dispatch", n1, "--unit", "区科经局") != 0)
		fail("news: qifu appeal dispatch %s failed", n1);
	char want[128];
	snprintf(want, sizeof want, "新诉求 %s 已派至本单位（区科经局）", n1);
	wait_for(s, want, 30000);
	check(s, "an appeal dispatched to the unit, without a key", (const char *const[]){ want, NULL });
	/* a prompt open: both dispatches wait for it to close, then one notice */
	send_bytes(s, "/");
	pump(s, 200, 3000);
	char *const reg[] = { (char *)qifu, (char *)"--db", db, (char *)"--today",
		              (char *)"2026-12-01", (char *)"appeal", (char *)"new",
		              (char *)"--enterprise", (char *)"91360117053000004K", (char *)"--title",
		              (char *)"园区道路照明维修", (char *)"--kind", (char *)"simple",
		              (char *)"--channel", (char *)"phone", NULL };
	if (run_quietly(reg) != 0 || !appeal_number("园区道路照明维修", n3, sizeof n3))
		fail("news: qifu appeal new failed");
	if (appeal_cmd("dispatch", n2, "--unit", "区科经局") != 0 ||
	    appeal_cmd("dispatch", n3, "--unit", "区科经局") != 0)
		fail("news: qifu appeal dispatch %s, %s failed", n2, n3);
	pump(s, 1500, 3000);
	check_absent(s, "no notice while the prompt is open",
	             (const char *const[]){ "件新诉求已派至本单位", NULL });
	send_bytes(s, "\033");
	wait_for(s, "2 件新诉求已派至本单位", 30000);
	check(s, "two appeals dispatched while typing", (const char *const[]){ "2 件新诉求已派至本单位", NULL });
	send_bytes(s, "\033[21~");
	int status = finish(s);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("news: qifu ended with status %d, expected exit 0", status);
	if (!make_tester("supervisor", "区企服中心"))
		fail("sqlite3 could not make the tester a supervisor again");
}

static void make_db(const char *work)
{
	mkdir(work, 0777);
	snprintf(db, sizeof db, "%s/e2e.db", work);
	unlink(db);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		execl(qifu, qifu, "--db", db, "demo", "--enterprises", "60", "--seed", "7",
		      (char *)NULL);
		_exit(127);
	}
	int status;
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		printf("FAIL: qifu demo could not build the test database\n");
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: vtdrive QIFU WORKDIR\n");
		return 2;
	}
	qifu = argv[1];
	make_db(argv[2]);
	snprintf(fkeys_ini, sizeof fkeys_ini, "%s/fkeys.ini", argv[2]);
	FILE *ini = fopen(fkeys_ini, "w");
	if (!ini || fputs("[display]\nesc_digits = fkeys\n", ini) < 0 || fclose(ini) != 0) {
		printf("FAIL: cannot write %s\n", fkeys_ini);
		return 1;
	}

	session s = { 0 };
	start(&s, NULL);
	pump(&s, 300, 5000);
	if (!s.altscreen)
		fail("start: qifu did not switch to the alternate screen");
	check(&s, "first screen",
	      (const char *const[]){ "企业", "诉求", "调度", "日历", "共 60 条",
	                             "按 F1 或 ? 查看帮助，F10 退出", "1帮助", "10退出", NULL });

	send_bytes(&s, "\033[B\033[Bj");
	pump(&s, 200, 3000);
	check(&s, "arrows and j", (const char *const[]){ "4/60", NULL });

	send_bytes(&s, "\033OP");
	pump(&s, 200, 3000);
	check(&s, "F1 help", (const char *const[]){ "导航", "F1 ? ？", "终端设置", NULL });
	send_bytes(&s, "\033");
	usleep(700000);
	pump(&s, 200, 3000);
	check(&s, "Esc closes help", (const char *const[]){ "统一社会信用代码", NULL });

	/* xterm has F-keys: Esc then 3 within the old 400 ms is Esc, then tab 3 (not F3,
	 * the search), as a person closing something and changing tabs means it */
	send_bytes(&s, "\033");
	usleep(100000);
	send_bytes(&s, "3");
	pump(&s, 300, 3000);
	check(&s, "Esc 3 is tab 3", (const char *const[]){ "[调度]", NULL });
	check_absent(&s, "Esc 3 is no search", (const char *const[]){ "查找（", "导航", NULL });
	/* Alt-3, as xterm sends it: the same */
	send_bytes(&s, "1\0333");
	pump(&s, 300, 3000);
	check(&s, "Alt-3 is tab 3", (const char *const[]){ "[调度]", NULL });
	send_bytes(&s, "1");
	pump(&s, 200, 3000);

	/* an input method commits 南昌 as one write */
	send_bytes(&s, "南昌");
	pump(&s, 200, 3000);
	/* the rows are counted from the window a key shows ("19+": tests/golden's
	 * search), and then, no key waiting, up to the cap: here all of them */
	check(&s, "Chinese typed while browsing", (const char *const[]){ "南昌", "共 26 条", NULL });
	send_bytes(&s, "\r");
	pump(&s, 200, 3000);
	check(&s, "search applied", (const char *const[]){ "筛选: 南昌", NULL });

	send_bytes(&s, "4");
	pump(&s, 200, 3000);
	check(&s, "calendar tab", (const char *const[]){ "2026年12月", ">[ 1*", "[日历]", NULL });
	send_bytes(&s, "]");
	pump(&s, 200, 3000);
	check(&s, "next month", (const char *const[]){ "2027年1月", "尚无国务院放假通知", "暂", NULL });
	send_bytes(&s, "1");
	pump(&s, 200, 3000);

	resize(&s, 100, 30);
	pump(&s, 300, 3000);
	check(&s, "resize to 100x30", (const char *const[]){ "服务专员", "筛选: 南昌", NULL });

	resize(&s, 60, 20);
	pump(&s, 300, 3000);
	check(&s, "resize to 60x20",
	      (const char *const[]){ "终端窗口太小", "60x20", "80x24", NULL });

	resize(&s, 80, 24);
	pump(&s, 300, 3000);
	check(&s, "back to 80x24", (const char *const[]){ "企业", "筛选: 南昌", NULL });

	/* F2 opens the add form; the name arrives as an input method commits it (one write
	 * of UTF-8), two stray letters go again with DEL and BS, as terminals send them */
	send_bytes(&s, "\033OQ");
	pump(&s, 200, 3000);
	check(&s, "F2 opens the add form", (const char *const[]){ "新建企业", "企业名称*", NULL });
	send_bytes(&s, "赣江测试电子有限公司XY");
	pump(&s, 200, 3000);
	send_bytes(&s, "\177\010");
	pump(&s, 200, 3000);
	check(&s, "Chinese typed into the form", (const char *const[]){ "[赣江测试电子有限公司 ", NULL });
	check_caret(&s, "name field", 2, 0x53F8 /* 司 */);
	/* the code; Tab past the override reason to the address, typed in Chinese too;
	 * area and category are the first of their choices; then Tab to [保存] */
	send_bytes(&s, "\t91360117053000004K\t\t");
	send_bytes(&s, "南昌市高新区高新大道");
	send_bytes(&s, "\t\033[C\t\033[C");
	for (int i = 0; i < 8; i++)
		send_bytes(&s, "\t");
	pump(&s, 200, 3000);
	check(&s, "the form filled in",
	      (const char *const[]){ "[91360117053000004K", "[南昌市高新区高新大道", "< 昌东镇 >",
	                             "< 规上工业 >", ">[ 保存 ]", NULL });
	send_bytes(&s, "\r");
	pump(&s, 300, 3000);
	check(&s, "saved", (const char *const[]){ "已添加 赣江测试电子有限公司", NULL });
	/* the search as you type finds the new row by its pinyin initials */
	send_bytes(&s, "/");
	pump(&s, 200, 3000);
	send_bytes(&s, "\025gjcs");
	pump(&s, 300, 3000);
	check(&s, "the new enterprise in the list",
	      (const char *const[]){ "赣江测试电子有限公司", "91360117053000004K", "共 1 条", NULL });
	send_bytes(&s, "\r");
	pump(&s, 200, 3000);

	/* the Appeals tab: F2 registers an appeal for the enterprise just added, picked by
	 * its name and titled in Chinese as an input method commits them; it is then in
	 * the 待分办 view (a supervisor starts on 红灯: five views to the left) */
	send_bytes(&s, "2");
	pump(&s, 200, 3000);
	check(&s, "appeals tab", (const char *const[]){ "[红灯", "待分办", NULL });
	send_bytes(&s, "\033OQ");
	pump(&s, 200, 3000);
	check(&s, "F2 opens the intake form", (const char *const[]){ "登记诉求", "企业*", NULL });
	send_bytes(&s, "赣江测试");
	pump(&s, 300, 3000);
	check(&s, "the enterprise picker", (const char *const[]){ "赣江测试电子有限公司", NULL });
	send_bytes(&s, "\r\t");
	send_bytes(&s, "厂房用电增容报装进度");
	pump(&s, 200, 3000);
	check(&s, "the title typed", (const char *const[]){ "[厂房用电增容报装进度", NULL });
	/* kind, channel and description keep their defaults; the caller is typed */
	send_bytes(&s, "\t\t\t\t王强\t13900000002\t");
	pump(&s, 200, 3000);
	check(&s, "the caller typed", (const char *const[]){ "[王强", "[13900000002", NULL });
	send_bytes(&s, "\t\r");
	pump(&s, 300, 3000);
	check(&s, "registered",
	      (const char *const[]){ "已为赣江测试电子有限公司登记诉求", NULL });
	for (int i = 0; i < 5; i++)
		send_bytes(&s, "\033[D");
	pump(&s, 300, 3000);
	check(&s, "the new appeal in 待分办",
	      (const char *const[]){ "[待分办", "厂房用电增容报装进度", NULL });

	/* a live desk: another session (the command line) registers a second appeal; with
	 * no key pressed the open list shows it and its count within the poll second */
	char *const other[] = { (char *)qifu, (char *)"--db", db, (char *)"--today",
		                (char *)"2026-12-01", (char *)"appeal", (char *)"new",
		                (char *)"--enterprise", (char *)"91360117053000004K",
		                (char *)"--title", (char *)"消防通道堆物清理", (char *)"--kind",
		                (char *)"general", (char *)"--channel", (char *)"phone", NULL };
	if (run_quietly(other) != 0)
		fail("live desk: qifu appeal new failed");
	pump(&s, 1500, 8000);
	check(&s, "another session's appeal shows without a key",
	      (const char *const[]){ "[待分办", "厂房用电增容报装进度", "消防通道堆物清理", "共 2 件",
		                     NULL });

	/* a search typed in the Appeals tab: a key reads the list's first window and the
	 * tabs wait unnumbered (tests/golden's app-search-typed); once no key waits they
	 * are counted */
	send_bytes(&s, "\033OR");
	pump(&s, 200, 3000);
	send_bytes(&s, "赣江");
	pump(&s, 300, 3000);
	check(&s, "a typed search's tabs, counted when no key waits",
	      (const char *const[]){ "搜索: 赣江", "[待分办 2]", "共 2 件", NULL });
	send_bytes(&s, "\r");
	pump(&s, 200, 3000);

	send_bytes(&s, "\033[21~");
	int status = finish(&s);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("F10: qifu ended with status %d, expected exit 0", status);
	else
		printf("ok   F10 quits with exit 0\n");
	if (s.altscreen)
		fail("F10: the alternate screen was not left (no rmcup)");
	else
		printf("ok   F10 left the alternate screen\n");

	/* the desktop takes the F-keys: with esc_digits = fkeys, Esc then 1 is F1 */
	start(&s, fkeys_ini);
	pump(&s, 300, 5000);
	check(&s, "esc_digits = fkeys", (const char *const[]){ "企业", NULL });
	send_bytes(&s, "\033");
	usleep(100000);
	send_bytes(&s, "1");
	pump(&s, 300, 3000);
	check(&s, "Esc 1 is F1", (const char *const[]){ "导航", "终端设置", NULL });
	send_bytes(&s, "q\033");
	usleep(100000);
	send_bytes(&s, "0");
	status = finish(&s);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("Esc 0: qifu ended with status %d, expected F10 to exit 0", status);
	else
		printf("ok   Esc 0 is F10 and quits\n");

	/* a second session ended by SIGTERM still restores the terminal */
	start(&s, NULL);
	pump(&s, 300, 5000);
	check(&s, "second session", (const char *const[]){ "企业", NULL });
	kill(s.pid, SIGTERM);
	status = finish(&s);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGTERM)
		fail("SIGTERM: qifu ended with status %d, expected to die of SIGTERM", status);
	else
		printf("ok   SIGTERM ends qifu\n");
	if (s.altscreen)
		fail("SIGTERM: the alternate screen was not left");
	else
		printf("ok   SIGTERM left the alternate screen\n");

	news_session(&s);
	inspection_session(&s);
	staff_session(&s);

	printf("%s\n", failures ? "e2e FAILED" : "e2e passed");
	return failures ? 1 : 0;
}
