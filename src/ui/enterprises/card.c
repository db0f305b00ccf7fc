/* The service contact card (服务企业联系卡) from the Enterprises pane, through the
 * functions qifu card uses (app/card.h): on an enterprise (the list's row or the 360
 * view) a form of the format, the file and whether the card is marked delivered; in
 * the coverage list the cards of every enterprise listed, in one file. An existing
 * file is refused under the file field; the file appears only when whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app.h"
#include "app/card.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "ui/enterprises/list.h"
#include "ui/enterprises/private.h"

/* the default file: the export folder and name pattern of F7 (./名称_YYYYMMDD.ext),
 * the USCC in it for one card */
static char *card_name(ent_pane *p, const char *uscc, bool xlsx)
{
	int y, m, d;
	date_to_ymd(shell_ctx(p->sh)->today, &y, &m, &d);
	if (uscc)
		return xasprintf("./%s_%s_%04d%02d%02d.%s", _("contact-card"), uscc, y, m, d,
		                 xlsx ? "xlsx" : "txt");
	return xasprintf("./%s_%04d%02d%02d.%s", _("contact-cards"), y, m, d,
	                 xlsx ? "xlsx" : "txt");
}

static void card_form(ent_pane *p, pane_mode back)
{
	bool batch = back == MODE_COVERAGE;
	form *f = form_new(p->sh, batch ? _("Print the contact cards of the coverage list")
	                                : _("Print the contact card"));
	if (!batch)
		form_add_note(f, _("Enterprise"), p->rec_ent.name);
	else {
		char *n = xasprintf(P_("%ld enterprise listed", "%ld enterprises listed",
		                       (unsigned long)p->cov_sum.listed), p->cov_sum.listed);
		form_add_note(f, _("Cards"), n);
		xfree(&n);
	}
	const form_option fmt[] = {
		{ "txt", _("text (one card a page)") },
		{ "xlsx", _("workbook (four A6 cards to an A4 page)") },
	};
	p->fld_card_format = form_add_choice(f, _("Format"), fmt, 2, "txt", false);
	xfree(&p->card_default);
	p->card_default = card_name(p, batch ? NULL : p->rec_ent.uscc, false);
	p->fld_card_path = form_add_text(f, _("File"), p->card_default, 255, true);
	p->fld_card_deliver = batch ? -1 : form_add_yesno(f, _("Mark it delivered today"), false);
	const char *buttons[] = { _("Print"), _("Cancel") };
	form_set_buttons(f, buttons, 2, 1);
	p->form = f;
	p->purpose = FP_CARD;
	p->back = back;
	p->mode = MODE_FORM;
}

void enterprises_card_start(ent_pane *p)
{
	if (!shell_allowed(p->sh, PERM_ENT_VIEW, NULL))
		return;
	if (p->mode == MODE_COVERAGE) {
		if (!p->cov_read || p->cov_sum.listed == 0) {
			shell_error(p->sh, "%s", _("The coverage list is empty: no card to print"));
			return;
		}
		card_form(p, MODE_COVERAGE);
		return;
	}
	int64_t id = p->view_id;
	if (p->mode == MODE_LIST) {
		const ent_record *row = enterprises_cursor_row(p);
		id = row ? row->id : 0;
	}
	if (!id)
		return;
	ent_record_clear(&p->rec_ent);
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	int found = ent_store_get(enterprises_db(p), NULL, id, &p->rec_ent, &se);
	if (found != 0)
		shell_error(p->sh, "%s", found < 0 ? app_store_text(&se, &err)
		                                   : _("This enterprise is no longer in the register."));
	else
		card_form(p, p->mode);
	sb_free(&err);
}

/* the default name follows the format while it is the default */
static char *card_path(ent_pane *p, bool xlsx)
{
	char *path = form_text(p->form, p->fld_card_path);
	if (xlsx && strcmp(path, p->card_default) == 0) {
		xfree(&path);
		path = card_name(p, p->back == MODE_COVERAGE ? NULL : p->rec_ent.uscc, true);
	}
	return path;
}

void enterprises_card_save(ent_pane *p)
{
	app_ctx *ctx = shell_ctx(p->sh);
	bool xlsx = strcmp(form_choice(p->form, p->fld_card_format), "xlsx") == 0;
	bool deliver = p->fld_card_deliver >= 0 && form_yes(p->form, p->fld_card_deliver);
	char *path = card_path(p, xlsx);
	struct stat sbuf;
	if (stat(path, &sbuf) == 0) {
		char *msg = xasprintf(_("%s exists: give another file name (nothing written)"), path);
		form_set_error(p->form, p->fld_card_path, msg);
		xfree(&msg);
		xfree(&path);
		return;
	}
	app_card_pick pick = { 0 };
	char **usccs = NULL;
	int nusccs = 0;
	strbuf msg = STRBUF_INIT;
	app_status st = APP_OK;
	if (p->back == MODE_COVERAGE) {
		/* the codes the list shows now, read a chunk at a time */
		app_coverage_pick cp;
		coverage_pick(p, &cp);
		st = app_coverage_usccs(ctx, &cp, &usccs, &nusccs, &msg);
		if (st == APP_OK && nusccs == 0) {
			/* the gaps were closed meanwhile: not every card of the register */
			sb_add(&msg, _("The coverage list is empty: no card to print"));
			st = APP_NO;
		}
		pick.usccs = (const char *const *)usccs;
		pick.nusccs = nusccs;
	} else {
		pick.uscc = p->rec_ent.uscc;
	}
	app_card *cards = NULL;
	int n = 0;
	if (st == APP_OK)
		st = app_cards_of(ctx, &pick, &cards, &n, &msg);
	if (st == APP_OK) {
		sb_reset(&msg);
		st = app_cards_save(cards, n, xlsx, path, &msg);
	}
	app_cards_free(&cards, n);
	for (int i = 0; i < nusccs; i++)
		free(usccs[i]);
	free(usccs);
	if (st != APP_OK) {
		form_set_error(p->form, p->fld_card_path, sb_str(&msg));
		sb_free(&msg);
		xfree(&path);
		return;
	}
	form_free(&p->form);
	p->mode = p->back;
	if (deliver) {
		char *by = xstrdup("");
		strbuf err = STRBUF_INIT;
		if (app_card_deliver(ctx, &p->rec_ent, ctx->today, &by, &err) != APP_RECORD_SAVED)
			shell_error(p->sh, _("%s; the card was not recorded delivered: %s"), sb_str(&msg),
			            sb_str(&err));
		else
			shell_message(p->sh, _("%s; recorded delivered today"), sb_str(&msg));
		sb_free(&err);
		xfree(&by);
		if (p->mode == MODE_VIEW)
			enterprises_view_rebuild(p);
		lv_invalidate(p->lv);
	} else {
		shell_message(p->sh, "%s", sb_str(&msg));
	}
	sb_free(&msg);
	xfree(&path);
}
