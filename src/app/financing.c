/* Financing needs for both faces (app/financing.h): the update service and the
 * words of a need and of a step of its history. */
#include "app/financing.h"

#include <inttypes.h>
#include <stdlib.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "store/financing_store.h"
#include "store/staff_store.h"

const app_column app_fin_columns[FIN_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[FIN_COL_ID] = { "id", N_("Need"), COL_INT, 4, false, TEXT_RIGHT, 0 },
	[FIN_COL_ENTERPRISE] = { "enterprise", N_("Enterprise"), COL_STR, 16, true, TEXT_LEFT, 0 },
	[FIN_COL_USCC] = { "uscc", N_("Credit code"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[FIN_COL_AREA] = { NULL, N_("Area"), COL_STR, 8, false, TEXT_LEFT, 0 },
	[FIN_COL_AMOUNT] = { "amount_yuan", N_("Amount"), COL_STR, 10, false, TEXT_RIGHT, 0 },
	[FIN_COL_PURPOSE] = { "purpose", N_("Purpose"), COL_STR, 14, false, TEXT_LEFT, 110 },
	[FIN_COL_STATUS] = { "status", N_("Financing status"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[FIN_COL_INSTITUTION] = { "institution", N_("Institution"), COL_STR, 12, false, TEXT_LEFT,
		0 },
	[FIN_COL_CREATED_BY] = { "created_by", N_("Recorded by"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[FIN_COL_CREATED_AT] = { "created_at", N_("Recorded at"), COL_STR, 0, false, TEXT_LEFT, 0 },
	/* the day the need has waited since: the desk works the oldest first */
	[FIN_COL_RECORDED_ON] = { NULL, N_("Recorded on"), COL_STR, 10, false, TEXT_LEFT, 0 },
	[FIN_COL_UPDATED_AT] = { "updated_at", N_("Updated at"), COL_STR, 0, false, TEXT_LEFT, 0 },
	/* an open need has no money yet: the command line's */
	[FIN_COL_FUNDED] = { "funded_yuan", N_("Funded"), COL_STR, 0, false, TEXT_RIGHT, 0 },
	/* what the financing credit platform asks besides (issue 19): the command line's */
	[FIN_COL_TERM] = { "term_months", N_("Term (months)"), COL_STR, 0, false, TEXT_RIGHT, 0 },
	[FIN_COL_GUARANTEE] = { "guarantee", N_("Guarantee"), COL_STR, 0, false, TEXT_LEFT, 0 },
};

/* an amount as the form asks: people's words or yuan with two decimals */
static void amount_cell(int64_t fen, app_cell_form form, strbuf *out)
{
	if (form == CELL_WORDS) {
		char *s = fin_amount_for_people(fen);
		sb_add(out, s);
		free(s);
	} else {
		char yuan[32];
		sb_add(out, fin_amount_yuan(fen, yuan));
	}
}

void app_fin_cell(const fin_rec *f, int col, app_cell_form form, strbuf *out)
{
	switch ((app_fin_col)col) {
	case FIN_COL_ID: sb_addf(out, "%" PRId64, f->id); break;
	case FIN_COL_ENTERPRISE: sb_add(out, f->enterprise ? f->enterprise : ""); break;
	case FIN_COL_USCC: sb_add(out, f->uscc ? f->uscc : ""); break;
	case FIN_COL_AREA: sb_add(out, f->area ? f->area : ""); break;
	case FIN_COL_AMOUNT: amount_cell(f->amount_fen, form, out); break;
	case FIN_COL_PURPOSE: sb_add(out, f->purpose ? f->purpose : ""); break;
	case FIN_COL_STATUS:
		sb_add(out, form == CELL_WORDS ? _(fin_status_label(f->status))
		                               : fin_status_code(f->status));
		break;
	case FIN_COL_INSTITUTION: sb_add(out, f->institution ? f->institution : ""); break;
	case FIN_COL_CREATED_BY: sb_add(out, f->created_by ? f->created_by : ""); break;
	case FIN_COL_CREATED_AT: sb_add(out, f->created_at ? f->created_at : ""); break;
	case FIN_COL_RECORDED_ON: sb_addf(out, "%.10s", f->created_at ? f->created_at : ""); break;
	case FIN_COL_UPDATED_AT: sb_add(out, f->updated_at ? f->updated_at : ""); break;
	case FIN_COL_FUNDED:
		if (f->funded_fen)
			amount_cell(f->funded_fen, form, out);
		break;
	case FIN_COL_TERM:
		if (f->term_months > 0)
			sb_addf(out, "%d", f->term_months);
		break;
	case FIN_COL_GUARANTEE: sb_add(out, f->guarantee ? f->guarantee : ""); break;
	case FIN_COL__COUNT: break;
	}
}

app_record_rc app_financing_update(app_ctx *ctx, int64_t id, fin_change *c, fin_rec *need,
                                   strbuf *err)
{
	fin_rec f = { 0 };
	store_err se = { 0 };
	app_record_rc rc = APP_RECORD_REFUSED;
	int got = fin_store_get(app_db(ctx), id, &f, &se);
	if (got != 0) {
		if (got > 0)
			sb_addf(err, _("no financing need %" PRId64), id);
		else
			app_store_text(&se, err);
		rc = got > 0 ? APP_RECORD_REFUSED : APP_RECORD_FAILED;
		goto out;
	}
	if (!app_allowed(ctx, PERM_FINANCING_EDIT, f.area, NULL, err))
		goto out;
	if (fin_change_clean(c, err) < 0) {
		rc = APP_RECORD_BAD_INPUT;
		goto out;
	}
	int w = fin_store_update(app_db(ctx), app_actor(ctx)->login, id, c, &se);
	app_store_text(&se, err);
	rc = w == 0 ? APP_RECORD_SAVED : w > 0 ? APP_RECORD_REFUSED : APP_RECORD_FAILED;
out:
	if (need && got == 0)
		*need = f;
	else
		fin_rec_clear(&f);
	return rc;
}

/* ", with 江西银行" and ", 450万元 funded" where the need or step has them */
static void institution_and_funded(const char *institution, int64_t funded_fen, strbuf *out)
{
	if (institution && *institution)
		sb_addf(out, _(", with %s"), institution);
	if (funded_fen > 0) {
		char *amount = fin_amount_for_people(funded_fen);
		sb_addf(out, _(", %s funded"), amount);
		free(amount);
	}
}

void app_fin_need_text(const fin_rec *f, strbuf *out)
{
	char *amount = fin_amount_for_people(f->amount_fen);
	sb_addf(out, _("%.10s %s for %s: %s"), f->created_at ? f->created_at : "", amount,
	        f->purpose, _(fin_status_label(f->status)));
	free(amount);
	institution_and_funded(f->institution, f->funded_fen, out);
	/* what the financing credit platform asks besides, once known */
	if (f->term_months > 0)
		sb_addf(out, _(", term %d months"), f->term_months);
	if (f->guarantee && *f->guarantee)
		sb_addf(out, _(", guarantee %s"), f->guarantee);
}

void app_fin_step_text(const fin_step *s, strbuf *out)
{
	/* the day: the hour and who are the command's (qifu financing history) */
	sb_addf(out, "%.10s ", s->at ? s->at : "");
	if (s->from < 0)
		sb_addf(out, _("recorded as %s"), _(fin_status_label(s->to)));
	else if ((fin_status)s->from == s->to)
		sb_addf(out, _("still %s"), _(fin_status_label(s->to)));
	else
		sb_addf(out, _("%s → %s"), _(fin_status_label((fin_status)s->from)),
		        _(fin_status_label(s->to)));
	institution_and_funded(s->institution, s->funded_fen, out);
	if (s->note && *s->note)
		sb_addf(out, _("; %s"), s->note);
}
