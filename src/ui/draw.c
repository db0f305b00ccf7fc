/* The one path from text to screen cells: sanitise what did not come through the
 * store's sanitiser, fit and pad with the text module, then write exactly that many
 * cells. Writing the bottom-right cell makes curses report ERR after placing it;
 * that is expected and ignored. */
#include "ui/draw.h"

#include <curses.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"
#include "ui/layout.h"

static strbuf cell_buf = STRBUF_INIT;

/* controls and invalid bytes would be drawn at another width than measured */
static bool needs_sanitize(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return !text_valid_utf8(s, strlen(s));
}

void draw_text(int y, int x, int w, const char *s, int align, ui_style st)
{
	if (w <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	char *clean = NULL;
	if (!s)
		s = "";
	else if (needs_sanitize(s))
		s = clean = text_sanitize(s, strlen(s), 0);
	sb_reset(&cell_buf);
	text_fit_pad_sb(&cell_buf, s, w, align);
	int attr = term_attr(st);
	attrset(attr);
	mvaddstr(y, x, sb_str(&cell_buf));
	attrset(A_NORMAL);
	xfree(&clean);
}

char *draw_vfmt(const char *fmt, va_list ap)
{
	char small[256];
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	char *s;
	if (n < 0) {
		s = xstrdup("");
	} else if ((size_t)n < sizeof small) {
		s = xstrdup(small);
	} else {
		s = xmalloc((size_t)n + 1);
		vsnprintf(s, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	return s;
}

void draw_textf(int y, int x, int w, int align, ui_style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = draw_vfmt(fmt, ap);
	va_end(ap);
	draw_text(y, x, w, s, align, st);
	xfree(&s);
}

void draw_clear(ui_rect r, int from)
{
	for (int i = from < 0 ? 0 : from; i < r.h; i++)
		draw_text(r.y + i, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
}

void draw_message(ui_rect r, const char *const *lines, int n, ui_style st)
{
	enum { MAX_ROWS = 64, MAX_COLS = 76 };
	size_t starts[MAX_ROWS], lens[MAX_ROWS];
	const char *src[MAX_ROWS];
	int rows = 0;
	int wrap = r.w - 4 < MAX_COLS ? r.w - 4 : MAX_COLS;
	if (wrap < 1)
		wrap = r.w;
	for (int i = 0; i < n && rows < MAX_ROWS; i++) {
		int k = *lines[i] ? layout_wrap(lines[i], wrap, starts + rows, lens + rows,
		                               MAX_ROWS - rows) : 0;
		if (k == 0) {
			starts[rows] = lens[rows] = 0;
			k = 1;
		}
		for (int j = 0; j < k; j++)
			src[rows + j] = lines[i];
		rows += k;
	}
	/* the message is centred as one block: its rows share one left edge, so a list
	 * of commands reads as a list */
	int block = 0;
	for (int k = 0; k < rows; k++) {
		int lw = text_nwidth(src[k] + starts[k], lens[k]);
		if (lw > block)
			block = lw;
	}
	int left = block < r.w ? (r.w - block) / 2 : 0;
	int top = rows < r.h ? (r.h - rows) / 2 : 0;
	for (int i = 0; i < r.h; i++) {
		int k = i - top;
		if (k < 0 || k >= rows) {
			draw_text(r.y + i, r.x, r.w, "", TEXT_LEFT, STYLE_NORMAL);
			continue;
		}
		char *line = xstrndup(src[k] + starts[k], lens[k]);
		draw_text(r.y + i, r.x, left, "", TEXT_LEFT, STYLE_NORMAL);
		draw_text(r.y + i, r.x + left, r.w - left, line, TEXT_LEFT, st);
		xfree(&line);
	}
}

ui_style draw_light_style(ticket_light_t l)
{
	switch (l) {
	case TICKET_LIGHT_RED: return STYLE_LIGHT_RED;
	case TICKET_LIGHT_YELLOW: return STYLE_LIGHT_YELLOW;
	case TICKET_LIGHT_GREEN: return STYLE_LIGHT_GREEN;
	default: return STYLE_NORMAL;
	}
}
