/* Financing needs in the Enterprises pane: the form of a new need and the form of a
 * change (its status, institution, amount funded, term, guarantee and a note), saved
 * through the same services as qifu financing add|update. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/financing.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/financing.h"
#include "store/financing_store.h"
#include "ui/enterprises/records_private.h"
#include "ui/shell.h"

/* the needs a change form offers: the enterprise's latest */
enum { NEEDS_OFFERED = 50 };

void entrec_financing_form(entrec *r, form *f)
{
	form_option opts[FIN__COUNT];
	int n = 0;
	for (int s = 0; s < FIN__COUNT; s++) {
		/* only what a new need may start as */
		if (fin_change_check(FIN_NEW, (fin_status)s, "-") == FIN_NOT_NEXT)
			continue;
		opts[n].value = fin_status_code((fin_status)s);
		opts[n].label = _(fin_status_label((fin_status)s));
		n++;
	}
	r->fld[F_AMOUNT] = form_add_text(f, _("Amount"), "", 30, true);
	r->fld[F_PURPOSE] = form_add_text(f, _("Purpose"), "", 200, true);
	r->fld[F_STATUS] = form_add_choice(f, _("Status"), opts, n, fin_status_code(FIN_NEED), true);
	r->fld[F_INSTITUTION] = form_add_text(f, _("Financing institution"), "", 100, false);
	r->fld[F_FUNDED] = form_add_text(f, _("Amount funded"), "", 30, false);
	/* what the financing credit platform asks besides: optional, as on the command line */
	r->fld[F_TERM] = form_add_text(f, _("Term"), "", 30, false);
	r->fld[F_GUARANTEE] = form_add_text(f, _("Guarantee"), "", 100, false);
}

/* an amount field: 0 for empty, -1 with the error under the field */
static int amount_field(form *f, int field, int64_t *fen, strbuf *err)
{
	char *s = form_text(f, field);
	int rc = 0;
	*fen = 0;
	if (*s && fin_amount_parse(s, fen, err) < 0) {
		form_set_error(f, field, sb_str(err));
		rc = -1;
	}
	xfree(&s);
	return rc;
}

/* a term field: 0 for empty, -1 with the error under the field */
static int term_field(form *f, int field, int *months, strbuf *err)
{
	char *s = form_text(f, field);
	int rc = 0;
	*months = 0;
	if (*s && fin_term_parse(s, months, err) < 0) {
		form_set_error(f, field, sb_str(err));
		rc = -1;
	}
	xfree(&s);
	return rc;
}

int entrec_financing_save(entrec *r, form *f, const ent_record *e, strbuf *err)
{
	app_ctx *ctx = shell_ctx(r->sh);
	fin_rec v = { 0 };
	v.enterprise_id = e->id;
	char *amount = form_text(f, r->fld[F_AMOUNT]);
	int rc = -1;
	if (fin_amount_parse(amount, &v.amount_fen, err) < 0) {
		form_set_error(f, r->fld[F_AMOUNT], sb_str(err));
		goto out;
	}
	if (amount_field(f, r->fld[F_FUNDED], &v.funded_fen, err) < 0 ||
	    term_field(f, r->fld[F_TERM], &v.term_months, err) < 0)
		goto out;
	v.purpose = form_text(f, r->fld[F_PURPOSE]);
	v.guarantee = form_text(f, r->fld[F_GUARANTEE]);
	v.institution = form_text(f, r->fld[F_INSTITUTION]);
	fin_status_parse(form_choice(f, r->fld[F_STATUS]), &v.status);
	int64_t id;
	rc = entrec_saved(r, f, -1, app_financing_add(ctx, &v, &id, err), err,
	                  _("Financing need recorded"));
out:
	xfree(&amount);
	fin_rec_clear(&v);
	return rc;
}

