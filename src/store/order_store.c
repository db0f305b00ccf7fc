/* Work orders in the database (store/order_store.h). */
#include "store/order_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/db_internal.h"
#include "store/rows.h"

void order_rec_clear(order_rec *o)
{
	free(o->external_no);
	free(o->received_at);
	free(o->caller_name);
	free(o->caller_phone);
	free(o->content);
	free(o->enterprise_name);
	free(o->uscc);
	free(o->kind_text);
	free(o->due);
	free(o->source);
	free(o->held_reason);
	free(o->imported_at);
	free(o->imported_by);
	memset(o, 0, sizeof *o);
}

int order_store_find(db *d, appeal_channel channel, const char *no, int64_t *id,
		int64_t *appeal_id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT id, coalesce(appeal_id, 0) FROM work_order"
	                              " WHERE channel = ? AND external_no = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, appeal_channel_code(channel));
	db_bind_text(st, 2, no);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*appeal_id = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		db_fail(d, err, "reading a work order");
		return -1;
	}
	return step == SQLITE_ROW ? 0 : 1;
}

/* "channel=hotline external_no=… " and what follows */
static void summary_start(strbuf *sum, appeal_channel ch, const char *no)
{
	sb_addf(sum, "channel=%s external_no=%s", appeal_channel_code(ch), no);
}

