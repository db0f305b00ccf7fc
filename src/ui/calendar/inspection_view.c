/* Inspections for the detail view. A plan's fields are the CLI's own (app/inspection.c's
 * inspection_plan_fields), so the screen and `qifu inspect show` never word a plan
 * differently, and its code follows, as text and as the QR code the printed notice
 * carries. The 360 view's inspection sections are app/ent_view.c's. */
#include "ui/calendar/inspection_view.h"

#include <stdlib.h>

#include "app/inspection.h"
#include "app/inspection_move.h"
#include "app/inspection_notice.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/qr.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "store/staff_store.h"

static void add_field(void *arg, const char *label, const char *value)
{
	detail_field(arg, label, value);
}

static bool visible_to(app_ctx *ctx, const inspection_record *r)
{
	return ctx->actor && inspection_eval_visible(ctx->actor, r);
}

/* The plan's code as the enterprise checks it at the door (法码同行): the code as text,
 * then drawn as a QR code to scan (inspection_qr, the notice's own drawing) in the
 * dark-on-light style, last in the section, so that End brings it whole on screen; the
 * slim quiet zone when only that fits (80x24), words when nothing does. A plan without
 * a valid code says why there is no picture. */
static void code_section(detail *d, const inspection_record *r, const char *print_key)
{
	unsigned wide = inspection_qr_width();
	qr_art art[2] = { { 0 } };
	strbuf why = STRBUF_INIT;
	app_status st = inspection_qr(r, wide, &art[0], &why);
	if (st == APP_OK)
		st = inspection_qr(r, wide | QR_SLIM, &art[1], &why);
	detail_section(d, _("Plan code (执法计划码)"));
	if (st == APP_NO && r->state == INSPECTION_CANCELLED && r->code) {
		char *s = xasprintf(_("No QR code: the plan was cancelled, so its code %s lets no "
		                      "inspection in any more and a scan at the door is refused."),
		                    r->code);
		detail_note(d, s);
		xfree(&s);
	} else if (st == APP_NO && r->state == INSPECTION_CANCELLED) {
		detail_note(d, _("No plan code and no QR code: the plan was cancelled before it was "
		                 "approved."));
	} else if (st == APP_NO) {
		detail_note(d, _("No plan code yet, so no QR code: the code is issued when the plan is "
		                 "approved, and the QR code to scan at the door with it."));
	} else if (st != APP_OK) {
		detail_note(d, sb_str(&why));
	} else {
		const char *lines[] = { r->code };
		detail_block(d, lines, 1);
		detail_note(d, _("The enterprise checks it at the door: the Calendar's verify form, or "
		                 "qifu inspect verify CODE."));
		detail_art arts[2];
		for (int i = 0; i < 2; i++)
			arts[i] = (detail_art){ (const char *const *)art[i].lines, art[i].rows, art[i].cols };
		char *small = xasprintf(_("The QR code (%d x %d characters) does not fit in this window: "
		                          "enlarge the terminal, or print the notice with %s (or qifu "
		                          "inspect notice %s)."), art[1].cols, art[1].rows, print_key,
		                        r->code);
		detail_picture(d, arts, 2, STYLE_QR, small);
		xfree(&small);
	}
	qr_art_clear(&art[0]);
	qr_art_clear(&art[1]);
	sb_free(&why);
}

void inspview_plan(detail *d, app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t,
		const char *print_key)
{
	detail_clear(d, false);
	char *title = r->code ? xasprintf(_("Inspection %lld, plan code %s"), (long long)r->id, r->code)
	                      : xasprintf(_("Inspection %lld (no plan code until approved)"),
	                                  (long long)r->id);
	detail_title(d, title);
	xfree(&title);
	inspection_plan_fields(ctx, r, t, visible_to(ctx, r), add_field, d);
	code_section(d, r, print_key);
}