bool entrec_financing_update_form(entrec *r, form *f, const ent_record *e, int64_t need)
{
	fin_filter ff = { 0 };
	ff.enterprise_id = e->id;
	ff.status = -1;
	fin_rec *v = xcalloc(NEEDS_OFFERED, sizeof *v);
	form_option opts[NEEDS_OFFERED], st[FIN__COUNT + 1];
	char *owned[2 * NEEDS_OFFERED] = { 0 }, chosen[24] = "";
	int n = 0;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	if (fin_store_list(entrec_db(r), &ff, 0, NEEDS_OFFERED, v, &n, &se) < 0) {
		shell_error(r->sh, "%s", app_store_text(&se, &err));
		n = 0;
	}
	for (int i = 0; i < n; i++) {
		strbuf b = STRBUF_INIT;
		sb_addf(&b, _("No. %" PRId64 " "), v[i].id);
		app_fin_need_text(&v[i], &b);
		owned[2 * i] = xasprintf("%" PRId64, v[i].id);
		owned[2 * i + 1] = sb_steal(&b);
		opts[i] = (form_option){ owned[2 * i], owned[2 * i + 1] };
		if (v[i].id == need)
			snprintf(chosen, sizeof chosen, "%s", owned[2 * i]);
	}
	if (n > 0) {
		st[0] = (form_option){ "", _("unchanged") };
		for (int s = 0; s < FIN__COUNT; s++)
			st[s + 1] = (form_option){ fin_status_code((fin_status)s),
			                           _(fin_status_label((fin_status)s)) };
		r->fld[F_NEED] = form_add_choice(f, _("Financing need"), opts, n,
		                                 *chosen ? chosen : NULL, true);
		r->fld[F_STATUS] = form_add_choice(f, _("New status"), st, FIN__COUNT + 1, "", false);
		r->fld[F_INSTITUTION] = form_add_text(f, _("Institution (empty: kept)"),
		                                      "", 100, false);
		r->fld[F_FUNDED] = form_add_text(f, _("Amount funded"), "", 30, false);
		r->fld[F_TERM] = form_add_text(f, _("Term (empty: kept)"), "", 30, false);
		r->fld[F_GUARANTEE] = form_add_text(f, _("Guarantee (empty: kept)"), "", 100, false);
		r->fld[F_NOTE] = form_add_text(f, _("Note"), "", 500, false);
	} else {
		shell_message(r->sh, "%s", _("The enterprise has no financing need to change"));
	}
	for (int i = 0; i < 2 * n; i++)
		xfree(&owned[i]);
	for (int i = 0; i < n; i++)
		fin_rec_clear(&v[i]);
	xfree(&v);
	sb_free(&err);
	return n > 0;
}

int entrec_financing_update_save(entrec *r, form *f, strbuf *err)
{
	const char *need = form_choice(f, r->fld[F_NEED]);
	const char *status = form_choice(f, r->fld[F_STATUS]);
	fin_change c = { .status = -1 };
	int rc = -1;
	if (!need || !*need) {
		form_set_error(f, r->fld[F_NEED], _("this field is required: choose one"));
		return -1;
	}
	if (amount_field(f, r->fld[F_FUNDED], &c.funded_fen, err) < 0 ||
	    term_field(f, r->fld[F_TERM], &c.term_months, err) < 0)
		return -1;
	fin_status to;
	if (status && *status && fin_status_parse(status, &to))
		c.status = (int)to;
	char *inst = form_text(f, r->fld[F_INSTITUTION]);
	if (*inst)
		c.institution = inst;
	else
		xfree(&inst);
	char *guarantee = form_text(f, r->fld[F_GUARANTEE]);
	if (*guarantee)
		c.guarantee = guarantee;
	else
		xfree(&guarantee);
	c.note = form_text(f, r->fld[F_NOTE]);
	if (c.status < 0 && !c.institution && !c.funded_fen && !c.term_months && !c.guarantee) {
		form_set_error(f, r->fld[F_STATUS],
		               _("say what changes: the status, the institution, the amount funded, "
		                 "the term or the guarantee"));
		goto out;
	}
	int64_t id = strtoll(need, NULL, 10);
	char *done = xasprintf(_("Financing need %" PRId64 " updated"), id);
	rc = entrec_saved(r, f, r->fld[F_NOTE], app_financing_update(shell_ctx(r->sh), id, &c, NULL, err),
	                  err, done);
	xfree(&done);
out:
	fin_change_clear(&c);
	return rc;
}
