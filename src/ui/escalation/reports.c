/* The Escalation pane's report views: what `qifu report units` (the supervision
 * figures, charts as wide as the pane) and `qifu report quarter` (the quarterly
 * assessment) print, as lines the pane scrolls; roles without the reports are told so. */
#include <string.h>

#include "app/app.h"
#include "app/report_data.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/supervision.h"
#include "store/supervision_store.h"
#include "ui/escalation/private.h"

void escalation_report_free(esc_pane *p)
{
	for (int i = 0; i < p->nlines; i++)
		xfree(&p->lines[i]);
	xfree(&p->lines);
	p->nlines = 0;
}

/* split text at newlines into the view's lines */
static void set_lines(esc_pane *p, const char *text)
{
	escalation_report_free(p);
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		p->lines = xrealloc(p->lines, (size_t)(p->nlines + 1) * sizeof *p->lines);
		p->lines[p->nlines++] = xstrndup(s, len);
		s += len + (nl != NULL);
	}
}

/* what `qifu report units` prints, with the charts as wide as the pane */
static void build_units(esc_pane *p, int width, strbuf *out)
{
	app_ctx *ctx = shell_ctx(p->sh);
	char f[16], t[16], today[16];
	sb_addf(out, _("Supervision figures of the appeals dispatched from %s to %s, as of %s\n\n"),
	        date_format(p->from, f), date_format(p->to, t), date_format(ctx->today, today));
	supervision_counts *rows = NULL;
	int n = 0;
	strbuf err = STRBUF_INIT;
	if (report_units_rows(ctx, p->from, p->to, &rows, &n, &err) < 0) {
		sb_addf(out, "%s\n", sb_str(&err));
	} else if (n == 0) {
		sb_add(out, _("No appeal was dispatched in the period and none is overdue.\n"));
	} else {
		supervision_table(rows, n, out);
		for (int i = 0; i < SUP_FIGURE__COUNT; i++) {
			sb_addc(out, '\n');
			supervision_chart(rows, n, (supervision_figure)i, width, out);
		}
	}
	sup_store_counts_free(&rows, n);
	sb_free(&err);
}

/* what `qifu report quarter` prints, the bar as wide as the pane allows */
static void build_quarter(esc_pane *p, int width, strbuf *out)
{
	app_ctx *ctx = shell_ctx(p->sh);
	assessment_unit *rows = NULL;
	int n = 0, frozen = 0;
	strbuf err = STRBUF_INIT;
	assessment_tiers tiers = app_assessment_tiers(ctx);
	char code[ASSESS_QUARTER_SIZE];
	assessment_quarter_format(p->quarter, code);
	if (report_quarter_rows(ctx, p->quarter, &rows, &n, &frozen, &err) < 0) {
		sb_addf(out, "%s\n", sb_str(&err));
		sb_free(&err);
		return;
	}
	sb_addf(out, _("Quarter %s: ratings per unit; tier 1 from %d, tier 2 from %d%s\n\n"), code,
	        tiers.tier1_min, tiers.tier2_min, frozen == 1 ? _(" (frozen)") : "");
	enum { UW = 16, CW = 7, MW = 6, TW = 8 };
	int bw = width - UW - CW - MW - TW - 4;
	text_fit_pad_sb(out, _("Unit"), UW, TEXT_LEFT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Ratings"), CW, TEXT_RIGHT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Mean"), MW, TEXT_RIGHT);
	sb_addc(out, ' ');
	text_fit_pad_sb(out, _("Tier"), TW, TEXT_LEFT);
	if (bw > 0) {
		sb_addc(out, ' ');
		text_fit_pad_sb(out, _("Mean score (0-100)"), bw, TEXT_LEFT);
	}
	sb_addc(out, '\n');
	for (int i = 0; i < n; i++) {
		const assessment_unit *u = &rows[i];
		char count[16], mean[ASSESS_MEAN_SIZE] = "-";
		snprintf(count, sizeof count, "%d", u->count);
		if (u->count)
			assessment_mean_format(u->mean10, mean);
		text_fit_pad_sb(out, u->unit, UW, TEXT_LEFT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, count, CW, TEXT_RIGHT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, mean, MW, TEXT_RIGHT);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, _(assessment_tier_label(u->tier)), TW, TEXT_LEFT);
		if (bw > 0) {
			sb_addc(out, ' ');
			supervision_bar(u->count ? u->mean10 / 1000.0 : 0.0, bw, out);
		}
		sb_addc(out, '\n');
	}
	report_quarter_rows_free(ctx, &rows, n);
	sb_free(&err);
}

void escalation_report_build(esc_pane *p, int width)
{
	strbuf out = STRBUF_INIT;
	if (p->mode == MODE_UNITS)
		build_units(p, width, &out);
	else
		build_quarter(p, width, &out);
	set_lines(p, sb_str(&out));
	sb_free(&out);
	p->lines_stale = false;
}

void escalation_report_repaint(esc_pane *p, ui_rect r)
{
	if (!p->may_report) {
		const char *lines[] = {
			p->mode == MODE_UNITS ? _("Supervision figures") : _("Quarterly assessment"),
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
