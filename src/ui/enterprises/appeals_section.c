/* The enterprise 360 view's list of appeals, through the same filter, window and
 * light text as the Appeals tab, so both say the same about an appeal. */
#include "ui/enterprises/appeals_section.h"

#include "app/appeal.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/appeals/list.h"

/* the 360 view is a summary: the Appeals tab has the rest */
enum { SECTION_MAX = 10 };

void appeals_section_add(shell *sh, detail *d, const char *uscc)
{
	app_ctx *ctx = shell_ctx(sh);
	appeal_filter f;
	app_appeal_filter(ctx, &f);
	f.enterprise = uscc;
	appeal_row rows[SECTION_MAX];
	int n = 0;
	long total = 0;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	if (appeal_store_count(app_db(ctx), &f, &total, &se) < 0 ||
	    appeal_store_window(app_db(ctx), &f, APPEAL_SORT_NUMBER, true, 0, SECTION_MAX, rows, &n,
	                        &se) < 0) {
		detail_note(d, app_store_text(&se, &err));
		sb_free(&err);
		return;
	}
	ticket_params tp = app_ticket_params(ctx);
	for (int i = 0; i < n; i++) {
		strbuf s = STRBUF_INIT;
		sb_addf(&s, "%s  %s  %s", rows[i].number, rows[i].title,
		        _(ticket_state_label(rows[i].state)));
		if (rows[i].next_due != DATE_NONE) {
			int days;
			ticket_light_t l = ticket_light(rows[i].next_due, ctx->today, app_calendar(ctx),
			                                tp.yellow_days, &days);
			sb_add(&s, "  ");
			app_light_text(l, days, &s);
		}
		detail_item(d, sb_str(&s));
		sb_free(&s);
		appeal_row_clear(&rows[i]);
	}
	if (total == 0)
		detail_note(d, _("No appeals from this enterprise."));
	else if (total > n) {
		char *more = xasprintf(P_("and %ld more in the Appeals tab",
		                          "and %ld more in the Appeals tab", (unsigned long)(total - n)),
		                       total - n);
		detail_note(d, more);
		xfree(&more);
	}
	sb_free(&err);
}
