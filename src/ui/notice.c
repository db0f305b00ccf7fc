/* Notice panes: a fixed block of translated lines, centred, with every other cell of
 * the pane blank. Shared by every pane that has no rows yet, so none of them draws
 * its own. */
#include "ui/notice.h"

#include "core/i18n.h"
#include "core/xalloc.h"

typedef struct notice {
	const char *const *lines;
	int n;
} notice;

void *notice_new(const char *const *lines, int n)
{
	notice *s = xcalloc(1, sizeof *s);
	s->lines = lines;
	s->n = n;
	return s;
}

void notice_destroy(void *state)
{
	xfree(&state);
}

void notice_recalc(void *state, ui_rect r)
{
	(void)state;
	(void)r;
}

void notice_repaint(void *state, ui_rect r)
{
	notice *s = state;
	const char **tr = xcalloc((size_t)s->n, sizeof *tr);
	for (int i = 0; i < s->n; i++)
		tr[i] = *s->lines[i] ? _(s->lines[i]) : "";
	draw_message(r, tr, s->n, STYLE_NORMAL);
	xfree(&tr);
}

unsigned notice_handle(void *state, const pane_event *ev)
{
	(void)state;
	(void)ev;
	return REACT_UNHANDLED;
}
