/* The contact card for both faces (app/card.h): its words from the register, the
 * staff records (the commissioner's and the lead unit contact's work phones) and the
 * settings; printed through core/sheet.h or core/xlsx_cards.h. */
#include "app/card.h"
#include "app/ent_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/sheet.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "model/card.h"
#include "model/field.h"
#include "model/perm.h"
#include "store/card_store.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

/* every staff row, read once for a batch of cards */
typedef struct staff_list {
	staff **v;
	int n;
} staff_list;

static void staff_add(const staff *s, void *arg)
{
	staff_list *l = arg;
	l->v = xrealloc(l->v, sizeof *l->v * (size_t)(l->n + 1));
	l->v[l->n++] = staff_copy(s);
}

static void staff_list_free(staff_list *l)
{
	for (int i = 0; i < l->n; i++)
		staff_free(&l->v[i]);
	free(l->v);
}

static const staff *staff_by_login(const staff_list *l, const char *login)
{
	for (int i = 0; login && i < l->n; i++)
		if (strcmp(l->v[i]->login, login) == 0)
			return l->v[i];
	return NULL;
}

/* the lead unit's contact (card_contact_pick) */
static const staff *unit_contact(const staff_list *l, const char *unit)
{
	card_person *p = xcalloc((size_t)l->n + 1, sizeof *p);
	int *at = xcalloc((size_t)l->n + 1, sizeof *at), n = 0;
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->v[i]->unit, unit) == 0) {
			p[n] = (card_person){ l->v[i]->login, l->v[i]->phone, l->v[i]->role,
				l->v[i]->disabled_on != NULL };
			at[n++] = i;
		}
	int k = card_contact_pick(p, n);
	const staff *s = k >= 0 ? l->v[at[k]] : NULL;
	free(p);
	free(at);
	return s;
}

static void field(app_card *c, const char *label, char *value)
{
	c->label[c->n] = label;
	c->value[c->n++] = value;
}

/* the appeal channels of the settings, or else every channel an appeal comes by */
static char *channels(app_ctx *ctx)
{
	const char *set = cfg_str(ctx->cfg, SET_CARD_CHANNELS);
	if (*set)
		return xstrdup(set);
	char *words[APPEAL_CH__COUNT];
	for (int i = 0; i < APPEAL_CH__COUNT; i++)
		words[i] = (char *)_(appeal_channel_label((appeal_channel)i));
	return app_join_list(words, APPEAL_CH__COUNT);
}

static void card_build(app_ctx *ctx, const staff_list *l, const ent_record *e, app_card *c)
{
	memset(c, 0, sizeof *c);
	c->title = xstrdup(_("Service contact card"));
	field(c, N_("Enterprise"), xstrdup(e->name));
	field(c, N_("Credit code"), xstrdup(e->uscc));
	const staff *cm = staff_by_login(l, e->commissioner);
	if (cm) {
		field(c, N_("Service commissioner"), xasprintf(_("%s (%s)"), cm->name, cm->unit));
		field(c, N_("Commissioner's phone"), xstrdup(*cm->phone ? cm->phone
		                                             : _("not recorded")));
	} else {
		field(c, N_("Service commissioner"), xstrdup(_("not assigned")));
	}
	field(c, N_("Lead unit"), xstrdup(e->lead_unit));
	const staff *lc = unit_contact(l, e->lead_unit);
	field(c, N_("Lead unit contact"), lc ? xasprintf(_("%s %s"), lc->name, lc->phone)
	                                     : xstrdup(_("not recorded")));
	const char *hotline = cfg_str(ctx->cfg, SET_CARD_HOTLINE);
	field(c, N_("Service centre hotline"), xstrdup(*hotline ? hotline
	      : _("not set ([card] hotline in the settings)")));
	field(c, N_("Appeal channels"), channels(ctx));
	field(c, N_("Delivered"), xstrdup(_("on ____________  by ____________")));
}

void app_cards_free(app_card **cards, int n)
{
	for (int i = 0; *cards && i < n; i++) {
		free((*cards)[i].title);
		for (int j = 0; j < (*cards)[i].n; j++)
			free((*cards)[i].value[j]);
	}
	xfree(cards);
}

typedef struct card_batch {
	app_ctx *ctx;
	const staff_list *l;
	app_card **cards;
	int *n;
} card_batch;

static int card_add(const ent_record *e, void *arg, strbuf *err)
{
	(void)err;
	card_batch *b = arg;
	*b->cards = xrealloc(*b->cards, sizeof **b->cards * (size_t)(*b->n + 1));
	card_build(b->ctx, b->l, e, &(*b->cards)[(*b->n)++]);
	return 0;
}

