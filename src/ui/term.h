/* The terminal: the only code that starts and ends curses. A real terminal (locale
 * check, modes, key fixes for PuTTY, signals, restore on every exit path) or a headless
 * screen for tests and benchmarks; keys come out as qifu's own qkeys. */
#ifndef QIFU_TERM_H
#define QIFU_TERM_H
#include <stdbool.h>
#include <stdio.h>

#include "config/keymap.h"
#include "core/strbuf.h"
#include "core/termprobe.h"

typedef struct term_opts {
	bool headless;      /* no terminal: output to /dev/null, a fixed size */
	int cols, rows;     /* headless size */
	int escdelay_ms;    /* used when $ESCDELAY is not set */
	bool color;         /* false for NO_COLOR or theme = mono */
	bool mouse;         /* off by default: plain drag must copy text */
	esc_digits esc_digits; /* when Esc then a digit is an F-key */
	int ambiguous;      /* [display] ambiguous_width: 0 auto (ask the terminal), 1, 2 */
} term_opts;

/* Visual roles; each has a colour form and a monochrome form, so nothing is told by
 * colour alone. */
typedef enum ui_style {
	STYLE_NORMAL,
	STYLE_TAB,          /* the current tab in the title line */
	STYLE_HEADER,       /* list headers, help headings */
	STYLE_CURSOR,       /* the selected row */
	STYLE_ERROR,        /* "错误:" messages */
	STYLE_FKEY_NUM,     /* the number in the F-key bar */
	STYLE_FKEY_LABEL,   /* its label */
	STYLE_DIM,          /* hints, empty states */
	STYLE_LIGHT_RED,    /* 超期: white on red */
	STYLE_LIGHT_YELLOW, /* 临期: black on yellow */
	STYLE_LIGHT_GREEN,  /* 正常: green */
	STYLE_HOLIDAY,      /* 休 */
	STYLE_MAKEUP,       /* 班 */
	STYLE_QUIET,        /* quiet-day shading */
	STYLE_TODAY,
	STYLE_QR,           /* a QR code to scan: dark on light whatever the terminal's colours */
	STYLE__COUNT
} ui_style;

/* false, after printing the bilingual how-to-fix message, when the locale is not UTF-8 */
bool term_locale_ok(void);
/* start curses, first asking the terminal how wide it draws ambiguous characters
 * when the setting says auto; -1 with the reason in err (unknown terminal type) */
int term_start(const term_opts *o, strbuf *err);
/* the ambiguous width term_start settled on, and where it came from */
const ambiguous_found *term_ambiguous(void);
/* restore the terminal; safe to call twice, and from the atexit hook */
void term_end(void);
/* the signal (SIGTERM, SIGHUP, SIGINT) that asked us to stop, or 0 */
int term_stop_signal(void);
/* next key: 1 and *k set, 0 when none came within timeout_ms (-1 waits), -1 when a
 * stop signal arrived */
int term_read_key(qkey *k, int timeout_ms);
/* whether a key is waiting to be read (never in the headless door, whose keys come
 * from a script): work that the key will make stale can stop */
bool term_input_pending(void);
/* headless: change the screen size as a terminal resize would */
void term_resize(int cols, int rows);
/* the curses attributes of a style */
int term_attr(ui_style s);
/* repaint every cell on the next refresh (Ctrl-L) */
void term_redraw_all(void);
/* show the hardware cursor at (y, x), where an input method puts its window; or hide */
void term_cursor(bool on, int y, int x);
/* append the screen as text to out: a "--- COLSxROWS ---" line, then each row as its
 * cells show it (a wide character once), every row padded to the full width */
void term_dump(FILE *out);
/* send the virtual screen to the terminal */
void term_flush(void);

#endif
