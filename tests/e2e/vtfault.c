/* The terminal after qifu dies of a signal, in a real pseudo-terminal with a libvterm
 * screen: for Ctrl-\ typed (SIGQUIT), and SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGTERM,
 * SIGHUP and SIGINT sent while the full screen is up, qifu must die of that very
 * signal (the parent sees how it ended) having left the alternate screen, shown the
 * cursor, reset the attributes and put back the modes the shell had (canonical input
 * with echo, CR to NL, output processing), as they were before it started.
 * Usage: vtfault QIFU WORKDIR */
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "vtpty.h"

static int failures;

static void fail(const char *what, const char *why)
{
	printf("FAIL: %s: %s\n", what, why);
	failures++;
}

/* the modes a shell's terminal is in that curses takes away */
static bool cooked(const struct termios *t)
{
	return (t->c_lflag & (ICANON | ECHO | ISIG)) == (ICANON | ECHO | ISIG) &&
	       (t->c_iflag & ICRNL) && (t->c_oflag & OPOST);
}

/* whether row text of the screen shows text */
static bool screen_has(vtpty *s, const char *text)
{
	char row[2048];
	for (int r = 0; r < s->rows; r++)
		if (vtpty_row_text(s, r, row, sizeof row) >= 0 && strstr(row, text))
			return true;
	return false;
}

/* feed the screen until qifu's first screen is up: the alternate screen, the cursor
 * hidden and the tab line drawn; false after 30 s */
static bool wait_first_screen(vtpty *s)
{
	long end = vtpty_now_ms() + 30000;
	while (vtpty_now_ms() < end && !s->eof) {
		vtpty_pump(s, 50, 200);
		if (s->altscreen && !s->cursor_visible && screen_has(s, "企业"))
			return true;
	}
	return false;
}

static void one(const char *qifu, const char *db, int sig, const char *how)
{
	int failed_before = failures;
	char *argv[] = { (char *)qifu, (char *)"--db", (char *)db, (char *)"--today",
	                 (char *)"2026-12-01", NULL };
	vtpty s = { 0 };
	vtpty_start(&s, 24, 80, argv);
	int tty = vtpty_open_tty(&s);
	struct termios before, during, after;
	/* what the shell would have: the pty's modes before qifu changes them are a
	 * fresh pty's, cooked; read them now, racing qifu, only to compare the flags */
	if (tty < 0 || tcgetattr(tty, &before) < 0) {
		fail(how, "cannot read the pty's modes");
		return;
	}
	/* the signal is sent once the first screen is drawn, when the restore is armed
	 * (however slow the start: a sanitizer build on a loaded machine) */
	if (!wait_first_screen(&s))
		fail(how, "qifu's screen did not come up (alternate screen, cursor hidden, tabs)");
	if (tcgetattr(tty, &during) == 0 && cooked(&during))
		fail(how, "qifu left the terminal cooked while it ran: the test proves nothing");
	if (sig == SIGQUIT) {
		if (!vtpty_send(&s, "\x1c", 1))
			fail(how, "cannot type Ctrl-\\");
	} else {
		kill(s.pid, sig);
	}
	/* the screen is read after the death, so wait here (vtpty_finish frees it) */
	int status = -1;
	long end = vtpty_now_ms() + 5000;
	while (vtpty_now_ms() < end) {
		vtpty_pump(&s, 50, 100);
		if (waitpid(s.pid, &status, WNOHANG) == s.pid)
			break;
		status = -1;
	}
	vtpty_pump(&s, 100, 1000);
	char why[160];
	if (status < 0) {
		fail(how, "qifu did not end");
	} else if (!WIFSIGNALED(status) || WTERMSIG(status) != sig) {
		snprintf(why, sizeof why, "qifu ended with status 0x%x, not by signal %d", status,
		         sig);
		fail(how, why);
	}
	if (s.altscreen)
		fail(how, "the alternate screen was not left");
	if (!s.cursor_visible)
		fail(how, "the cursor was left hidden");
	if (!vtpty_pen_plain(&s))
		fail(how, "the attributes were not reset");
	if (tcgetattr(tty, &after) < 0) {
		fail(how, "cannot read the pty's modes afterwards");
	} else if (!cooked(&after)) {
		fail(how, "the terminal was left without canonical input, echo or CR/NL");
	} else if ((after.c_lflag & (ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN)) !=
	           (before.c_lflag & (ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN)) ||
	           after.c_iflag != before.c_iflag || after.c_oflag != before.c_oflag) {
		fail(how, "the terminal's modes differ from before qifu started");
	}
	close(tty);
	if (status < 0)
		kill(s.pid, SIGKILL);
	vtpty_finish(&s, 1000);
	if (failures == failed_before)
		printf("ok   %s: qifu died of it and the terminal is back\n", how);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: vtfault QIFU WORKDIR\n");
		return 2;
	}
	const char *qifu = argv[1];
	mkdir(argv[2], 0755);
	char db[4096];
	snprintf(db, sizeof db, "%s/fault.db", argv[2]);
	unlink(db);
	char cmd[8192];
	snprintf(cmd, sizeof cmd, "'%s' --db '%s' --today 2026-12-01 demo --enterprises 20 "
	         ">/dev/null", qifu, db);
	if (system(cmd) != 0) {
		printf("FAIL: cannot write the demo database\n");
		return 1;
	}
	/* no core files from the signals that dump core */
	struct rlimit no_core = { 0, 0 };
	setrlimit(RLIMIT_CORE, &no_core);
	setenv("LANGUAGE", "zh_CN", 1);
	static const struct { int sig; const char *how; } t[] = {
		{ SIGQUIT, "Ctrl-\\ (SIGQUIT)" },
		{ SIGSEGV, "SIGSEGV" },
		{ SIGABRT, "SIGABRT" },
		{ SIGBUS, "SIGBUS" },
		{ SIGFPE, "SIGFPE" },
		{ SIGTERM, "SIGTERM" },
		{ SIGHUP, "SIGHUP" },
		{ SIGINT, "SIGINT" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		one(qifu, db, t[i].sig, t[i].how);
	printf("%s\n", failures ? "e2e faults FAILED" : "e2e faults passed");
	return failures ? 1 : 0;
}
