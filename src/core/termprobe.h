/* How many cells the terminal draws an East Asian ambiguous character in (“ … ① ─):
 * asked of the terminal itself (write one at the start of a line and ask where the
 * cursor went, CSI 6n, as Vim's t_u7 probe does) when [display] ambiguous_width is
 * auto, or taken from the setting; and the words for what was found, which
 * `qifu check` and the help's terminal page show. */
#ifndef QIFU_TERMPROBE_H
#define QIFU_TERMPROBE_H
#include <stdbool.h>
#include <stddef.h>

#include "core/strbuf.h"

/* how long the terminal has to answer */
enum { TERMPROBE_TIMEOUT_MS = 100 };

/* where the ambiguous width in force came from */
typedef enum ambiguous_source {
	AMBIG_SETTING,      /* [display] ambiguous_width = 1 or 2 */
	AMBIG_ANSWERED,     /* auto: the terminal answered the probe */
	AMBIG_NO_ANSWER,    /* auto: no answer in time, so 1 */
	AMBIG_NOT_ASKED,    /* auto, but no terminal to ask (not a tty, a test), so 1 */
} ambiguous_source;

typedef struct ambiguous_found {
	int width;          /* 1 or 2: what qifu counts */
	ambiguous_source source;
} ambiguous_found;

/* The width in force: setting is the value of [display] ambiguous_width (0 auto, 1,
 * 2), asked whether the terminal was asked, answer what it answered (1, 2, or 0 for
 * nothing that made sense within the time). */
ambiguous_found termprobe_decide(int setting, bool asked, int answer);

/* The width one ambiguous character written at column 1 took, from the column the
 * cursor is reported at after it: 2 means 1, 3 means 2; 0 for any other column. */
int termprobe_width_of_column(int col);

/* The first cursor position report (ESC [ row ; col R) in n bytes of buf: true, with
 * its row and column and the bytes [*start, *end) it takes. */
bool termprobe_find_report(const char *buf, size_t n, int *row, int *col, size_t *start,
		size_t *end);

/* Ask the terminal on in and out: 1 or 2, or 0 when in is not a terminal or nothing
 * that made sense came within timeout_ms. The probe's character is erased and the
 * terminal modes restored. Bytes that came meanwhile and are not the answer (keys
 * typed ahead) are kept in typeahead, *ntype of them, at most cap. */
int termprobe_ask(int in, int out, int timeout_ms, char *typeahead, size_t cap, size_t *ntype);

/* what was found, in words: the width, and whether from the terminal or the setting */
void termprobe_describe(const ambiguous_found *f, strbuf *out);

#endif
