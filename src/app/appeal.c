/* Acting on appeals for the session's staff member (see app/appeal.h). */
#include "app/appeal.h"

#include <stdlib.h>
#include <string.h>

#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/mask.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/enterprise_store.h"
#include "store/escalation_store.h"
#include "store/staff_store.h"

const char *app_appeal_centre(app_ctx *ctx)
{
	const unit_def *c = units_centre(app_units(ctx));
	return c ? c->name : "";
}

ticket_actor app_ticket_actor(app_ctx *ctx)
{
	staff *me = app_actor(ctx);
	ticket_actor who = { me->role, me->unit && *me->unit ? me->unit : NULL,
		app_appeal_centre(ctx) };
	return who;
}

void app_appeal_filter(app_ctx *ctx, appeal_filter *f)
{
	memset(f, 0, sizeof *f);
	ticket_params p = app_ticket_params(ctx);
	appeal_filter_set_today(f, app_calendar(ctx), ctx->today, p.yellow_days);
	f->scope_area = app_scope_area(ctx);
	const char *const *units;
	size_t n;
	if (app_sight(ctx, &units, &n) == PERM_SEE_UNITS) {
		f->scope_units = units;
		f->nscope_units = n;
	}
}

int app_appeal_news(app_ctx *ctx, int64_t *after, appeal_news *out, int cap, bool *more,
		strbuf *err)
{
	const char *const *units;
	size_t n;
	*more = false;
	if (app_sight(ctx, &units, &n) != PERM_SEE_UNITS || n == 0)
		return 0;
	store_err se = { 0 };
	int got = appeal_store_news(app_db(ctx), after, units, n, out, cap, more, &se);
	if (got < 0) {
		sb_reset(err);
		app_store_text(&se, err);
	}
	return got;
}

void app_mask_caller(app_ctx *ctx, char **name, char **phone)
{
	perm_actor pa = app_perm_actor(ctx);
	if (perm_sees_personal(&pa, true))
		return;
	char *n = mask_personal(MASK_NAME, *name);
	char *p = mask_personal(MASK_PHONE, *phone);
	free(*name);
	free(*phone);
	*name = n;
	*phone = p;
}

bool app_appeal_visible(app_ctx *ctx, const appeal_record *a)
{
	const char *units[66];
	size_t n = 0;
	units[n++] = a->first_unit;
	if (a->lead_unit)
		units[n++] = a->lead_unit;
	for (int i = 0; i < a->nrelated && n < sizeof units / sizeof *units; i++)
		units[n++] = a->related[i];
	return app_sees(ctx, a->area, units, n);
}

char **app_split_list(const char *s, int *n)
{
	static const char *const seps[] = { ",", "，", "、" };
	char **v = xcalloc(1, sizeof *v);
	*n = 0;
	const char *p = s;
	while (*p) {
		size_t len = strlen(p), skip = 0;
		for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
			const char *hit = strstr(p, seps[i]);
			if (hit && (size_t)(hit - p) < len) {
				len = (size_t)(hit - p);
				skip = strlen(seps[i]);
			}
		}
		char *item = xstrndup(p, len), *trimmed = text_trim(item);
		free(item);
		if (*trimmed) {
			v = xrealloc(v, sizeof *v * (size_t)(*n + 2));
			v[(*n)++] = trimmed;
			v[*n] = NULL;
		} else {
			free(trimmed);
		}
		p += len + skip;
	}
	return v;
}

void app_split_list_free(char ***v)
{
	for (char **p = *v; p && *p; p++)
		free(*p);
	xfree(v);
}

void app_light_text(ticket_light_t l, int workdays, strbuf *out)
{
	if (l == TICKET_LIGHT_NONE)
		return;
	/* the overdue text names the light itself (超期 N 个工作日) */
	if (l != TICKET_LIGHT_RED)
		sb_addf(out, "%s ", _(ticket_light_label(l)));
	ticket_due_text(l, workdays, out);
}

escalation_actor app_esc_actor(app_ctx *ctx)
{
	staff *me = app_actor(ctx);
	escalation_actor who = { me->role, me->unit && *me->unit ? me->unit : NULL,
		app_appeal_centre(ctx), me->level, (const char *const *)me->oversees };
	return who;
}

bool app_appeal_suggested(app_ctx *ctx, qdate handle_due, int level)
{
	return esc_suggested(handle_due, level, app_calendar(ctx), ctx->today,
	                     (int)cfg_int(ctx->cfg, SET_ESCALATE_AFTER_DAYS));
}


const char *app_appeal_lead_pick(const char *enterprise_lead, const char *returned_by)
{
	if (!enterprise_lead || !*enterprise_lead)
		return NULL;
	if (returned_by && strcmp(enterprise_lead, returned_by) == 0)
		return NULL;
	return enterprise_lead;
}

