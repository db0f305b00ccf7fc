/* Enterprise records: cleaning what people typed, checking it against the policy
 * tables, and routing it to its lead and cooperating units. */
#include "model/enterprise.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"

#define NSTRINGS 17

/* the owned strings of e, for clearing and copying */
static void strings_of(ent_record *e, char **f[NSTRINGS])
{
	char **v[NSTRINGS] = { &e->name, &e->uscc, &e->uscc_override, &e->address, &e->area,
		&e->category, &e->group, &e->introduced_by, &e->legal_rep, &e->contact,
		&e->phone, &e->commissioner, &e->commissioner_name, &e->status, &e->lead_unit,
		&e->coop_units, &e->lead_override };
	memcpy(f, v, sizeof v);
}

void ent_record_clear(ent_record *e)
{
	char **f[NSTRINGS];
	strings_of(e, f);
	for (int i = 0; i < NSTRINGS; i++)
		free(*f[i]);
	memset(e, 0, sizeof *e);
}

void ent_record_copy(ent_record *dst, const ent_record *src)
{
	ent_record_clear(dst);
	*dst = *src;
	char **f[NSTRINGS];
	strings_of(dst, f);
	for (int i = 0; i < NSTRINGS; i++)
		if (*f[i])
			*f[i] = xstrdup(*f[i]);
}

/* sanitise and trim one field in place; limit counts characters */
static int clean(char **f, const char *label, size_t limit, bool required, strbuf *err)
{
	if (!*f)
		*f = xstrdup("");
	char *s = text_sanitize(*f, strlen(*f), 0);
	char *t = text_trim(s);
	free(s);
	free(*f);
	*f = t;
	if (required && !*t) {
		sb_addf(err, _("%s is required"), _(label));
		return -1;
	}
	if (text_chars(t) > limit) {
		sb_addf(err, _("%s is longer than %zu characters"), _(label), limit);
		return -1;
	}
	return 0;
}

static bool phone_ok(const char *p)
{
	/* digits with the separators people type: 0791-88123456, 138 0000 0000, +86… */
	int digits = 0;
	for (const char *c = p; *c; c++) {
		if (*c >= '0' && *c <= '9')
			digits++;
		else if (!strchr("-+ ()转", *c) && (unsigned char)*c < 0x80)
			return false;
	}
	return *p == '\0' || (digits >= 7 && digits <= 20);
}

