/* QR codes of short texts as terminal text: libqrencode picks the modules, this file
 * picks the error correction (the strongest that keeps the smallest symbol) and draws
 * them with half blocks. See qr.h for which modules are ink. */
#include "core/qr.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lazy_libs.h"
#include "core/xalloc.h"

/* strongest first: the first that fits the smallest version wins */
static const struct {
	QRecLevel ec;
	char name;
} levels[] = {
	{ QR_ECLEVEL_H, 'H' }, { QR_ECLEVEL_Q, 'Q' }, { QR_ECLEVEL_M, 'M' }, { QR_ECLEVEL_L, 'L' },
};
enum { NLEVELS = sizeof levels / sizeof levels[0] };

/* text at level, in version or (when it does not fit) the next that holds it; NULL
 * only when no version does (errno ERANGE) */
static QRcode *encode_at(const char *text, int version, QRecLevel level)
{
	errno = 0;
	QRcode *c = QRcode_encodeString8bit(text, version, level);
	if (!c && errno == ENOMEM)
		fatal("out of memory encoding a QR code");
	if (!c && errno != ERANGE)
		fatal("libqrencode refused %zu bytes (errno %d)", strlen(text), errno);
	return c;
}

int qr_encode(const char *text, qr_code *out, strbuf *err)
{
	memset(out, 0, sizeof *out);
	if (!text || !*text) {
		sb_add(err, _("a QR code needs some text to encode"));
		return -1;
	}
	QRcode *best = encode_at(text, 0, QR_ECLEVEL_L);
	if (!best) {
		sb_addf(err, _("%zu bytes are too many for a QR code (at most 2953)"), strlen(text));
		return -1;
	}
	char level = 'L';
	for (int i = 0; i < NLEVELS - 1; i++) {
		QRcode *c = encode_at(text, best->version, levels[i].ec);
		if (c && c->version == best->version) {
			QRcode_free(best);
			best = c;
			level = levels[i].name;
			break;
		}
		if (c)
			QRcode_free(c);
	}
	out->version = best->version;
	out->size = best->width;
	out->level = level;
	size_t n = (size_t)best->width * (size_t)best->width;
	out->dark = xmalloc(n);
	/* libqrencode's bit 0 is the module's colour; the other bits say what it is part of */
	for (size_t i = 0; i < n; i++)
		out->dark[i] = best->data[i] & 1;
	QRcode_free(best);
	return 0;
}

void qr_code_clear(qr_code *q)
{
	free(q->dark);
	memset(q, 0, sizeof *q);
}

bool qr_is_dark(const qr_code *q, int row, int col)
{
	if (row < 0 || col < 0 || row >= q->size || col >= q->size)
		return false;
	return q->dark[(size_t)row * (size_t)q->size + (size_t)col] != 0;
}

/* whether the module at row, col of the drawing (a quiet zone of quiet included) is ink */
static bool ink(const qr_code *q, unsigned flags, int quiet, int row, int col)
{
	return qr_is_dark(q, row - quiet, col - quiet) != ((flags & QR_INVERT) != 0);
}

void qr_draw(const qr_code *q, unsigned flags, qr_art *out)
{
	/* indexed by top ink + 2 × bottom ink */
	static const char *const half[4] = { " ", "\u2580", "\u2584", "\u2588" };
	/* one module a cell: U+3000 is the blank as wide as the block */
	static const char *const whole[2] = { "\u3000", "\u2588" };
	bool wide = flags & QR_WIDE;
	int quiet = flags & QR_SLIM ? QR_QUIET_SLIM : QR_QUIET;
	int side = q->size + 2 * quiet;
	/* the half row below an odd side is outside the symbol, so it is drawn as the
	 * quiet zone is: ink when inverted */
	out->rows = wide ? side : (side + 1) / 2;
	out->cols = wide ? 2 * side : side;
	out->lines = xcalloc((size_t)out->rows, sizeof *out->lines);
	for (int r = 0; r < out->rows; r++) {
		strbuf line = STRBUF_INIT;
		for (int c = 0; c < side; c++) {
			if (wide) {
				sb_add(&line, whole[ink(q, flags, quiet, r, c)]);
			} else {
				int top = ink(q, flags, quiet, 2 * r, c);
				int bottom = ink(q, flags, quiet, 2 * r + 1, c);
				sb_add(&line, half[top + 2 * bottom]);
			}
		}
		out->lines[r] = sb_steal(&line);
	}
}

void qr_art_clear(qr_art *a)
{
	for (int i = 0; i < a->rows; i++)
		free(a->lines[i]);
	free(a->lines);
	memset(a, 0, sizeof *a);
}

int qr_lines(const char *text, unsigned flags, qr_art *out, strbuf *err)
{
	qr_code q;
	memset(out, 0, sizeof *out);
	if (qr_encode(text, &q, err) < 0)
		return -1;
	qr_draw(&q, flags, out);
	qr_code_clear(&q);
	return 0;
}
