/* A program in a real pseudo-terminal with a libvterm screen of what it draws: start
 * it, feed its output to the screen (answering its queries, as a terminal does), send
 * it bytes, resize it, read rows back as text. Shared by the e2e drivers. The screen
 * can be made to draw East Asian ambiguous characters two cells wide, as PuTTY's "CJK
 * ambiguous characters are wide" and Xshell's switch do. */
#ifndef QIFU_VTPTY_H
#define QIFU_VTPTY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <vterm.h>

typedef struct vtpty {
	pid_t pid;
	int fd;
	VTerm *vt;
	VTermScreen *screen;
	int rows, cols;
	bool altscreen;
	bool cursor_visible;   /* DECTCEM: the program hid the cursor or showed it */
	bool eof;
	bool got_output;       /* the program has written something */
	bool silent;        /* do not answer the program's queries (a terminal without CPR) */
	long answers;       /* answers sent back to the program */
} vtpty;

/* milliseconds of CLOCK_MONOTONIC */
long vtpty_now_ms(void);
/* fork argv[0] (with argv) in a pty of rows x cols, TERM=xterm-256color, LANG=C.UTF-8 */
void vtpty_start(vtpty *s, int rows, int cols, char *const argv[]);
/* feed the child's output to the screen until it has been quiet for quiet_ms after
 * its first output (a slow start, a sanitizer build on a loaded machine, is waited
 * for up to max_ms) */
void vtpty_pump(vtpty *s, int quiet_ms, int max_ms);
/* write len bytes to the child; false on a short write */
bool vtpty_send(vtpty *s, const char *bytes, size_t len);
/* resize the pty and the screen, as a terminal window resize does */
void vtpty_resize(vtpty *s, int cols, int rows);
/* row as UTF-8 (a wide character once, its combining characters with it) into out;
 * returns the row's width in cells, or -1 when a cell is a right half without its
 * left half or a wide character starts in the last column */
int vtpty_row_text(vtpty *s, int row, char *out, size_t cap);
/* a descriptor of the pty's terminal side, for its modes (tcgetattr) after the child
 * has gone; -1 on failure. The caller closes it. */
int vtpty_open_tty(vtpty *s);
/* whether the screen's pen is the default one: no bold, underline, italic, blink,
 * reverse or strike, default colours */
bool vtpty_pen_plain(vtpty *s);
/* wait for the child (pumping its output); its wait status, or -1 if it had to be
 * killed after timeout_ms */
int vtpty_finish(vtpty *s, int timeout_ms);

/* Draw the code points of the sorted, disjoint ranges [lo, hi] (pairs in v, n pairs)
 * two cells wide where libvterm draws them one cell wide; false when this build of the
 * driver cannot (libvterm linked as a shared library, whose width rule is internal). */
bool vtpty_set_ambiguous_wide(const uint32_t *v, size_t n);

#endif
