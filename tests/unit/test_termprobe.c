/* The ambiguous-width probe: the decision between setting and answer, the meaning of
 * the answer's column, the parser of cursor position reports, the words for what was
 * found, and the exchange itself on a real pseudo-terminal whose answer (and keys
 * typed ahead) are queued before it asks. */
#define _GNU_SOURCE /* posix_openpt and friends */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/termprobe.h"

static void test_decide(void **state)
{
	(void)state;
	static const struct {
		int setting;
		bool asked;
		int answer;
		int width;
		ambiguous_source source;
	} t[] = {
		{ 1, false, 0, 1, AMBIG_SETTING }, { 2, false, 0, 2, AMBIG_SETTING },
		{ 2, true, 1, 2, AMBIG_SETTING },	/* a setting is never second-guessed */
		{ 1, true, 2, 1, AMBIG_SETTING },
		{ 0, true, 2, 2, AMBIG_ANSWERED }, { 0, true, 1, 1, AMBIG_ANSWERED },
		{ 0, true, 0, 1, AMBIG_NO_ANSWER }, { 0, true, 5, 1, AMBIG_NO_ANSWER },
		{ 0, false, 0, 1, AMBIG_NOT_ASKED }, { 0, false, 2, 1, AMBIG_NOT_ASKED },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		ambiguous_found f = termprobe_decide(t[i].setting, t[i].asked, t[i].answer);
		if (f.width != t[i].width || f.source != t[i].source)
			fail_msg("case %zu: width %d source %d", i, f.width, (int)f.source);
	}
}

static void test_width_of_column(void **state)
{
	(void)state;
	static const int want[] = { 0, 0, 1, 2, 0, 0, 0 };
	for (int col = 0; col < (int)(sizeof want / sizeof want[0]); col++)
		assert_int_equal(termprobe_width_of_column(col), want[col]);
	assert_int_equal(termprobe_width_of_column(-1), 0);
	assert_int_equal(termprobe_width_of_column(80), 0);
}

static void test_find_report(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		bool found;
		int row, col;
		size_t start, end;
	} t[] = {
		{ "\033[1;3R", true, 1, 3, 0, 6 },
		{ "\033[24;2R", true, 24, 2, 0, 7 },
		{ "ab\033[12;3Rcd", true, 12, 3, 2, 9 },
		{ "\033[A\033[5;2R", true, 5, 2, 3, 9 },	/* an arrow key first */
		{ "\033\033[5;2R", true, 5, 2, 1, 7 },
		{ "\033[1;3", false, 0, 0, 0, 0 },	/* not all here yet */
		{ "\033[1R", false, 0, 0, 0, 0 },
		{ "\033[;3R", false, 0, 0, 0, 0 },
		{ "\033[1;R", false, 0, 0, 0, 0 },
		{ "\033[1;2;3R", false, 0, 0, 0, 0 },
		{ "\033[12345;3R", false, 0, 0, 0, 0 },	/* four digits at most */
		{ "[1;3R", false, 0, 0, 0, 0 },
		{ "", false, 0, 0, 0, 0 },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int row = 0, col = 0;
		size_t start = 0, end = 0;
		bool found = termprobe_find_report(t[i].in, strlen(t[i].in), &row, &col, &start, &end);
		if (found != t[i].found || (found && (row != t[i].row || col != t[i].col ||
		                                      start != t[i].start || end != t[i].end)))
			fail_msg("case %zu: found %d row %d col %d [%zu, %zu)", i, found, row, col,
				 start, end);
	}
}

