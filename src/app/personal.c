/* Personal fields shown or exported, and their access events (app/personal.h). */
#include "app/personal.h"

#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/chunk.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/access.h"
#include "model/mask.h"
#include "model/perm.h"
#include "store/access_store.h"
#include "store/db.h"
#include "store/staff_store.h"

static const access_field ent_fields[] = { ACCESS_LEGAL_REP, ACCESS_CONTACT, ACCESS_PHONE };
static const access_field caller_fields[] = { ACCESS_CALLER_NAME, ACCESS_CALLER_PHONE };

bool app_ent_masked(app_ctx *ctx, const ent_record *e)
{
	perm_actor pa = app_perm_actor(ctx);
	return !perm_sees_ent_personal(&pa, e->area, e->lead_unit);
}

unsigned app_ent_mask(app_ctx *ctx, ent_record *e)
{
	if (app_ent_masked(ctx, e)) {
		mask_enterprise(e);
		return 0;
	}
	const char *v[] = { e->legal_rep, e->contact, e->phone };
	return access_fields_shown(ent_fields, v, 3);
}

static void mask_caller(appeal_record *a)
{
	char *name = mask_personal(MASK_NAME, a->caller_name);
	char *phone = mask_personal(MASK_PHONE, a->caller_phone);
	free(a->caller_name);
	free(a->caller_phone);
	a->caller_name = name;
	a->caller_phone = phone;
}

unsigned app_appeal_caller_fields(app_ctx *ctx, const appeal_record *a)
{
	perm_actor pa = app_perm_actor(ctx);
	if (!perm_sees_personal(&pa, true))
		return 0;
	const char *v[] = { a->caller_name, a->caller_phone };
	return access_fields_shown(caller_fields, v, 2);
}

unsigned app_appeal_mask(app_ctx *ctx, appeal_record *a)
{
	perm_actor pa = app_perm_actor(ctx);
	if (!perm_sees_personal(&pa, true)) {
		mask_caller(a);
		return 0;
	}
	return app_appeal_caller_fields(ctx, a);
}

bool app_access_logged(const app_ctx *ctx, const char *kind, int64_t id)
{
	for (size_t i = 0; i < ctx->naccessed; i++)
		if (ctx->accessed[i].id == id && strcmp(ctx->accessed[i].kind, kind) == 0)
			return true;
	return false;
}

/* one access event in its own transaction; -1 with why in err (an export is not
 * written then, a view is shown masked) */
static int write_event(app_ctx *ctx, const char *action, int64_t id, const char *summary,
                       strbuf *err)
{
	db *d = app_db(ctx);
	store_err se = { 0 };
	if (db_begin(d, &se) < 0 ||
	    db_event(d, app_actor(ctx)->login, "access", id, action, summary, "", &se) < 0 ||
	    db_commit(d, &se) < 0) {
		db_rollback(d);
		strbuf why = STRBUF_INIT;
		app_store_text(&se, &why);
		sb_reset(err);
		if (strcmp(action, "export") == 0)
			sb_addf(err, _("the export of personal data could not be recorded (%s)"),
			        sb_str(&why));
		else
			sb_addf(err, _("personal data shown masked: the access could not be recorded (%s)"),
			        sb_str(&why));
		sb_free(&why);
		return -1;
	}
	return 0;
}

int app_access_view(app_ctx *ctx, const char *kind, int64_t id, unsigned fields, strbuf *err)
{
	if (!access_needs_event(fields != 0, fields, app_access_logged(ctx, kind, id)))
		return 0;
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "kind=%s; fields=", kind);
	access_fields_codes(fields, &sum);
	int rc = write_event(ctx, "view", id, sb_str(&sum), err);
	sb_free(&sum);
	if (rc < 0)
		return -1;
	ctx->accessed = xrealloc(ctx->accessed, (ctx->naccessed + 1) * sizeof *ctx->accessed);
	ctx->accessed[ctx->naccessed].kind = kind;
	ctx->accessed[ctx->naccessed].id = id;
	ctx->naccessed++;
	return 0;
}

int app_ent_shown(app_ctx *ctx, ent_record *e, strbuf *err)
{
	unsigned f = app_ent_mask(ctx, e);
	if (app_access_view(ctx, "enterprise", e->id, f, err) == 0)
		return 0;
	mask_enterprise(e);
	return -1;
}

int app_appeal_shown(app_ctx *ctx, appeal_record *a, strbuf *err)
{
	unsigned f = app_appeal_mask(ctx, a);
	if (app_access_view(ctx, "appeal", a->id, f, err) == 0)
		return 0;
	mask_caller(a);
	return -1;
}

void app_ent_row_out(app_ctx *ctx, ent_record *e, app_access_tally *t)
{
	unsigned f = app_ent_mask(ctx, e);
	if (f && t) {
		t->rows++;
		t->fields |= f;
	}
}

int app_access_export(app_ctx *ctx, const char *kind, const app_access_tally *t,
                      const char *dest, strbuf *err)
{
	if (!access_export_needs_event(t->rows))
		return 0;
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "kind=%s; rows=%ld; fields=", kind, t->rows);
	access_fields_codes(t->fields, &sum);
	sb_addf(&sum, "; to=%s", dest);
	int rc = write_event(ctx, "export", 0, sb_str(&sum), err);
	sb_free(&sum);
	return rc;
}

typedef struct collect {
	access_event *ev;
	int n, cap;
} collect;

/* where and what the walk of the access events reads */
typedef struct access_query {
	const char *login, *from, *to;
} access_query;

/* a chunk of the access events (app_chunk_read) after the last one read */
static int access_chunk(db *d, void *query, const void *last, long offset, int limit,
                        void *out, int *n, store_err *err)
{
	(void)offset;
	const access_query *q = query;
	const access_row *l = last;
	return access_store_read(d, q->login, q->from, q->to, l ? l->id : 0, limit, out, n, err);
}

static void access_clear(void *rec)
{
	access_row_clear(rec);
}

static int collect_one(void *rec, void *arg, strbuf *err)
{
	(void)err;
	const access_row *r = rec;
	collect *c = arg;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->ev = xrealloc(c->ev, (size_t)c->cap * sizeof *c->ev);
	}
	access_event *e = &c->ev[c->n++];
	memset(e, 0, sizeof *e);
	access_event_parse(r->summary, e);
	e->login = xstrdup(r->login);
	e->at = xstrdup(r->at);
	e->is_export = strcmp(r->action, "export") == 0;
	e->subject = r->subject;
	return 0;
}

app_status app_access_summary(app_ctx *ctx, const char *login, const char *from,
                              const char *to, access_summary **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	if (!app_allowed(ctx, PERM_AUDIT_ACCESS, NULL, NULL, err))
		return APP_NO;
	collect c = { 0 };
	app_status st = APP_OK;
	/* a chunk at a time, each its own short read: the log may be long */
	access_query q = { login, from, to };
	app_chunked ch = { access_chunk, &q, sizeof(access_row), access_clear, 0 };
	if (app_each_chunk(ctx, &ch, collect_one, &c, err) < 0) {
		st = APP_BAD;
	} else {
		*n = access_summarise(c.ev, c.n, out);
	}
	for (int i = 0; i < c.n; i++) {
		free((char *)c.ev[i].login);
		free((char *)c.ev[i].at);
		free((char *)c.ev[i].kind);
	}
	free(c.ev);
	return st;
}
