/* Cell-exact drawing: every string reaches the screen fitted and padded by the text
 * module to exactly the columns it is given, so no wide character is ever cut in
 * half or pushed across an edge. Panes draw through these and nothing else. */
#ifndef QIFU_DRAW_H
#define QIFU_DRAW_H
#include <stdarg.h>

#include "core/text.h"
#include "model/ticket.h"
#include "ui/term.h"

/* a rectangle of screen cells */
typedef struct ui_rect {
	int y, x, h, w;
} ui_rect;

/* s fitted ('~' when cut) and padded to exactly w cells at (y, x) */
void draw_text(int y, int x, int w, const char *s, int align, ui_style st);
/* like draw_text, but s is a printf format */
void draw_textf(int y, int x, int w, int align, ui_style st, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* a printf format and its arguments as a new string (messages, status lines) */
char *draw_vfmt(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* blank rows [from, r.h) of r */
void draw_clear(ui_rect r, int from);
/* a centred block of lines (an empty state, a message), the rest of r blank */
void draw_message(ui_rect r, const char *const *lines, int n, ui_style st);

/* the style of a traffic light (超期 white on red, 临期 yellow, 正常 green); any other
 * value draws normal */
ui_style draw_light_style(ticket_light_t l);

#endif