ent_verdict ent_validate(const ent_rules *r, ent_record *e, const char *uscc_reason,
                         ent_field *bad, strbuf *err)
{
	ent_field dummy;
	if (!bad)
		bad = &dummy;
	*bad = ENT_F_NONE;
	const struct { char **f; const char *label; size_t limit; bool required; ent_field id; } t[] = {
		{ &e->name, N_("enterprise name"), 100, true, ENT_F_NAME },
		{ &e->address, N_("address"), 200, false, ENT_F_ADDRESS },
		{ &e->area, N_("area"), 40, true, ENT_F_AREA },
		{ &e->category, N_("category"), 40, true, ENT_F_CATEGORY },
		{ &e->group, N_("group"), 40, false, ENT_F_GROUP },
		{ &e->introduced_by, N_("introduced by"), 40, false, ENT_F_INTRODUCED },
		{ &e->legal_rep, N_("legal representative"), 40, false, ENT_F_LEGAL_REP },
		{ &e->contact, N_("contact"), 40, false, ENT_F_CONTACT },
		{ &e->phone, N_("phone"), 40, false, ENT_F_PHONE },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (clean(t[i].f, t[i].label, t[i].limit, t[i].required, err) < 0) {
			*bad = t[i].id;
			return ENT_INVALID;
		}
	*bad = ENT_F_PHONE;
	if (!phone_ok(e->phone)) {
		sb_addf(err, _("phone '%s' is not a telephone number"), e->phone);
		return ENT_INVALID;
	}
	*bad = ENT_F_AREA;
	if (!units_is_area(r->units, e->area)) {
		sb_addf(err, _("unknown area '%s'; allowed: "), e->area);
		units_list(r->units, UNIT_AREA, err);
		return ENT_INVALID;
	}
	*bad = ENT_F_CATEGORY;
	const category *k = catalog_category_any(r->cat, e->category);
	if (!k) {
		sb_addf(err, _("unknown category '%s'; allowed: "), e->category);
		catalog_list_codes(r->cat, err);
		sb_add(err, " (");
		catalog_list_labels(r->cat, err);
		sb_add(err, ")");
		return ENT_INVALID;
	}
	free(e->category);
	e->category = xstrdup(k->code);
	*bad = ENT_F_GROUP;
	if (*e->group && !catalog_is_group(r->cat, e->group)) {
		sb_addf(err, _("unknown group '%s'; allowed: "), e->group);
		catalog_list_groups(r->cat, err);
		return ENT_INVALID;
	}
	*bad = ENT_F_INTRODUCED;
	if (*e->introduced_by && !units_find(r->units, e->introduced_by)) {
		sb_addf(err, _("unknown introducing unit '%s'; allowed: "), e->introduced_by);
		units_list(r->units, -1, err);
		return ENT_INVALID;
	}
	*bad = ENT_F_USCC;
	char norm[19];
	uscc_error ue;
	uscc_status st = uscc_check(e->uscc ? e->uscc : "", norm, &ue);
	if (st != USCC_VALID) {
		bool overridable = st == USCC_BAD_CHECK || st == USCC_BAD_ORG_CHECK;
		if (!overridable || !uscc_reason || !*uscc_reason) {
			sb_addf(err, _("USCC %s: "), e->uscc ? e->uscc : "");
			uscc_explain(st, &ue, err);
			return overridable ? ENT_USCC_FAILS : ENT_INVALID;
		}
		free(e->uscc_override);
		e->uscc_override = xstrdup(uscc_reason);
	} else {
		xfree(&e->uscc_override);
	}
	free(e->uscc);
	e->uscc = xstrdup(norm);
	*bad = ENT_F_NONE;
	if (e->lead_override) {
		if (!units_find(r->units, e->lead_unit)) {
			sb_addf(err, _("unknown lead unit '%s'; allowed: "), e->lead_unit ? e->lead_unit : "");
			units_list(r->units, -1, err);
			return ENT_INVALID;
		}
		return ENT_OK;
	}
	route_input in = { e->category, e->group, e->aviation, e->introduced_by, e->area };
	route_result rr;
	if (routing_decide(r->rt, &in, &rr) < 0) {
		sb_addf(err, _("the routing table has no rule for category %s"), e->category);
		return ENT_INVALID;
	}
	free(e->lead_unit);
	e->lead_unit = xstrdup(rr.lead);
	strbuf coop = STRBUF_INIT;
	for (const char *const *u = rr.coop; *u; u++)
		sb_addf(&coop, "%s%s", u == rr.coop ? "" : "|", *u);
	free(e->coop_units);
	e->coop_units = sb_steal(&coop);
	return ENT_OK;
}

static const char *const status_codes[ENT_ST__COUNT] = {
	[ENT_ST_OPERATING] = "operating",
	[ENT_ST_MOVED_OUT] = "moved_out",
	[ENT_ST_DEREGISTERED] = "deregistered",
	[ENT_ST_SUSPENDED] = "suspended",
};

static const char *const status_labels[ENT_ST__COUNT] = {
	[ENT_ST_OPERATING] = N_("operating"),
	[ENT_ST_MOVED_OUT] = N_("moved out"),
	[ENT_ST_DEREGISTERED] = N_("deregistered"),
	[ENT_ST_SUSPENDED] = N_("suspended"),
};

const char *ent_status_code(ent_status s)
{
	return s < ENT_ST__COUNT ? status_codes[s] : "?";
}

const char *ent_status_label(ent_status s)
{
	return s < ENT_ST__COUNT ? status_labels[s] : "?";
}

bool ent_status_parse(const char *code, ent_status *out)
{
	for (int i = 0; code && i < ENT_ST__COUNT; i++)
		if (strcmp(code, status_codes[i]) == 0) {
			*out = (ent_status)i;
			return true;
		}
	return false;
}

bool ent_status_gone(ent_status s)
{
	return s == ENT_ST_MOVED_OUT || s == ENT_ST_DEREGISTERED;
}

bool ent_status_change_ok(ent_status from, ent_status to, strbuf *why)
{
	if (from == to) {
		sb_addf(why, _("the enterprise is already %s"), _(ent_status_label(to)));
		return false;
	}
	/* a deregistered enterprise no longer exists: a new registration is a new record */
	if (from == ENT_ST_DEREGISTERED) {
		sb_add(why, _("a deregistered enterprise cannot change its status; register the "
		              "new enterprise instead"));
		return false;
	}
	return true;
}
