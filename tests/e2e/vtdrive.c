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
 * Usage: vtdrive QIFU WORKDIR */
#include <errno.h>
#include <fcntl.h>
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
	vtpty_start(s, 24, 80, argv);
}

/* wait for the child and report how it ended */
static int finish(session *s)
{
	int status = vtpty_finish(s, 5000);
	if (status < 0)
		fail("qifu did not exit");
	return status;
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

	session s;
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
	check(&s, "Chinese typed while browsing", (const char *const[]){ "南昌", NULL });
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

	printf("%s\n", failures ? "e2e FAILED" : "e2e passed");
	return failures ? 1 : 0;
}
