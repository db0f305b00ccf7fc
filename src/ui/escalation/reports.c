/* The Escalation pane's report views: what `qifu report units` (the supervision
 * figures, charts as wide as the pane), `qifu report quarter` (the quarterly
 * assessment) and `qifu report year` (the annual one) print, as lines the pane scrolls; roles without the reports are told so. */
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/report_text.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/layout.h"
#include "ui/escalation/private.h"

void escalation_report_free(esc_pane *p)
{
	for (int i = 0; i < p->nlines; i++)
		xfree(&p->lines[i]);
	xfree(&p->lines);
	p->nlines = 0;
}

static void add_line(esc_pane *p, char *line)
{
	p->lines = xrealloc(p->lines, (size_t)(p->nlines + 1) * sizeof *p->lines);
	p->lines[p->nlines++] = line;
}

/* line (len bytes) as lines of at most width columns, each under the line's own
 * indent, continuations two columns further in */
static void add_wrapped(esc_pane *p, const char *line, size_t len, int width)
{
	char *whole = xstrndup(line, len);
	size_t ind = strspn(whole, " ");
	enum { MAXW = 64 };
	size_t starts[MAXW], lens[MAXW];
	int avail = width - (int)ind - 2;
	int n = avail > 8 && text_width(whole) > width
		? layout_wrap(whole + ind, avail, starts, lens, MAXW) : 0;
	if (n <= 0) {
		add_line(p, whole);
		return;
	}
	for (int i = 0; i < n; i++)
		add_line(p, xasprintf("%*s%.*s", (int)ind + (i ? 2 : 0), "", (int)lens[i],
		                      whole + ind + starts[i]));
	free(whole);
}

/* split text at newlines into the view's lines; wrap (0: cut at the edge) the lines
 * wider than it */
static void set_lines(esc_pane *p, const char *text, int wrap)
{
	escalation_report_free(p);
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		if (wrap > 0)
			add_wrapped(p, s, len, wrap);
		else
			add_line(p, xstrndup(s, len));
		s += len + (nl != NULL);
	}
}

report_spec escalation_report_spec(const esc_pane *p)
{
	report_spec r = { .kind = p->mode == MODE_UNITS ? REPORT_UNITS
		: p->mode == MODE_YEAR ? REPORT_YEAR : REPORT_QUARTER,
		.from = p->from, .to = p->to, .quarter = p->quarter, .year = p->year };
	return r;
}

void escalation_report_build(esc_pane *p, int width)
{
	strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	report_spec r = escalation_report_spec(p);
	if (report_text(shell_ctx(p->sh), &r, width, &out, &err) < 0)
		sb_addf(&out, "%s\n", sb_str(&err));
	/* the annual report's sentences and requests wrap; the other views are tables and
	 * charts drawn to the width */
	set_lines(p, sb_str(&out), p->mode == MODE_YEAR ? width : 0);
	sb_free(&out);
	sb_free(&err);
	p->lines_stale = false;
}

void escalation_report_repaint(esc_pane *p, ui_rect r)
{
	if (!p->may_report) {
		const char *lines[] = {
			p->mode == MODE_UNITS ? _("Supervision figures")
				: p->mode == MODE_YEAR ? _("Annual assessment") : _("Quarterly assessment"),
			"",
			_("The reports are for supervisors and leaders; your role does not see them."),
		};
		draw_message(r, lines, 3, STYLE_NORMAL);
		return;
	}
	if (p->top > p->nlines - r.h)
		p->top = p->nlines - r.h;
	if (p->top < 0)
		p->top = 0;
	for (int y = 0; y < r.h; y++) {
		int i = p->top + y;
		draw_text(r.y + y, r.x, r.w, i < p->nlines ? p->lines[i] : "", TEXT_LEFT,
		          STYLE_NORMAL);
	}
}
