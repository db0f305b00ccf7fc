/* Whistles in the Enterprises pane (企业吹哨、专员报到): the forms of a whistle to the
 * enterprise's commissioner, of the commissioner's report-in and of a whistle made an
 * appeal, saved through the same services as qifu whistle add|report|appeal. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal_move.h"
#include "app/store_text.h"
#include "app/whistle.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "store/whistle_store.h"
#include "ui/enterprises/records_private.h"
#include "ui/shell.h"

/* the whistles a report-in or appeal form offers: the enterprise's latest */
enum { WHISTLES_OFFERED = 50 };

/* e's whistles as options whose values are their ids: those not reported in (report)
 * or not yet an appeal; *chosen gets the value of whistle (0: the first offered) */
static int whistle_choices(entrec *r, const ent_record *e, bool report, int64_t whistle,
		form_option *opts, char **owned, const char **chosen)
{
	whistle_filter wf = { .enterprise_id = e->id, .open_only = report };
	whistle_rec *v = xcalloc(WHISTLES_OFFERED, sizeof *v);
	int nv = 0, n = 0;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	if (whistle_store_list(entrec_db(r), &wf, 0, WHISTLES_OFFERED, v, &nv, &se) < 0) {
		shell_error(r->sh, "%s", app_store_text(&se, &err));
		nv = 0;
	}
	*chosen = NULL;
	for (int i = 0; i < nv; i++) {
		if (report || !v[i].appeal_id) {
			char day[11];
			owned[2 * n] = xasprintf("%" PRId64, v[i].id);
			owned[2 * n + 1] = xasprintf(_("%s %s, %s: %s"), date_format(v[i].called_on, day),
			                             _(whistle_via_label(v[i].via)), v[i].caller,
			                             v[i].text);
			opts[n].value = owned[2 * n];
			opts[n].label = owned[2 * n + 1];
			if (v[i].id == whistle || (!*chosen && !whistle))
				*chosen = owned[2 * n];
			n++;
		}
		whistle_rec_clear(&v[i]);
	}
	xfree(&v);
	sb_free(&err);
	return n;
}

bool entrec_whistle_fill(entrec *r, form *f, const ent_record *e, int64_t whistle)
{
	app_ctx *ctx = shell_ctx(r->sh);
	if (r->kind == ENTREC_WHISTLE) {
		if (!e->commissioner_id) {
			shell_message(r->sh, _("%s has no service commissioner to blow the whistle to"),
			              e->name);
			return false;
		}
		form_option via[WHISTLE_VIA__COUNT];
		for (int i = 0; i < WHISTLE_VIA__COUNT; i++)
			via[i] = (form_option){ whistle_via_code((whistle_via)i),
				_(whistle_via_label((whistle_via)i)) };
		char *whom = xasprintf(_("%s (report in within %d working days)"),
		                       e->commissioner_name && *e->commissioner_name
		                       ? e->commissioner_name : e->commissioner,
		                       app_whistle_report_days(ctx));
		form_add_note(f, _("Commissioner"), whom);
		xfree(&whom);
		r->fld[F_VIA] = form_add_choice(f, _("Called how"), via, WHISTLE_VIA__COUNT,
		                                whistle_via_code(WHISTLE_VIA_PHONE), true);
		r->fld[F_DATE] = form_add_date(f, _("Called on"), ctx->today, true);
		r->fld[F_CALLER] = form_add_text(f, _("Who called"), e->contact ? e->contact : "",
		                                 WHISTLE_CALLER_MAX, true);
		r->fld[F_TEXT] = form_add_lines(f, _("What was asked"), "", WHISTLE_TEXT_MAX, 3, true);
		return true;
	}
	bool report = r->kind == ENTREC_WHISTLE_REPORT;
	form_option opts[WHISTLES_OFFERED];
	char *owned[2 * WHISTLES_OFFERED] = { 0 };
	const char *chosen;
	int n = whistle_choices(r, e, report, whistle, opts, owned, &chosen);
	if (n > 0) {
		r->fld[F_WHISTLE] = form_add_choice(f, _("Whistle"), opts, n, chosen, true);
		if (report) {
			r->fld[F_DATE] = form_add_date(f, _("Reported in on"), ctx->today, true);
			r->fld[F_TEXT] = form_add_lines(f, _("What was done"), "", WHISTLE_REPORT_MAX, 3,
			                                true);
		} else {
			form_option kinds[TICKET_KIND__COUNT];
			for (int i = 0; i < TICKET_KIND__COUNT; i++)
				kinds[i] = (form_option){ ticket_kind_code((ticket_kind)i),
					_(ticket_kind_label((ticket_kind)i)) };
			r->fld[F_KIND] = form_add_choice(f, _("Kind"), kinds, TICKET_KIND__COUNT,
			                                 ticket_kind_code(TICKET_KIND_GENERAL), true);
		}
	}
	for (int i = 0; i < 2 * n; i++)
		xfree(&owned[i]);
	if (n == 0)
		shell_message(r->sh, "%s", report
		              ? _("No whistle of the enterprise is waiting for its report-in")
		              : _("No whistle of the enterprise is waiting to become an appeal"));
	return n > 0;
}

