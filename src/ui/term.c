/* Starting and ending curses, and nothing else does. Every exit path restores the
 * terminal: normal quit, fatal() through the atexit hook, SIGTERM/SIGHUP/SIGINT,
 * whose handler only sets a flag so the main loop can leave cleanly, and the fatal
 * signals (SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL), whose handler writes the
 * sequences prepared here and dies of the signal (ui/term_fault.c). While curses owns
 * the screen, stderr goes to a temporary file and is replayed after the restore, so a
 * fatal message is not wiped by the switch back from the alternate screen. */
#include "ui/term.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "core/i18n.h"
#include "core/text.h"
#include "ui/term_fault.h"

/* how long after Esc a digit still makes it an F-key (Esc 1 = F1 … Esc 0 = F10),
 * where Esc then a digit is read so (esc_digits_fkeys) */
#define ESC_DIGIT_MS 400

static volatile sig_atomic_t stop_signal;
static bool started;
static bool headless;
static bool atexit_done;
static SCREEN *screen;
static FILE *null_out, *null_in;
static int saved_stderr = -1;
static FILE *stderr_log;
static struct sigaction old_actions[3];
static const int stop_signals[3] = { SIGTERM, SIGHUP, SIGINT };
static int style_attrs[STYLE__COUNT];
static ambiguous_found ambiguous = { 1, AMBIG_NOT_ASKED };
/* the setting and the terminal's own F-keys, for Esc then a digit */
static esc_digits esc_mode;
static bool has_fkeys;
/* the terminal's modes before curses, for the fatal-signal restore */
static int shell_tty = -1;
static struct termios shell_modes;
static bool have_shell_modes;

/* colour form (foreground, background, extra attributes) and monochrome form */
static const struct {
	short fg, bg;
	int color_attr;
	int mono_attr;
} style_table[STYLE__COUNT] = {
	[STYLE_NORMAL] = { -1, -1, 0, 0 },
	[STYLE_TAB] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[STYLE_HEADER] = { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[STYLE_CURSOR] = { -1, -1, A_REVERSE, A_REVERSE },
	[STYLE_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[STYLE_FKEY_NUM] = { -1, -1, A_BOLD, A_BOLD },
	[STYLE_FKEY_LABEL] = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[STYLE_DIM] = { -1, -1, 0, 0 },
	[STYLE_LIGHT_RED] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[STYLE_LIGHT_YELLOW] = { COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	[STYLE_LIGHT_GREEN] = { COLOR_GREEN, -1, 0, 0 },
	[STYLE_HOLIDAY] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[STYLE_MAKEUP] = { COLOR_BLUE, -1, A_BOLD, A_UNDERLINE },
	[STYLE_QUIET] = { -1, COLOR_BLUE, 0, 0 },
	[STYLE_TODAY] = { -1, -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	/* A scanner wants the dark modules darker than the light ones, and the code is drawn
	 * with its dark modules as ink: black on white says so on any terminal. Without
	 * colour (NO_COLOR, theme = mono) reverse video swaps the terminal's own two
	 * colours, which is dark on light on the light-on-dark default of PuTTY, Xshell,
	 * SecureCRT and Windows Terminal; a light terminal without colour gets it inverted
	 * and its user prints the notice (README, qifu(1)). */
	[STYLE_QR] = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
};

/* ncursesw measures every character it stores with wcwidth(), called through the
 * PLT, so this definition, exported from the executable (meson.build links it with
 * --export-dynamic-symbol=wcwidth), is the one it gets instead of the C library's
 * (which counts ambiguous characters one column). Curses then counts each cell as
 * the text module does, and with [display] ambiguous_width = 2 it neither leaves
 * stale cells behind nor moves the cursor to a column of its own. */
int wcwidth(wchar_t c)
{
	return text_wcwidth((uint32_t)c);
}

bool term_locale_ok(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0))
		return true;
	/* Not through gettext: in a non-UTF-8 locale it would turn the Chinese line into
	 * question marks, and the usual cause (LANG unset over SSH) leaves a UTF-8
	 * terminal that shows these bytes correctly. */
	fputs("qifu: 当前区域设置不是 UTF-8，无法正确显示中文。请执行 export LANG=zh_CN.UTF-8"
	      "（或 C.UTF-8），并把终端的字符编码设为 UTF-8。\n"
	      "qifu: the locale is not UTF-8. Run export LANG=zh_CN.UTF-8 (or C.UTF-8) and "
	      "set the terminal's character encoding to UTF-8.\n", stderr);
	return false;
}

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: the blocking read in get_wch returns and the loop exits */
	sa.sa_flags = 0;
	for (int i = 0; i < 3; i++)
		sigaction(stop_signals[i], &sa, &old_actions[i]);
}

static void restore_signals(void)
{
	for (int i = 0; i < 3; i++)
		sigaction(stop_signals[i], &old_actions[i], NULL);
}

static void on_exit_hook(void)
{
	term_end();
}

/* stderr into a temporary file until term_end replays it */
static void capture_stderr(void)
{
	fflush(stderr);
	stderr_log = tmpfile();
	if (!stderr_log)
		return;
	saved_stderr = dup(STDERR_FILENO);
	if (saved_stderr < 0 || dup2(fileno(stderr_log), STDERR_FILENO) < 0) {
		if (saved_stderr >= 0)
			close(saved_stderr);
		saved_stderr = -1;
		fclose(stderr_log);
		stderr_log = NULL;
	}
}

static void replay_stderr(void)
{
	if (saved_stderr < 0)
		return;
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	saved_stderr = -1;
	rewind(stderr_log);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, stderr_log)) > 0)
		if (write(STDERR_FILENO, buf, n) < 0)
			break;
	fclose(stderr_log);
	stderr_log = NULL;
}