static void test_describe(void **state)
{
	(void)state;
	static const struct {
		ambiguous_found f;
		const char *says;
	} t[] = {
		{ { 2, AMBIG_SETTING }, "take 2 columns, as [display] ambiguous_width says" },
		{ { 1, AMBIG_SETTING }, "take 1 column, as [display] ambiguous_width says" },
		{ { 2, AMBIG_ANSWERED }, "take 2 columns: the terminal said so when asked" },
		{ { 1, AMBIG_ANSWERED }, "take 1 column: the terminal said so when asked" },
		{ { 1, AMBIG_NO_ANSWER }, "did not answer within 100 ms" },
		{ { 1, AMBIG_NOT_ASKED }, "no terminal to ask" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		strbuf out = STRBUF_INIT;
		termprobe_describe(&t[i].f, &out);
		if (!strstr(sb_str(&out), t[i].says))
			fail_msg("case %zu: \"%s\"", i, sb_str(&out));
		sb_free(&out);
	}
}

/* a pseudo-terminal: *master for the test, the returned descriptor for the probe */
static int open_pty(int *master)
{
	*master = posix_openpt(O_RDWR | O_NOCTTY);
	assert_true(*master >= 0);
	assert_int_equal(grantpt(*master), 0);
	assert_int_equal(unlockpt(*master), 0);
	int slave = open(ptsname(*master), O_RDWR | O_NOCTTY);
	assert_true(slave >= 0);
	struct termios t;
	assert_int_equal(tcgetattr(slave, &t), 0);
	/* a shell's modes (line by line, echoing), but what the probe writes arrives as
	 * written */
	t.c_lflag |= ICANON | ECHO;
	t.c_oflag &= ~(tcflag_t)OPOST;
	assert_int_equal(tcsetattr(slave, TCSANOW, &t), 0);
	return slave;
}

/* everything the probe wrote, as the terminal received it */
static size_t read_written(int master, char *buf, size_t cap)
{
	size_t n = 0;
	struct pollfd p = { master, POLLIN, 0 };
	while (n < cap && poll(&p, 1, 50) > 0) {
		ssize_t r = read(master, buf + n, cap - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	return n;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void test_ask(void **state)
{
	(void)state;
	static const struct {
		const char *queued;	/* what the terminal sends: keys and the answer */
		int width;
		const char *typeahead;
		bool waits;		/* no answer: the whole timeout passes */
	} t[] = {
		{ "\033[7;3R", 2, "", false },
		{ "\033[7;2R", 1, "", false },
		{ "ab\033[7;3Rcd", 2, "abcd", false },	/* keys typed ahead are kept */
		{ "\033[7;9R", 0, "", false },	/* an answer that makes no sense */
		{ "", 0, "", true },
		{ "x", 0, "x", true },
		{ "x\033[7;", 0, "x", true },	/* the start of a late answer is no key */
	};
	static const char probe[] = "\r\xE2\x80\x9C\033[6n\r\033[K";
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int master, slave = open_pty(&master);
		char typed[16], wrote[64];
		size_t ntyped = 99;
		if (*t[i].queued)
			assert_true(write(master, t[i].queued, strlen(t[i].queued)) > 0);
		usleep(20000);
		/* what the line discipline echoed of it, while the shell's modes held */
		read_written(master, wrote, sizeof wrote);
		long start = now_ms();
		int w = termprobe_ask(slave, slave, 60, typed, sizeof typed, &ntyped);
		long took = now_ms() - start;
		size_t nw = read_written(master, wrote, sizeof wrote);
		if (w != t[i].width || ntyped != strlen(t[i].typeahead) ||
		    memcmp(typed, t[i].typeahead, ntyped) != 0)
			fail_msg("case %zu: width %d, %zu bytes typed ahead", i, w, ntyped);
		/* it wrote the probe and erased it, and gave up after the timeout or answered
		 * at once */
		assert_int_equal(nw, strlen(probe));
		assert_memory_equal(wrote, probe, nw);
		if (t[i].waits)
			assert_true(took >= 55 && took < 1000);
		else
			assert_true(took < 55);
		/* the terminal's modes are as they were */
		struct termios after;
		assert_int_equal(tcgetattr(slave, &after), 0);
		assert_true((after.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO));
		close(slave);
		close(master);
	}
	/* no terminal: nothing asked, nothing written */
	int fds[2];
	size_t ntyped = 99;
	char typed[4];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(termprobe_ask(fds[0], fds[1], 60, typed, sizeof typed, &ntyped), 0);
	assert_int_equal(ntyped, 0);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_width_of_column),
		cmocka_unit_test(test_find_report),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_ask),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