int order_store_insert(db *d, const char *actor, const order_rec *o, int64_t *id,
		store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO work_order (channel, external_no, received_at, caller_name,"
		" caller_phone, content, enterprise_name, uscc, kind_text, kind, due, source,"
		" held_reason, imported_at, imported_by, appeal_id)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
		"  (SELECT id FROM appeal WHERE number = ?))", err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, appeal_channel_code(o->channel));
	db_bind_text(st, 2, o->external_no);
	db_bind_text(st, 3, o->received_at ? o->received_at : "");
	db_bind_text(st, 4, o->caller_name ? o->caller_name : "");
	db_bind_text(st, 5, o->caller_phone ? o->caller_phone : "");
	db_bind_text(st, 6, o->content);
	db_bind_text(st, 7, o->enterprise_name ? o->enterprise_name : "");
	db_bind_text(st, 8, o->uscc ? o->uscc : "");
	db_bind_text(st, 9, o->kind_text ? o->kind_text : "");
	db_bind_text(st, 10, ticket_kind_code(o->kind));
	db_bind_text(st, 11, o->due ? o->due : "");
	db_bind_text(st, 12, o->source ? o->source : "");
	db_bind_text(st, 13, o->held_reason ? o->held_reason : "");
	db_bind_text(st, 14, now);
	db_bind_text(st, 15, actor);
	db_bind_text(st, 16, *o->appeal_number ? o->appeal_number : NULL);
	if (rows_step_one(d, st, "importing a work order", err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db_handle(d));
	strbuf sum = STRBUF_INIT;
	summary_start(&sum, o->channel, o->external_no);
	bool held = !*o->appeal_number;
	if (held)
		sb_addf(&sum, " held=%s", o->held_reason);
	else
		sb_addf(&sum, " appeal=%s", o->appeal_number);
	int rc = db_event(d, actor, "work_order", *id, held ? "hold" : "import", sb_str(&sum),
	                  o->source ? o->source : "", err);
	sb_free(&sum);
	return rc;
}

int order_store_assign(db *d, const char *actor, int64_t id, const char *number,
		const char *uscc, store_err *err)
{
	order_rec o;
	int found = order_store_get(d, id, &o, err);
	if (found != 0)
		return found;
	if (o.appeal_id) {
		store_err_name(store_err_set(err, STORE_E_ORDER_ASSIGNED), 0, o.appeal_number);
		order_rec_clear(&o);
		return 1;
	}
	sqlite3_stmt *st = db_stmt(d, "UPDATE work_order SET appeal_id ="
	                              " (SELECT id FROM appeal WHERE number = ?)"
	                              " WHERE id = ? AND appeal_id IS NULL", err);
	int rc = -1;
	if (st) {
		db_bind_text(st, 1, number);
		sqlite3_bind_int64(st, 2, id);
		rc = rows_step_one(d, st, "assigning a work order", err);
	}
	if (rc == 0) {
		strbuf sum = STRBUF_INIT;
		summary_start(&sum, o.channel, o.external_no);
		sb_addf(&sum, " enterprise=%s appeal=%s", uscc, number);
		rc = db_event(d, actor, "work_order", id, "match", sb_str(&sum), "", err);
		sb_free(&sum);
	}
	order_rec_clear(&o);
	return rc;
}

static const char order_sql_cols[] =
	"w.id, w.channel, w.external_no, w.received_at, w.caller_name, w.caller_phone,"
	" w.content, w.enterprise_name, w.uscc, w.kind_text, w.kind, w.due, w.source,"
	" w.held_reason, w.imported_at, w.imported_by, coalesce(w.appeal_id, 0),"
	" coalesce(a.number, '')"
	" FROM work_order w LEFT JOIN appeal a ON a.id = w.appeal_id";
/* the same columns, with what the order's appeal came to after them */
static const char order_result_cols[] =
	"w.id, w.channel, w.external_no, w.received_at, w.caller_name, w.caller_phone,"
	" w.content, w.enterprise_name, w.uscc, w.kind_text, w.kind, w.due, w.source,"
	" w.held_reason, w.imported_at, w.imported_by, coalesce(w.appeal_id, 0),"
	" coalesce(a.number, ''), coalesce(a.result, ''),"
	" coalesce((SELECT max(e.at) FROM event e WHERE e.entity = 'appeal'"
	"  AND e.entity_id = a.id AND e.action = ?4), ''),"
	" coalesce(a.callback, ''), coalesce(a.callback_reason, '')"
	" FROM work_order w LEFT JOIN appeal a ON a.id = w.appeal_id";

static void order_from(sqlite3_stmt *st, void *rec)
{
	order_rec *o = rec;
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	appeal_channel_parse(db_col_text(st, 1), &o->channel);
	o->external_no = rows_col_dup(st, 2);
	o->received_at = rows_col_dup(st, 3);
	o->caller_name = rows_col_dup(st, 4);
	o->caller_phone = rows_col_dup(st, 5);
	o->content = rows_col_dup(st, 6);
	o->enterprise_name = rows_col_dup(st, 7);
	o->uscc = rows_col_dup(st, 8);
	o->kind_text = rows_col_dup(st, 9);
	ticket_kind_parse(db_col_text(st, 10), &o->kind);
	o->due = rows_col_dup(st, 11);
	o->source = rows_col_dup(st, 12);
	o->held_reason = rows_col_dup(st, 13);
	o->imported_at = rows_col_dup(st, 14);
	o->imported_by = rows_col_dup(st, 15);
	o->appeal_id = sqlite3_column_int64(st, 16);
	snprintf(o->appeal_number, sizeof o->appeal_number, "%s", db_col_text(st, 17));
}

int order_store_get(db *d, int64_t id, order_rec *o, store_err *err)
{
	memset(o, 0, sizeof *o);
	return rows_one(d, order_sql_cols, "w.id", id, o, order_from, "reading a work order", err);
}

int order_store_held(db *d, order_rec **rows, int *n, store_err *err)
{
	*rows = NULL;
	*n = 0;
	char *sql = xasprintf("SELECT %s WHERE w.appeal_id IS NULL ORDER BY w.id", order_sql_cols);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	return rows_append(d, st, rows, n, sizeof **rows, order_from,
	                   "listing held work orders", err);
}

void order_result_clear(order_result *r)
{
	order_rec_clear(&r->o);
	free(r->result);
	free(r->answered_at);
	free(r->callback_reason);
	memset(r, 0, sizeof *r);
}

static void result_from(sqlite3_stmt *st, void *rec)
{
	order_result *r = rec;
	order_from(st, &r->o);
	r->result = rows_col_dup(st, 18);
	r->answered_at = rows_col_dup(st, 19);
	const char *cb = db_col_text(st, 20);
	r->callback = strcmp(cb, "satisfied") == 0 ? APPEAL_CALLBACK_SATISFIED
		: strcmp(cb, "dissatisfied") == 0 ? APPEAL_CALLBACK_DISSATISFIED
		: APPEAL_CALLBACK_NONE;
	r->callback_reason = rows_col_dup(st, 21);
}

int order_store_results(db *d, appeal_channel channel, const char *from, const char *to,
		int64_t after, int limit, order_result *rows, int *n, store_err *err)
{
	*n = 0;
	/* the day an order counts on: the call's, else the import's */
	char *sql = xasprintf(
		"SELECT %s"
		" WHERE w.channel = ?1"
		" AND (?2 IS NULL OR substr(CASE WHEN w.received_at <> '' THEN w.received_at"
		"  ELSE w.imported_at END, 1, 10) >= ?2)"
		" AND (?3 IS NULL OR substr(CASE WHEN w.received_at <> '' THEN w.received_at"
		"  ELSE w.imported_at END, 1, 10) <= ?3)"
		" AND w.id > ?5 ORDER BY w.id LIMIT ?6", order_result_cols);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	db_bind_text(st, 1, appeal_channel_code(channel));
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_text(st, 4, ticket_action_code(TICKET_ACT_ANSWER));
	sqlite3_bind_int64(st, 5, after);
	sqlite3_bind_int(st, 6, limit);
	int step = SQLITE_DONE;
	while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&rows[*n], 0, sizeof rows[*n]);
		result_from(st, &rows[(*n)++]);
	}
	if (*n < limit && step != SQLITE_DONE) {
		db_fail(d, err, "listing work orders for the export");
		db_done(st);
		while (*n > 0)
			order_result_clear(&rows[--*n]);
		return -1;
	}
	db_done(st);
	return 0;
}

int order_store_name_hits(db *d, const char *name, char uscc[19], int *hits, store_err *err)
{
	*hits = 0;
	uscc[0] = '\0';
	sqlite3_stmt *st = db_stmt(d, "SELECT uscc FROM enterprise WHERE name = ? LIMIT 2", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((*hits)++ == 0)
			snprintf(uscc, 19, "%s", db_col_text(st, 0));
	db_done(st);
	if (step != SQLITE_DONE) {
		db_fail(d, err, "finding an enterprise by name");
		return -1;
	}
	return 0;
}