app_status app_cards_of(app_ctx *ctx, const app_card_pick *pick, app_card **cards, int *n,
		strbuf *msg)
{
	*cards = NULL;
	*n = 0;
	db *d = app_db(ctx);
	store_err se = { 0 };
	staff_list l = { NULL, 0 };
	app_status rc = APP_BAD;
	if (staff_store_each(d, staff_add, &l, &se) < 0) {
		app_store_text(&se, msg);
		goto out;
	}
	if (pick->uscc || pick->usccs) {
		const char *one[1] = { pick->uscc };
		const char *const *list = pick->uscc ? one : pick->usccs;
		int nlist = pick->uscc ? 1 : pick->nusccs;
		const char *scope = app_scope_area(ctx);
		*cards = xcalloc((size_t)nlist + 1, sizeof **cards);
		for (int i = 0; i < nlist; i++) {
			ent_record e = { 0 };
			int found = ent_store_get(d, list[i], 0, &e, &se);
			if (found < 0) {
				app_store_text(&se, msg);
				app_cards_free(cards, *n);
				*n = 0;
				goto out;
			}
			if (found > 0 || (scope && strcmp(scope, e.area) != 0)) {
				if (found == 0)
					ent_record_clear(&e);
				sb_addf(msg, _("no enterprise with USCC %s"), list[i]);
				app_cards_free(cards, *n);
				*n = 0;
				rc = APP_NO;
				goto out;
			}
			card_build(ctx, &l, &e, &(*cards)[(*n)++]);
			ent_record_clear(&e);
		}
		rc = APP_OK;
		goto out;
	}
	ent_filter f = { .area = pick->area, .lead_unit = pick->unit,
		.scope_area = app_scope_area(ctx) };
	/* the register in chunks (app/chunk.h): nothing held while the cards are made */
	card_batch b = { ctx, &l, cards, n };
	if (app_ent_each_stored(ctx, &f, ENT_SORT_NAME, false, card_add, &b, msg) < 0) {
		app_cards_free(cards, *n);
		*n = 0;
		goto out;
	}
	if (*n == 0) {
		if (pick->area)
			sb_addf(msg, _("no enterprise in the register is in area %s"), pick->area);
		else
			sb_addf(msg, _("no enterprise in the register has %s as its lead unit"),
			        pick->unit);
		rc = APP_NO;
		goto out;
	}
	rc = APP_OK;
out:
	staff_list_free(&l);
	return rc;
}

void app_cards_text(const app_card *cards, int n, strbuf *out)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(out, '\f');
		sheet_centre(out, cards[i].title);
		sheet_rule(out);
		for (int j = 0; j < cards[i].n; j++)
			sheet_line(out, _(cards[i].label[j]), cards[i].value[j]);
		sheet_rule(out);
	}
}

app_status app_cards_xlsx(const app_card *cards, int n, const char *path, strbuf *msg)
{
	xlsx_card *x = xcalloc((size_t)n + 1, sizeof *x);
	char **owned = xcalloc((size_t)n * APP_CARD_FIELDS + 1, sizeof *owned);
	int k = 0;
	for (int i = 0; i < n; i++) {
		x[i].lines[0] = cards[i].title;
		for (int j = 0; j < cards[i].n && j + 1 < XLSX_CARD_LINES; j++) {
			owned[k] = xasprintf(_("%s: %s"), _(cards[i].label[j]), cards[i].value[j]);
			x[i].lines[j + 1] = owned[k++];
		}
	}
	app_status rc = APP_OK;
	if (xlsx_cards_write(path, x, n, msg) < 0)
		rc = APP_BAD;
	else
		sb_addf(msg, P_("wrote %d card to %s", "wrote %d cards to %s", (unsigned long)n), n,
		        path);
	for (int i = 0; i < k; i++)
		free(owned[i]);
	free(owned);
	free(x);
	return rc;
}

app_status app_cards_save(const app_card *cards, int n, bool xlsx, const char *path,
		strbuf *msg)
{
	if (xlsx)
		return app_cards_xlsx(cards, n, path, msg);
	strbuf text = STRBUF_INIT;
	app_cards_text(cards, n, &text);
	char *tmp = xasprintf("%s.tmp", path);
	app_status rc = APP_OK;
	if (sheet_save(tmp, sb_str(&text)) < 0 || rename(tmp, path) != 0) {
		sb_addf(msg, _("%s: cannot write it (%s)"), path, strerror(errno));
		remove(tmp);
		rc = APP_BAD;
	} else {
		sb_addf(msg, P_("wrote %d card to %s", "wrote %d cards to %s", (unsigned long)n), n,
		        path);
	}
	free(tmp);
	sb_free(&text);
	return rc;
}

app_record_rc app_card_deliver(app_ctx *ctx, const ent_record *e, qdate on, char **by,
		strbuf *err)
{
	if (!app_allowed(ctx, PERM_VISIT_ADD, e->area, NULL, err))
		return APP_RECORD_REFUSED;
	if (field_clean(by, N_("delivered by"), 50, false, err) < 0)
		return APP_RECORD_BAD_INPUT;
	if (!**by) {
		free(*by);
		*by = xstrdup(app_actor(ctx)->name);
	}
	if (on == DATE_NONE || on > ctx->today) {
		char d[11], t[11];
		sb_addf(err, _("the card's delivery day %s lies after today (%s)"),
		        date_format(on, d), date_format(ctx->today, t));
		return APP_RECORD_BAD_INPUT;
	}
	store_err se = { 0 };
	int rc = card_store_deliver(app_db(ctx), app_actor(ctx)->login, e->id, on, *by, &se);
	app_store_text(&se, err);
	return rc == 0 ? APP_RECORD_SAVED : APP_RECORD_FAILED;
}