static void setup_styles(bool color)
{
	bool use_color = color && has_colors() && start_color() == OK;
	if (use_color)
		use_default_colors();
	for (int s = 0; s < STYLE__COUNT; s++) {
		if (!use_color) {
			style_attrs[s] = style_table[s].mono_attr;
			continue;
		}
		int attr = style_table[s].color_attr;
		short bg = style_table[s].bg;
		/* PuTTY's and xterm's white is a light grey; the bright one makes a QR code's
		 * light modules as light as the terminal can */
		if (s == STYLE_QR && COLORS >= 16)
			bg = COLOR_WHITE + 8;
		if (style_table[s].fg != -1 || bg != -1) {
			init_pair((short)s, style_table[s].fg, bg);
			attr |= (int)COLOR_PAIR(s);
		}
		style_attrs[s] = attr;
	}
}

/* whether the terminal description has F1 to F10: where it has, the terminal sends
 * them, and Esc then a digit is not needed for them. Asked before define_extra_keys,
 * which adds PuTTY's F1-F4 to any terminal. */
static bool terminal_has_fkeys(void)
{
	for (int i = 1; i <= 10; i++)
		if (!has_key(KEY_F(i)))
			return false;
	return true;
}

/* Sequences terminfo often lacks: PuTTY's ESC[11~…ESC[14~ for F1–F4, the Home/End
 * spellings of PuTTY, rxvt, xterm and the VT220 family, and the cursor keys in both
 * normal and application mode (a terminal that ignores smkx sends ESC[A, not ESC OA). */