char *app_appeal_returned_by(const appeal_record *a)
{
	bool returned = false;
	for (int i = a->nevents - 1; i >= 0; i--) {
		const appeal_event *e = &a->events[i];
		if (strcmp(e->action, ticket_action_code(TICKET_ACT_RETURN)) == 0) {
			returned = true;
		} else if (strcmp(e->action, ticket_action_code(TICKET_ACT_DISPATCH)) == 0) {
			if (!returned)
				return NULL;
			const char *l = e->summary ? strstr(e->summary, "lead=") : NULL;
			if (!l)
				return NULL;
			l += 5;
			return xstrndup(l, strcspn(l, ";"));
		}
	}
	return NULL;
}

char *app_appeal_lead_default(app_ctx *ctx, const appeal_record *a)
{
	ent_record e = { 0 };
	char *out = NULL;
	/* no default when the enterprise cannot be read: the form asks */
	if (ent_store_get(app_db(ctx), NULL, a->enterprise_id, &e, NULL) == 0) {
		char *back = app_appeal_returned_by(a);
		const char *lead = app_appeal_lead_pick(e.lead_unit, back);
		out = lead ? xstrdup(lead) : NULL;
		free(back);
	}
	ent_record_clear(&e);
	return out;
}

void app_appeal_caller(const char *typed_name, const char *typed_phone,
		const char *contact, const char *contact_phone, const char **name,
		const char **phone)
{
	bool no_name = !typed_name || !*typed_name, no_phone = !typed_phone || !*typed_phone;
	*name = no_name ? (contact ? contact : "") : typed_name;
	*phone = typed_phone ? typed_phone : "";
	if (no_phone && contact && *contact && strcmp(*name, contact) == 0)
		*phone = contact_phone ? contact_phone : "";
}

char *app_appeal_caller_text(const appeal_record *a)
{
	const char *name = a->caller_name ? a->caller_name : "";
	const char *phone = a->caller_phone ? a->caller_phone : "";
	const char *role = a->caller_role ? a->caller_role : "";
	if (!*name && !*phone)
		return xstrdup(_("not recorded"));
	strbuf b = STRBUF_INIT;
	sb_add(&b, *name ? name : _("(no name)"));
	if (*role)
		sb_addf(&b, _(" (%s)"), role);
	if (*phone)
		sb_addf(&b, "  %s", phone);
	return sb_steal(&b);
}

char *app_appeal_report_text(const appeal_record *a)
{
	if (a->reported_on == DATE_NONE)
		return NULL;
	char day[16];
	date_format(a->reported_on, day);
	/* reported by the upgrade that brought the step: only the day is known */
	if (a->report_how == TICKET_HOW_NONE)
		return xasprintf(_("%s (answered before the report step: how and by whom not "
		                   "recorded)"), day);
	strbuf b = STRBUF_INIT;
	sb_addf(&b, _("%s %s, told by %s"), day, _(ticket_how_label(a->report_how)),
	        a->report_by && *a->report_by ? a->report_by : _("not recorded"));
	if (a->report_text && *a->report_text)
		sb_addf(&b, _(": %s"), a->report_text);
	return sb_steal(&b);
}

app_status app_appeal_similar(app_ctx *ctx, const char *uscc, const char *title,
		appeal_row *rows, int max, int *n, strbuf *err)
{
	int days = (int)cfg_int(ctx->cfg, SET_SIMILAR_DAYS);
	int closed = (int)cfg_int(ctx->cfg, SET_SIMILAR_CLOSED_DAYS);
	store_err se = { 0 };
	if (appeal_store_similar(app_db(ctx), uscc, title, ctx->today - days,
	                         closed > 0 ? ctx->today - closed : DATE_NONE, rows, max, n,
	                         &se) < 0) {
		app_store_text(&se, err);
		return APP_BAD;
	}
	return APP_OK;
}

void app_appeal_similar_text(app_ctx *ctx, const appeal_row *rows, int n, strbuf *out)
{
	int days = (int)cfg_int(ctx->cfg, SET_SIMILAR_DAYS);
	int closed = (int)cfg_int(ctx->cfg, SET_SIMILAR_CLOSED_DAYS);
	if (closed > 0)
		sb_addf(out, P_("This enterprise has %d appeal with a similar title (open ones from "
		                "the last %d days, closed ones from the last %d days):",
		                "This enterprise has %d appeals with similar titles (open ones from "
		                "the last %d days, closed ones from the last %d days):",
		                (unsigned long)n), n, days, closed);
	else
		sb_addf(out, P_("This enterprise has %d open appeal with a similar title from the "
		                "last %d days:", "This enterprise has %d open appeals with similar "
		                "titles from the last %d days:", (unsigned long)n), n, days);
	for (int i = 0; i < n; i++)
		sb_addf(out, _(" %s %s (%s, %d%% alike);"), rows[i].number, rows[i].title,
		        _(ticket_state_label(rows[i].state)), rows[i].similarity);
}

const char *app_board_start_leader(const staff *me)
{
	bool oversees = me->oversees && me->oversees[0];
	return me->role == ROLE_LEADER && me->level == 2 && oversees ? me->login : NULL;
}

char *app_join_list(char *const *v, int n)
{
	strbuf b = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		if (i)
			sb_add(&b, "、");
		sb_add(&b, v[i]);
	}
	return sb_steal(&b);
}
