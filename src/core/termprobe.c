/* The ambiguous-width probe (see termprobe.h): one exchange with the terminal before
 * curses starts, in raw mode so that neither the character nor the answer is echoed,
 * and the line it drew on erased again; plus the pure parts, which the unit test
 * takes through their cases: the answer's parser, the column's meaning, the decision
 * and its words. */
#include "core/termprobe.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"

ambiguous_found termprobe_decide(int setting, bool asked, int answer)
{
	if (setting == 1 || setting == 2)
		return (ambiguous_found){ setting, AMBIG_SETTING };
	if (!asked)
		return (ambiguous_found){ 1, AMBIG_NOT_ASKED };
	if (answer == 1 || answer == 2)
		return (ambiguous_found){ answer, AMBIG_ANSWERED };
	return (ambiguous_found){ 1, AMBIG_NO_ANSWER };
}

int termprobe_width_of_column(int col)
{
	return col == 2 || col == 3 ? col - 1 : 0;
}

/* digits at buf[*i], at most four: their value, or -1 when there are none */
static int number_at(const char *buf, size_t n, size_t *i)
{
	int v = 0, k = 0;
	while (*i < n && k < 4 && buf[*i] >= '0' && buf[*i] <= '9') {
		v = v * 10 + (buf[*i] - '0');
		(*i)++;
		k++;
	}
	return k ? v : -1;
}

bool termprobe_find_report(const char *buf, size_t n, int *row, int *col, size_t *start,
			   size_t *end)
{
	for (size_t s = 0; s + 1 < n; s++) {
		if (buf[s] != '\033' || buf[s + 1] != '[')
			continue;
		size_t i = s + 2;
		int r = number_at(buf, n, &i);
		if (r < 0 || i >= n || buf[i] != ';')
			continue;
		i++;
		int c = number_at(buf, n, &i);
		if (c < 0 || i >= n || buf[i] != 'R')
			continue;
		*row = r;
		*col = c;
		*start = s;
		*end = i + 1;
		return true;
	}
	return false;
}

/* the length of the start of a report at the end of buf (its rest still on the way),
 * or 0: ESC, ESC [, ESC [ digits, ESC [ digits ; digits */
static size_t partial_report(const char *buf, size_t n)
{
	const char *esc = NULL;
	for (size_t i = n; i-- > 0;)
		if (buf[i] == '\033') {
			esc = buf + i;
			break;
		}
	if (!esc)
		return 0;
	size_t len = (size_t)(buf + n - esc);
	if (len >= 2 && esc[1] != '[')
		return 0;
	for (size_t i = 2; i < len; i++)
		if (!((esc[i] >= '0' && esc[i] <= '9') || esc[i] == ';'))
			return 0;
	return len;
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static int write_all(int fd, const char *s)
{
	size_t len = strlen(s), done = 0;
	while (done < len) {
		ssize_t w = write(fd, s + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	return 0;
}

int termprobe_ask(int in, int out, int timeout_ms, char *typeahead, size_t cap, size_t *ntype)
{
	/* to column 1, one “, then "where is the cursor?" */
	static const char probe[] = "\r\xE2\x80\x9C\033[6n";
	/* back to column 1 and clear what the probe drew */
	static const char erase[] = "\r\033[K";
	struct termios saved, raw;
	char buf[256];
	size_t n = 0, start = 0, end = 0;
	int row, col, width = 0;
	bool found = false;

	*ntype = 0;
	if (!isatty(in) || !isatty(out) || tcgetattr(in, &saved) < 0)
		return 0;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(in, TCSANOW, &raw) < 0)
		return 0;
	if (write_all(out, probe) == 0) {
		long deadline = now_ms() + timeout_ms;
		while (!found && n < sizeof buf) {
			long left = deadline - now_ms();
			if (left <= 0)
				break;
			struct pollfd p = { in, POLLIN, 0 };
			int rc = poll(&p, 1, (int)left);
			if (rc < 0 && errno == EINTR)
				continue;
			if (rc <= 0)
				break;
			ssize_t r = read(in, buf + n, sizeof buf - n);
			if (r < 0 && (errno == EINTR || errno == EAGAIN))
				continue;
			if (r <= 0)
				break;
			n += (size_t)r;
			found = termprobe_find_report(buf, n, &row, &col, &start, &end);
		}
		write_all(out, erase);
	}
	tcsetattr(in, TCSANOW, &saved);
	if (found) {
		width = termprobe_width_of_column(col);
		memmove(buf + start, buf + end, n - end);
		n -= end - start;
	} else {
		/* the start of an answer that came too late for the rest: not a key */
		n -= partial_report(buf, n);
	}
	*ntype = n < cap ? n : cap;
	memcpy(typeahead, buf, *ntype);
	return width;
}

void termprobe_describe(const ambiguous_found *f, strbuf *out)
{
	switch (f->source) {
	case AMBIG_SETTING:
		sb_addf(out, P_("ambiguous characters (“ … ① ─) take %d column, as [display] "
		                "ambiguous_width says",
		                "ambiguous characters (“ … ① ─) take %d columns, as [display] "
		                "ambiguous_width says", f->width), f->width);
		break;
	case AMBIG_ANSWERED:
		sb_addf(out, P_("ambiguous characters (“ … ① ─) take %d column: the terminal said so "
		                "when asked (ambiguous_width = auto)",
		                "ambiguous characters (“ … ① ─) take %d columns: the terminal said "
		                "so when asked (ambiguous_width = auto)", f->width), f->width);
		break;
	case AMBIG_NO_ANSWER:
		sb_addf(out, _("ambiguous characters (“ … ① ─) are counted as 1 column: the terminal "
		               "did not answer within %d ms (ambiguous_width = auto); if it draws "
		               "them two columns wide, set [display] ambiguous_width = 2"),
		        TERMPROBE_TIMEOUT_MS);
		break;
	case AMBIG_NOT_ASKED:
		sb_add(out, _("ambiguous characters (“ … ① ─) are counted as 1 column: there was no "
		              "terminal to ask (ambiguous_width = auto)"));
		break;
	}
}
