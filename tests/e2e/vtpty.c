/* A program in a pseudo-terminal with a libvterm screen (see vtpty.h). libvterm has no
 * switch for ambiguous-width characters: its width rule, vterm_unicode_width, is
 * internal to the library. Linked from the static libvterm.a with
 * -Wl,--wrap=vterm_unicode_width (meson does so when libvterm.a is installed, and
 * defines VTPTY_WRAP), every call libvterm's state machine makes to it comes here
 * instead, and the ranges given to vtpty_set_ambiguous_wide are drawn two cells wide. */
#include "vtpty.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const uint32_t *wide_ranges;
static size_t wide_n;

#ifdef VTPTY_WRAP
int __real_vterm_unicode_width(uint32_t c);
int __wrap_vterm_unicode_width(uint32_t c);

int __wrap_vterm_unicode_width(uint32_t c)
{
	int w = __real_vterm_unicode_width(c);
	size_t lo = 0, hi = wide_n;
	if (w != 1)
		return w;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c < wide_ranges[2 * mid])
			hi = mid;
		else if (c > wide_ranges[2 * mid + 1])
			lo = mid + 1;
		else
			return 2;
	}
	return w;
}
#endif

bool vtpty_set_ambiguous_wide(const uint32_t *v, size_t n)
{
	wide_ranges = v;
	wide_n = n;
#ifdef VTPTY_WRAP
	return true;
#else
	return n == 0;
#endif
}

long vtpty_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static int on_termprop(VTermProp prop, VTermValue *val, void *user)
{
	vtpty *s = user;
	if (prop == VTERM_PROP_ALTSCREEN)
		s->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		s->cursor_visible = val->boolean;
	return 1;
}

static const VTermScreenCallbacks screen_cbs = {
	.settermprop = on_termprop,
};

void vtpty_start(vtpty *s, int rows, int cols, char *const argv[])
{
	bool silent = s->silent;
	memset(s, 0, sizeof *s);
	s->silent = silent;
	s->rows = rows;
	s->cols = cols;
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	s->pid = forkpty(&s->fd, NULL, NULL, &ws);
	if (s->pid < 0) {
		perror("forkpty");
		exit(1);
	}
	if (s->pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		unsetenv("ESCDELAY");
		execv(argv[0], argv);
		perror("exec");
		_exit(127);
	}
	s->vt = vterm_new(rows, cols);
	vterm_set_utf8(s->vt, 1);
	s->screen = vterm_obtain_screen(s->vt);
	vterm_screen_set_callbacks(s->screen, &screen_cbs, s);
	vterm_screen_enable_altscreen(s->screen, 1);
	s->cursor_visible = true;
	vterm_screen_reset(s->screen, 1);
}

int vtpty_open_tty(vtpty *s)
{
	const char *name = ptsname(s->fd);
	return name ? open(name, O_RDWR | O_NOCTTY) : -1;
}

bool vtpty_pen_plain(vtpty *s)
{
	VTermState *st = vterm_obtain_state(s->vt);
	static const VTermAttr flags[] = { VTERM_ATTR_BOLD, VTERM_ATTR_UNDERLINE,
		VTERM_ATTR_ITALIC, VTERM_ATTR_BLINK, VTERM_ATTR_REVERSE, VTERM_ATTR_STRIKE };
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		VTermValue v;
		if (vterm_state_get_penattr(st, flags[i], &v) && (flags[i] == VTERM_ATTR_UNDERLINE ?
		    v.number != 0 : v.boolean))
			return false;
	}
	VTermValue fg, bg;
	if (vterm_state_get_penattr(st, VTERM_ATTR_FOREGROUND, &fg) &&
	    !VTERM_COLOR_IS_DEFAULT_FG(&fg.color))
		return false;
	if (vterm_state_get_penattr(st, VTERM_ATTR_BACKGROUND, &bg) &&
	    !VTERM_COLOR_IS_DEFAULT_BG(&bg.color))
		return false;
	return true;
}