/* the whistle chosen: its id, or 0 with the error under the field */
static int64_t chosen_whistle(entrec *r, form *f)
{
	const char *choice = form_choice(f, r->fld[F_WHISTLE]);
	int64_t id = choice ? strtoll(choice, NULL, 10) : 0;
	if (id <= 0)
		form_set_error(f, r->fld[F_WHISTLE], _("this field is required: choose one"));
	return id;
}

int entrec_whistle_save(entrec *r, form *f, const ent_record *e, strbuf *err)
{
	app_ctx *ctx = shell_ctx(r->sh);
	if (r->kind == ENTREC_WHISTLE) {
		whistle_rec w = { 0 };
		w.enterprise_id = e->id;
		whistle_via_parse(form_choice(f, r->fld[F_VIA]), &w.via);
		w.called_on = form_date(f, r->fld[F_DATE]);
		w.caller = form_text(f, r->fld[F_CALLER]);
		w.text = form_text(f, r->fld[F_TEXT]);
		int64_t id = 0;
		app_record_rc rc = app_whistle_add(ctx, &w, &id, err);
		char day[11];
		char *done = xasprintf(_("Whistle %" PRId64 " logged: report in by %s"), id,
		                       date_format(w.due, day));
		int saved = entrec_saved(r, f, -1, rc, err, done);
		xfree(&done);
		whistle_rec_clear(&w);
		return saved;
	}
	int64_t id = chosen_whistle(r, f);
	if (!id)
		return -1;
	if (r->kind == ENTREC_WHISTLE_REPORT) {
		char *text = form_text(f, r->fld[F_TEXT]);
		whistle_state st = WHISTLE_ST_REPORTED;
		app_record_rc rc = app_whistle_report(ctx, id, form_date(f, r->fld[F_DATE]), &text,
		                                      &st, err);
		char *done = xasprintf(_("Whistle %" PRId64 ": %s"), id, _(whistle_state_label(st)));
		int saved = entrec_saved(r, f, r->fld[F_TEXT], rc, err, done);
		xfree(&done);
		xfree(&text);
		return saved;
	}
	ticket_kind kind = TICKET_KIND_GENERAL;
	ticket_kind_parse(form_choice(f, r->fld[F_KIND]), &kind);
	char number[TICKET_NUMBER_SIZE];
	ticket_timers tm;
	appeal_move_rc rc = appeal_move_from_whistle(ctx, id, kind, number, &tm, err);
	if (rc == APPEAL_MOVE_DONE) {
		shell_message(r->sh, _("Appeal %s registered from the whistle"), number);
		return 0;
	}
	if (rc == APPEAL_MOVE_ERROR)
		shell_error(r->sh, "%s", sb_str(err));
	else
		form_set_error(f, -1, sb_str(err));
	return -1;
}
