/* The plan code at the door: the QR code's words and the printed notice. The notice
 * takes the plan's fields in the words of `qifu inspect show` (inspection_plan_fields),
 * keeping those an enterprise needs at the door, and the page layout of the other
 * printed sheets (core/sheet). */
#include "app/inspection_notice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/inspection.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/inspection_plan.h"
#include "model/perm.h"

unsigned inspection_qr_width(void)
{
	return text_ambiguous_width() == 2 ? QR_WIDE : 0;
}

void inspection_qr_text(const char *code, strbuf *out)
{
	/* the code stays small while the text fits 78 bytes (version 4, 41 cells a side) */
	/* TRANSLATORS: what a phone shows on scanning the plan code: keep it this short */
	sb_addf(out, _("Inspection plan code %s\nVerify: qifu inspect verify %s"), code, code);
}

app_status inspection_qr(const inspection_record *r, unsigned flags, qr_art *out, strbuf *msg)
{
	memset(out, 0, sizeof *out);
	const char *why = inspection_plan_verify_refused(r->state);
	if (!why && !r->code)
		why = inspection_plan_verify_refused(INSPECTION_REGISTERED);
	if (why) {
		if (r->cancel_reason)
			sb_addf(msg, _("inspection %lld: %s (%s)"), (long long)r->id, _(why), r->cancel_reason);
		else
			sb_addf(msg, _("inspection %lld: %s"), (long long)r->id, _(why));
		return APP_NO;
	}
	strbuf text = STRBUF_INIT;
	inspection_qr_text(r->code, &text);
	int rc = qr_lines(sb_str(&text), flags, out, msg);
	sb_free(&text);
	return rc == 0 ? APP_OK : APP_BAD;
}

/* which of the plan's fields the notice prints (inspection_plan_fields gives the order) */
static const char *const notice_fields[] = {
	N_("Plan code"), N_("Inspecting unit"), N_("Date"), N_("Reason"), N_("Enterprises inspected"),
	N_("Inspectors"), N_("Legal basis"), N_("Items"), N_("Registered"), N_("Approved"),
};

typedef struct notice_page {
	strbuf *out;
	const inspection_record *r;
	const inspection_reason_table *t;
} notice_page;

static void notice_field(void *arg, const char *label, const char *value)
{
	notice_page *page = arg;
	/* the enterprise reads the reason's name; its code is for the desk */
	if (strcmp(label, _("Reason")) == 0)
		value = inspection_reason_name(page->t, page->r->reason);
	for (size_t i = 0; i < sizeof notice_fields / sizeof notice_fields[0]; i++)
		if (strcmp(label, _(notice_fields[i])) == 0) {
			sheet_line(page->out, label, value);
			return;
		}
}

/* what the enterprise may do, after the policy's 法码同行 paragraph (policy-zh.txt) */
static const char *const rights[] = {
	N_("This inspection was registered and approved under 法码同行. The inspectors show this "
	   "notice or its plan code when they arrive; scan the QR code above and have the code "
	   "verified by the enterprise service centre or your town or sub-district office."),
	N_("The enterprise may refuse entry to a unit that comes to inspect without a "
	   "registered plan; tell the enterprise service centre or your town or sub-district "
	   "office, which record the refusal."),
	N_("After the inspection the enterprise may evaluate it (score 1 to 5) and give its "
	   "opinion through the enterprise service centre or its town or sub-district office, "
	   "which record it."),
};

app_status inspection_notice(app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t,
			     unsigned flags, strbuf *out, strbuf *msg)
{
	if (!app_allowed(ctx, PERM_INSP_VIEW, NULL, NULL, msg))
		return APP_NO;
	qr_art art;
	app_status st = inspection_qr(r, flags, &art, msg);
	if (st != APP_OK)
		return st;
	char today[11];
	char *no = xasprintf("%lld", (long long)r->id);
	char *left = xasprintf(_("No. %s"), no);
	char *right = xasprintf(_("Printed %s"), date_format(ctx->today, today));
	sheet_head(out, _("Notice of a registered inspection (法码同行)"), left, right);
	sheet_rule(out);
	notice_page page = { out, r, t };
	inspection_plan_fields(ctx, r, t, false, notice_field, &page);
	sheet_rule(out);
	int pad = art.cols < SHEET_WIDTH ? (SHEET_WIDTH - art.cols) / 2 : 0;
	for (int i = 0; i < art.rows; i++) {
		/* the page is the light quiet zone: no spaces left at the ends of lines */
		size_t n = strlen(art.lines[i]);
		while (n > 0 && art.lines[i][n - 1] == ' ')
			n--;
		if (n)
			sb_addf(out, "%*s%.*s", pad, "", (int)n, art.lines[i]);
		sb_addc(out, '\n');
	}
	strbuf text = STRBUF_INIT;
	inspection_qr_text(r->code, &text);
	for (const char *p = sb_str(&text); *p; ) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n);
		sheet_centre(out, line);
		free(line);
		p += n + (p[n] == '\n');
	}
	sheet_rule(out);
	sb_addf(out, "%s\n", _("What the enterprise may do:"));
	for (size_t i = 0; i < sizeof rights / sizeof rights[0]; i++) {
		char num[8];
		snprintf(num, sizeof num, "%zu.", i + 1);
		sheet_hang(out, num, 3, _(rights[i]));
	}
	sheet_rule(out);
	sheet_sign(out, _("Inspecting unit (seal):"), _("Date:"));
	sb_free(&text);
	free(no);
	free(left);
	free(right);
	qr_art_clear(&art);
	return APP_OK;
}

app_status inspection_notice_write(app_ctx *ctx, const inspection_record *r,
		const inspection_reason_table *t, unsigned flags, const char *path, strbuf *msg)
{
	strbuf text = STRBUF_INIT;
	app_status st = inspection_notice(ctx, r, t, flags, &text, msg);
	if (st == APP_OK && sheet_save(path, sb_str(&text)) < 0) {
		sb_addf(msg, _("%s: cannot write it"), path);
		st = APP_BAD;
	} else if (st == APP_OK) {
		sb_addf(msg, _("wrote the notice of inspection %lld (%s) to %s"), (long long)r->id, r->code,
		        path);
	}
	sb_free(&text);
	return st;
}

char *inspection_notice_file_name(const inspection_record *r)
{
	/* TRANSLATORS: the start of the notice's file name, "入企检查告知单" in Chinese */
	char *name = xasprintf("%s-%s.txt", _("inspection-notice"), r->code ? r->code : "");
	for (char *c = name; *c; c++)
		if (*c == ' ' || *c == '/')
			*c = '-';
	return name;
}