void vtpty_pump(vtpty *s, int quiet_ms, int max_ms)
{
	long end = vtpty_now_ms() + max_ms;
	char buf[8192];
	while (!s->eof && vtpty_now_ms() < end) {
		struct pollfd p = { s->fd, POLLIN, 0 };
		int rc = poll(&p, 1, quiet_ms);
		if (rc == 0 && !s->got_output)
			continue;
		if (rc == 0)
			return;
		if (rc < 0 && errno == EINTR)
			continue;
		ssize_t n = read(s->fd, buf, sizeof buf);
		if (n <= 0) {
			s->eof = true;
			return;
		}
		s->got_output = true;
		vterm_input_write(s->vt, buf, (size_t)n);
		/* answers to the program's queries (the cursor position report) go back */
		size_t out;
		while ((out = vterm_output_read(s->vt, buf, sizeof buf)) > 0) {
			if (s->silent)
				continue;
			s->answers++;
			if (write(s->fd, buf, out) < 0)
				break;
		}
	}
}

bool vtpty_send(vtpty *s, const char *bytes, size_t len)
{
	return write(s->fd, bytes, len) == (ssize_t)len;
}

void vtpty_resize(vtpty *s, int cols, int rows)
{
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	s->rows = rows;
	s->cols = cols;
	vterm_set_size(s->vt, rows, cols);
	ioctl(s->fd, TIOCSWINSZ, &ws);
	kill(s->pid, SIGWINCH);
}

static size_t put_utf8(char *out, size_t len, size_t cap, uint32_t cp)
{
	char enc[4];
	size_t n;
	if (cp < 0x80) {
		enc[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		enc[0] = (char)(0xC0 | (cp >> 6));
		enc[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		enc[0] = (char)(0xE0 | (cp >> 12));
		enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		enc[0] = (char)(0xF0 | (cp >> 18));
		enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		enc[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (len + n >= cap)
		return len;
	memcpy(out + len, enc, n);
	out[len + n] = '\0';
	return len + n;
}

int vtpty_row_text(vtpty *s, int row, char *out, size_t cap)
{
	int width = 0;
	bool broken = false;
	size_t len = 0;
	out[0] = '\0';
	for (int col = 0; col < s->cols; col++) {
		VTermScreenCell cell;
		VTermPos pos = { row, col };
		vterm_screen_get_cell(s->screen, pos, &cell);
		if (cell.chars[0] == (uint32_t)-1) {
			/* a right half whose left half was overwritten */
			broken = true;
			len = put_utf8(out, len, cap, '?');
			width++;
			continue;
		}
		if (cell.width == 2 && col == s->cols - 1)
			broken = true;
		len = put_utf8(out, len, cap, cell.chars[0] ? cell.chars[0] : ' ');
		for (int i = 1; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[0] && cell.chars[i]; i++)
			len = put_utf8(out, len, cap, cell.chars[i]);
		width += cell.width;
		if (cell.width == 2) {
			VTermScreenCell next;
			VTermPos npos = { row, col + 1 };
			if (col + 1 < s->cols) {
				vterm_screen_get_cell(s->screen, npos, &next);
				broken = broken || next.chars[0] != (uint32_t)-1;
			}
			col++;
		}
	}
	return broken ? -1 : width;
}

int vtpty_finish(vtpty *s, int timeout_ms)
{
	vtpty_pump(s, 200, 3000);
	int status = 0;
	long end = vtpty_now_ms() + timeout_ms;
	pid_t rc;
	while ((rc = waitpid(s->pid, &status, WNOHANG)) == 0 && vtpty_now_ms() < end) {
		vtpty_pump(s, 50, 100);
		usleep(20000);
	}
	if (rc == 0) {
		kill(s->pid, SIGKILL);
		waitpid(s->pid, &status, 0);
		status = -1;
	}
	vterm_free(s->vt);
	close(s->fd);
	return status;
}
