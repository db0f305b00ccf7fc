/* The walk of the event log's hash chain against the anchor file, and its words. The
 * store reads (store/event_chain.h), the model judges each row (model/audit.h). */
#include "app/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/chunk.h"
#include "app/event_text.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "store/event_chain.h"

typedef struct walk {
	audit_verdict *v;
	const anchor_lines *anchor;
	size_t next;            /* the first anchor line not yet passed */
	int64_t prev_id;
	int64_t head;           /* the newest event when the walk began: it ends there */
	app_audit_seen *seen;
	void *arg;
} walk;

static void name_row(audit_verdict *v, const event_row *r)
{
	v->id = r->id;
	snprintf(v->at, sizeof v->at, "%s", r->at);
	snprintf(v->entity, sizeof v->entity, "%s", r->entity);
	v->entity_id = r->entity_id;
	snprintf(v->action, sizeof v->action, "%s", r->action);
}

/* a chunk of the chain (app_chunk_read): the first also reads the head, in the same
 * read, so that the walk ends where the log ended then; events appended while it
 * walks lie past it, and the anchor, read before, names none of them */
static int chain_chunk(db *d, void *query, const void *last, long offset, int limit,
                       void *out, int *n, store_err *err)
{
	(void)offset;
	walk *w = query;
	if (!last) {
		char hash[SHA256_HEX];
		if (event_chain_head(d, &w->head, hash, NULL, err) < 0)
			return -1;
	}
	return event_chain_read(d, last, w->head, limit, out, n, err);
}

static void link_clear(void *rec)
{
	event_link_clear(rec);
}

/* one row judged; -1 (err untouched) at the first that does not fit */
static int walk_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	const event_link *l = rec;
	walk *w = arg;
	const anchor_lines *a = w->anchor;
	/* the anchor's lines are sorted by event: those of this row are next; of two
	 * lines naming it, one that disagrees is what counts */
	while (w->next < a->n && a->v[w->next].seq < l->row.id)
		w->next++;
	const anchor_line *said = NULL;
	for (size_t i = w->next; i < a->n && a->v[i].seq == l->row.id; i++)
		if (!said || strcmp(a->v[i].hash, l->stored) != 0)
			said = &a->v[i];
	audit_fault f = audit_judge_row(w->prev_id, l->row.id, l->stored, l->computed,
	                                said ? said->hash : NULL);
	w->v->events++;
	w->v->head = l->row.id;
	if (w->seen)
		w->seen(w->v->events, w->head, w->arg);
	if (f == AUDIT_FITS) {
		w->prev_id = l->row.id;
		return 0;
	}
	w->v->fault = f;
	name_row(w->v, &l->row);
	if (f == AUDIT_ANCHOR_DIFFERS)
		w->v->line = said->line;
	w->v->missing_from = w->prev_id + 1;
	return -1;
}

/* the entities events are about, in words; another as written */
static const char *entity_words(const char *code)
{
	static const struct {
		const char *code, *words;
	} t[] = {
		{ "appeal", N_("appeal") },
		{ "enterprise", N_("enterprise") },
		{ "inspection", N_("inspection") },
		{ "staff", N_("staff member") },
		{ "holiday", N_("holiday year") },
		{ "quarter", N_("quarter") },
		{ "year", N_("year") },
		{ "supervise", N_("supervision request") },
		{ "accountability", N_("accountability record") },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(code, t[i].code) == 0)
			return _(t[i].words);
	return code;
}

/* "table event, event 42 (2026-12-01 10:00:00, appeal 7, dispatch)" */
static void event_words(const audit_verdict *v, strbuf *out)
{
	sb_addf(out, _("table event, event %lld (%s, %s %lld, %s)"), (long long)v->id, v->at,
	        entity_words(v->entity), (long long)v->entity_id, app_event_action_text(v->action));
}

