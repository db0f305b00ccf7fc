/* QR codes (ISO/IEC 18004) of a short UTF-8 text, encoded by libqrencode and drawn as
 * lines of terminal text inside the 4-module quiet zone: the plan code an enterprise
 * scans at the door (法码同行). Pure: no curses, no files; the caller prints the lines.
 *
 * How a drawing reads: a glyph is ink (the terminal's foreground) on the background.
 * A scanner wants dark modules darker than light ones, so
 *   - by default the dark modules are ink: paper, and dark text on a light terminal;
 *   - QR_INVERT makes the light modules and the quiet zone ink instead: light text on
 *     a dark terminal (PuTTY's and most SSH clients' default colours).
 * Two modules stack in one character cell (▀ ▄ █ and a space), so with the usual cell of
 * twice its width in height a module is square. The block elements are East Asian
 * "ambiguous" characters: where the terminal draws them two columns wide ([display]
 * ambiguous_width = 2) pass QR_WIDE, which draws one module a cell (█ or U+3000). */
#ifndef QIFU_QR_H
#define QIFU_QR_H
#include <stdbool.h>

#include "core/strbuf.h"

/* modules of light margin around a symbol, as the standard requires; and the slimmer
 * one a screen too short for it draws (phone scanners and zbar read a code with 2) */
enum { QR_QUIET = 4, QR_QUIET_SLIM = 2 };

/* the drawing flags */
enum qr_flags {
	QR_INVERT = 1u << 0,  /* ink on the light modules: a light-on-dark terminal */
	QR_WIDE = 1u << 1,    /* one module a cell, for ambiguous-wide terminals */
	QR_SLIM = 1u << 2,    /* a quiet zone of QR_QUIET_SLIM: 4 lines fewer, 4 columns narrower */
};

/* One symbol. */
typedef struct qr_code {
	int version;          /* 1..40 */
	int size;             /* modules a side without the quiet zone: 17 + 4 × version */
	char level;           /* error correction: 'L', 'M', 'Q' or 'H' */
	unsigned char *dark;  /* size × size, row by row: 1 for a dark module */
} qr_code;

/* One drawing: rows lines of UTF-8 text (no newline), each cols terminal columns. */
typedef struct qr_art {
	char **lines;
	int rows;
	int cols;
} qr_art;

/* text (UTF-8, one byte-mode segment) as the smallest symbol, at the strongest error
 * correction that keeps it that small; -1 with the reason in err (translated) when
 * text is empty or too long for a QR code */
int qr_encode(const char *text, qr_code *out, strbuf *err);
/* free what qr_encode allocated */
void qr_code_clear(qr_code *q);
/* whether the module at row, col (0-based, the quiet zone outside 0..size-1) is dark */
bool qr_is_dark(const qr_code *q, int row, int col);

/* q drawn with flags (enum qr_flags), quiet zone included */
void qr_draw(const qr_code *q, unsigned flags, qr_art *out);
/* free what qr_draw allocated */
void qr_art_clear(qr_art *a);
/* qr_encode then qr_draw: what a caller showing text as a QR code wants; out->rows and
 * out->cols say whether it fits. -1 with the reason in err */
int qr_lines(const char *text, unsigned flags, qr_art *out, strbuf *err);

#endif