static void define_extra_keys(void)
{
	static const struct { const char *seq; int code; } extra[] = {
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
		{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033OA", KEY_UP }, { "\033OB", KEY_DOWN },
		{ "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[Z", KEY_BTAB },
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		define_key(extra[i].seq, extra[i].code);
}

static SCREEN *open_headless(void)
{
	null_out = fopen("/dev/null", "w");
	null_in = fopen("/dev/null", "r");
	if (!null_out || !null_in)
		return NULL;
	const char *names[] = { getenv("TERM"), "xterm-256color", "vt100" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!names[i] || !*names[i])
			continue;
		SCREEN *s = newterm(names[i], null_out, null_in);
		if (s)
			return s;
	}
	return NULL;
}

/* terminfo's string for cap with its padding ($<5>) left out, appended to out */
static void add_cap(strbuf *out, const char *cap)
{
	const char *v = tigetstr(cap);
	if (!v || v == (const char *)-1)
		return;
	while (*v) {
		const char *end = v[0] == '$' && v[1] == '<' ? strchr(v, '>') : NULL;
		if (end) {
			v = end + 1;
			continue;
		}
		sb_addc(out, *v++);
	}
}

/* What a fatal signal writes and sets, prepared now because its handler may not
 * compute anything: attributes off, the keypad and the mouse back to normal, the
 * cursor shown, the alternate screen left, and the modes the shell had. */
static void arm_fault_restore(int tty_fd, const struct termios *modes, bool mouse)
{
	strbuf seq = STRBUF_INIT;
	add_cap(&seq, "sgr0");
	add_cap(&seq, "rmkx");
	if (mouse)
		sb_add(&seq, "\033[?1000l");
	add_cap(&seq, "cnorm");
	add_cap(&seq, "rmcup");
	term_fault_arm(STDOUT_FILENO, tty_fd, modes, sb_str(&seq), saved_stderr,
	               stderr_log ? fileno(stderr_log) : -1);
	sb_free(&seq);
}

int term_start(const term_opts *o, strbuf *err)
{
	if (started)
		return 0;
	headless = o->headless;
	stop_signal = 0;
	install_signals();
	if (!atexit_done) {
		atexit(on_exit_hook);
		atexit_done = true;
	}
	if (headless) {
		screen = open_headless();
	} else {
		const char *t = getenv("TERM");
		if (!t || !*t) {
			sb_add(err, _("TERM is not set: qifu needs a terminal type such as "
			              "xterm-256color"));
			restore_signals();
			return -1;
		}
		/* the shell's modes, before curses or the probe changes any */
		shell_tty = isatty(STDIN_FILENO) ? STDIN_FILENO : STDOUT_FILENO;
		have_shell_modes = tcgetattr(shell_tty, &shell_modes) == 0;
		capture_stderr();
		screen = newterm(NULL, stdout, stdin);
	}
	if (!screen) {
		replay_stderr();
		restore_signals();
		sb_addf(err, _("cannot use terminal type '%s'"), getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	set_term(screen);
	started = true;
	/* asked once the terminal type is known and before curses draws anything, so the
	 * probe's character is erased from the shell's screen, not the program's */
	bool ask = !headless && o->ambiguous == 0 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	char typed[64];
	size_t ntyped = 0;
	int answer = ask ? termprobe_ask(STDIN_FILENO, STDOUT_FILENO, TERMPROBE_TIMEOUT_MS, typed,
	                                 sizeof typed, &ntyped) : 0;
	ambiguous = termprobe_decide(o->ambiguous, ask, answer);
	text_set_ambiguous_width(ambiguous.width);
	if (headless) {
		resize_term(o->rows, o->cols);
	} else {
		if (!getenv("ESCDELAY"))
			set_escdelay(o->escdelay_ms);
		cbreak();
		noecho();
		nonl();
		intrflush(stdscr, FALSE);
		keypad(stdscr, TRUE);
		has_fkeys = terminal_has_fkeys();
		esc_mode = o->esc_digits;
		define_extra_keys();
		if (o->mouse)
			mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		/* keys typed while the probe waited are read first, as typed */
		while (ntyped > 0)
			ungetch((unsigned char)typed[--ntyped]);
	}
	curs_set(0);
	setup_styles(o->color);
	if (!headless && have_shell_modes)
		arm_fault_restore(shell_tty, &shell_modes, o->mouse);
	return 0;
}

const ambiguous_found *term_ambiguous(void)
{
	return &ambiguous;
}

void term_end(void)
{
	if (!started)
		return;
	started = false;
	term_fault_disarm();
	endwin();
	delscreen(screen);
	screen = NULL;
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	null_out = null_in = NULL;
	replay_stderr();
	restore_signals();
}

int term_stop_signal(void)
{
	return stop_signal;
}

static qkey map_keycode(int c)
{
	if (c >= KEY_F(1) && c <= KEY_F(12))
		return QK_F1 + (c - KEY_F(1));
	switch (c) {
	case KEY_UP: return QK_UP;
	case KEY_DOWN: return QK_DOWN;
	case KEY_LEFT: return QK_LEFT;
	case KEY_RIGHT: return QK_RIGHT;
	case KEY_PPAGE: return QK_PGUP;
	case KEY_NPAGE: return QK_PGDN;
	case KEY_HOME: case KEY_FIND: case KEY_A1: return QK_HOME;
	case KEY_END: case KEY_SELECT: case KEY_C1: return QK_END;
	case KEY_ENTER: return QK_ENTER;
	case KEY_BTAB: return QK_BTAB;
	case KEY_BACKSPACE: return QK_BACKSPACE;
	case KEY_DC: return QK_DELETE;
	case KEY_RESIZE: return QK_RESIZE;
	default: return QK_NONE;
	}
}

static qkey map_char(wint_t c)
{
	switch (c) {
	case '\r': case '\n': return QK_ENTER;
	case '\t': return QK_TAB;
	case 27: return QK_ESC;
	case 127: case 8: return QK_BACKSPACE;
	default: return (qkey)c;
	}
}

static qkey read_mouse(void)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return QK_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		return QK_UP;
	if (ev.bstate & BUTTON5_PRESSED)
		return QK_DOWN;
	return QK_NONE;
}

/* the rest of an escape sequence curses did not know: dropped, so that its bytes do
 * not arrive as keys ('[' and 'B' would be actions of their own) */
static void skip_sequence(wint_t intro)
{
	wint_t c;
	timeout(0);
	while (get_wch(&c) == OK) {
		if (intro == 'O' || (c >= 0x40 && c <= 0x7e))
			return;
	}
}

/* what follows a lone Esc: the rest of a sequence curses did not know, dropped; a
 * digit within ESC_DIGIT_MS as that F-key where esc_digit_key says so (a desktop
 * that takes the F-keys); anything else is a key of its own, read next */
static qkey after_escape(void)
{
	wint_t c;
	timeout(esc_digits_fkeys(esc_mode, has_fkeys) ? ESC_DIGIT_MS : 0);
	int rc = get_wch(&c);
	qkey f = rc == OK ? esc_digit_key(esc_mode, has_fkeys, (qkey)c) : QK_NONE;
	if (f != QK_NONE)
		return f;
	if (rc == OK && (c == '[' || c == 'O')) {
		skip_sequence(c);
		return QK_NONE;
	}
	if (rc == OK)
		unget_wch((wchar_t)c);
	else if (rc == KEY_CODE_YES)
		ungetch((int)c);
	return QK_ESC;
}

bool term_input_pending(void)
{
	if (!started || headless)
		return false;
	/* curses reads a key's bytes as it decodes them: what waits is in the descriptor */
	struct pollfd in = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&in, 1, 0) > 0;
}

int term_read_key(qkey *k, int timeout_ms)
{
	if (!started || headless)
		return 0;
	for (;;) {
		if (stop_signal)
			return -1;
		wint_t c;
		timeout(timeout_ms);
		int rc = get_wch(&c);
		if (stop_signal)
			return -1;
		if (rc == ERR) {
			if (timeout_ms < 0 && errno == EINTR)
				continue;
			return 0;
		}
		qkey q;
		if (rc == KEY_CODE_YES)
			q = c == KEY_MOUSE ? read_mouse() : map_keycode((int)c);
		else
			q = map_char(c);
		if (q == QK_ESC)
			q = after_escape();
		if (q == QK_NONE)
			continue;
		*k = q;
		return 1;
	}
}

void term_resize(int cols, int rows)
{
	if (started)
		resize_term(rows, cols);
}

int term_attr(ui_style s)
{
	return s >= 0 && s < STYLE__COUNT ? style_attrs[s] : 0;
}

void term_redraw_all(void)
{
	if (started)
		clearok(curscr, TRUE);
}

void term_cursor(bool on, int y, int x)
{
	if (!started)
		return;
	if (on)
		move(y, x);
	curs_set(on ? 1 : 0);
}

void term_flush(void)
{
	if (started)
		refresh();
}

void term_dump(FILE *out)
{
	if (!started)
		return;
	fprintf(out, "--- %dx%d ---\n", COLS, LINES);
	for (int y = 0; y < LINES; y++) {
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t attrs;
			short pair;
			if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wch, &attrs, &pair, NULL) == ERR ||
			    !wch[0])
				wch[0] = L' ';
			char mb[MB_LEN_MAX * (CCHARW_MAX + 1) + 1];
			mbstate_t st;
			memset(&st, 0, sizeof st);
			const wchar_t *src = wch;
			size_t n = wcsrtombs(mb, &src, sizeof mb, &st);
			fwrite(mb, 1, n == (size_t)-1 ? 0 : n, out);
			/* curses keeps a wide character in both of its cells: print it once. This
			 * reads back what curses holds, so it asks curses' own width rule. */
			if (wcwidth(wch[0]) == 2)
				x++;
		}
		fputc('\n', out);
	}
	fflush(out);
}