static void fault_words(const audit_verdict *v, const char *anchor_path, strbuf *msg)
{
	strbuf ev = STRBUF_INIT;
	event_words(v, &ev);
	const char *e = sb_str(&ev);
	switch (v->fault) {
	case AUDIT_FITS:
		break;
	case AUDIT_MISSING_BEFORE:
		if (v->missing_from == v->id - 1)
			sb_addf(msg, _("the event log was tampered with: event %lld was removed; "
			               "the first event that no longer fits is %s"),
			        (long long)v->missing_from, e);
		else
			sb_addf(msg, _("the event log was tampered with: events %lld to %lld were "
			               "removed; the first event that no longer fits is %s"),
			        (long long)v->missing_from, (long long)v->id - 1, e);
		break;
	case AUDIT_NOT_A_HASH:
		sb_addf(msg, _("the event log was tampered with: %s carries no valid hash"), e);
		break;
	case AUDIT_CHANGED:
		sb_addf(msg, _("the event log was tampered with: %s no longer matches its hash: "
		               "it, or the event before it, was changed after it was written"), e);
		break;
	case AUDIT_ANCHOR_DIFFERS:
		sb_addf(msg, _("the event log was tampered with: %s has another hash than %s "
		               "line %d recorded when it was committed: the log was rewritten"),
		        e, anchor_path, v->line);
		break;
	case AUDIT_MISSING_NEWEST:
		if (v->missing_from == v->id)
			sb_addf(msg, _("the event log was tampered with: table event, event %lld "
			               "(%s) was removed: %s line %d recorded it, the log ends at "
			               "event %lld"),
			        (long long)v->id, v->at, anchor_path, v->line, (long long)v->head);
		else
			sb_addf(msg, _("the event log was tampered with: table event, events %lld to "
			               "%lld were removed: %s line %d recorded event %lld (%s), the "
			               "log ends at event %lld"),
			        (long long)v->missing_from, (long long)v->id, anchor_path, v->line,
			        (long long)v->id, v->at, (long long)v->head);
		break;
	case AUDIT_NO_ANCHOR:
		sb_addf(msg, _("%s is missing, so removing the newest events (up to event %lld) "
		               "would not show: was it removed?"), anchor_path, (long long)v->head);
		break;
	case AUDIT_ANCHOR_BAD_LINE:
		sb_addf(msg, _("%s line %d is not 'EVENT HASH TIME': the anchor was edited"),
		        anchor_path, v->line);
		break;
	}
	sb_free(&ev);
}

app_status app_audit_verify(struct db *d, audit_verdict *v, strbuf *msg)
{
	return app_audit_verify_each(d, 0, NULL, NULL, v, msg);
}

app_status app_audit_verify_each(struct db *d, int chunk, app_audit_seen *seen, void *arg,
                                 audit_verdict *v, strbuf *msg)
{
	*v = (audit_verdict){ 0 };
	store_err se = { 0 };
	anchor_lines a;
	/* the anchor before the head: each line names a committed event, so none lies
	 * past the head the walk reads next */
	if (event_anchor_read(d, &a, &se) < 0) {
		app_store_text(&se, msg);
		return APP_BAD;
	}
	v->anchor_lines = a.n;
	walk w = { v, &a, 0, 0, 0, seen, arg };
	app_chunked c = { chain_chunk, &w, sizeof(event_link), link_clear, chunk };
	strbuf why = STRBUF_INIT;
	int rc = app_each_chunk_db(d, &c, walk_row, &w, &why);
	if (rc < 0 && v->fault == AUDIT_FITS) {
		anchor_lines_clear(&a);
		sb_add(msg, sb_str(&why));
		sb_free(&why);
		return APP_BAD;
	}
	sb_free(&why);
	if (rc == 0) {
		const anchor_line *last = a.n ? &a.v[a.n - 1] : NULL;
		v->fault = audit_judge_end(v->head, last ? last->seq : 0, a.exists, a.bad_line);
		if (v->fault == AUDIT_MISSING_NEWEST) {
			v->missing_from = v->head + 1;
			v->id = last->seq;
			snprintf(v->at, sizeof v->at, "%s", last->at);
			v->line = last->line;
		} else if (v->fault == AUDIT_ANCHOR_BAD_LINE) {
			v->line = a.bad_line;
		}
	}
	anchor_lines_clear(&a);
	char *anchor_path = event_anchor_path(db_path(d));
	if (v->fault == AUDIT_FITS)
		sb_addf(msg, P_("event log intact: %lld event, chained and anchored",
		                "event log intact: %lld events, chained and anchored",
		                v->events), (long long)v->events);
	else
		fault_words(v, anchor_path, msg);
	free(anchor_path);
	return v->fault == AUDIT_FITS ? APP_OK : APP_NO;
}
