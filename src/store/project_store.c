/* Project rows, their stage dates and items. The stage ladder and the item states
 * are checked on the rows as stored, inside the write transaction, so that two
 * people moving one project cannot skip a stage. */
#include "store/project_store.h"
#include "store/db_internal.h"
#include "store/rows.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "model/financing.h"

/* the refusal v of project number: from and to a stage or an item state, the item
 * (0 for the project), the day asked for and the day the current stage was reached */
static int refused(store_err *err, const char *number, project_verdict v, int from, int to,
                   int item, qdate on, qdate last)
{
	store_err_set(err, STORE_E_PROJECT_REFUSED);
	store_err_name(err, 0, number);
	store_err_num(err, 0, v);
	store_err_num(err, 1, from);
	store_err_num(err, 2, to);
	store_err_name(err, 1, item ? "item" : "");
	store_err_day(err, 0, on);
	store_err_day(err, 1, last);
	if (item) {
		char buf[16];
		snprintf(buf, sizeof buf, "%d", item);
		store_err_name(err, 2, buf);
	}
	return 1;
}

static int no_project(store_err *err, const char *number)
{
	store_err_name(store_err_set(err, STORE_E_NO_PROJECT), 0, number);
	return 1;
}

static int next_seq(db *d, int year, long *seq, store_err *err)
{
	return rows_next_seq(d, "INSERT INTO project_seq (year, last) VALUES (?, 1)"
	                        " ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
	                     year, seq, "numbering a project", err);
}

static int add_stage(db *d, const char *actor, int64_t id, project_stage s, qdate on,
                     store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "INSERT INTO project_stage (project_id, stage, reached_on,"
	                              " by) VALUES (?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, project_stage_code(s));
	rows_bind_date(st, 3, on);
	db_bind_text(st, 4, actor);
	return rows_step_one(d, st, "recording a project stage", err);
}

static int insert_item(db *d, int64_t project_id, int seq, const project_item *it,
                       store_err *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO project_item (project_id, seq, kind, unit, start, target, state,"
		" done_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, project_id);
	sqlite3_bind_int(st, 2, seq);
	db_bind_text(st, 3, it->kind);
	db_bind_text(st, 4, it->unit);
	rows_bind_date(st, 5, it->start);
	rows_bind_date(st, 6, it->target);
	db_bind_text(st, 7, project_item_state_code(it->state));
	rows_bind_date(st, 8, it->state == PITEM_DONE ? it->done_on : DATE_NONE);
	db_bind_text(st, 9, it->note ? it->note : "");
	return rows_step_one(d, st, "adding a project item", err);
}

static const char *text_or(const char *s)
{
	return s ? s : "";
}

int project_store_add(db *d, const char *actor, const project_rec *p,
                      char number[PROJECT_NUMBER_SIZE], store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	int year, m, dd;
	long seq;
	char now[20], yuan[32];
	date_to_ymd(db_today(d), &year, &m, &dd);
	if (next_seq(d, year, &seq, err) < 0)
		goto fail;
	project_number_format(year, seq, number);
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO project (number, year, seq, name, enterprise_id, investor, introducer,"
		" investment_fen, site, area, stage, created_by, created_at, updated_at)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'signed', ?, ?, ?)", err);
	if (!st)
		goto fail;
	db_now(d, now);
	db_bind_text(st, 1, number);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, seq);
	db_bind_text(st, 4, p->name);
	if (p->enterprise_id)
		sqlite3_bind_int64(st, 5, p->enterprise_id);
	else
		sqlite3_bind_null(st, 5);
	db_bind_text(st, 6, p->enterprise_id ? "" : text_or(p->investor));
	db_bind_text(st, 7, text_or(p->introducer));
	sqlite3_bind_int64(st, 8, p->investment_fen);
	db_bind_text(st, 9, text_or(p->site));
	db_bind_text(st, 10, text_or(p->area));
	db_bind_text(st, 11, actor);
	db_bind_text(st, 12, now);
	db_bind_text(st, 13, now);
	if (rows_step_one(d, st, "adding a project", err) < 0)
		goto fail;
	int64_t id = sqlite3_last_insert_rowid(db_handle(d));
	if (add_stage(d, actor, id, PROJ_SIGNED, p->on[PROJ_SIGNED], err) < 0)
		goto fail;
	for (int i = 0; i < p->nitems; i++)
		if (insert_item(d, id, i + 1, &p->items[i], err) < 0)
			goto fail;
	strbuf sum = STRBUF_INIT;
	char day[11];
	date_format(p->on[PROJ_SIGNED], day);
	sb_addf(&sum, "project=%s name=%s", number, p->name);
	if (p->enterprise_id)
		sb_addf(&sum, " enterprise=%" PRId64, p->enterprise_id);
	else
		sb_addf(&sum, " investor=%s", text_or(p->investor));
	sb_addf(&sum, " introducer=%s investment=%s yuan site=%s area=%s signed=%s items=%d",
	        text_or(p->introducer), fin_amount_yuan(p->investment_fen, yuan),
	        text_or(p->site), text_or(p->area), day, p->nitems);
	return rows_commit_event(d, actor, "project", id, "project.add", sb_steal(&sum), NULL,
	                         err);
fail:
	db_rollback(d);
	return -1;
}

#define PROJECT_COLS "p.id, p.number, p.name, p.enterprise_id," \
	" coalesce(e.name, p.investor), coalesce(e.uscc, ''), p.introducer, p.investment_fen," \
	" p.site, p.area, p.stage, p.created_by, p.created_at, p.updated_at" \
	" FROM project p LEFT JOIN enterprise e ON e.id = p.enterprise_id"

static void from_row(sqlite3_stmt *st, void *rec)
{
	project_rec *p = rec;
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	snprintf(p->number, sizeof p->number, "%s", db_col_text(st, 1));
	p->name = rows_col_dup(st, 2);
	p->enterprise_id = sqlite3_column_int64(st, 3);
	p->investor = rows_col_dup(st, 4);
	p->uscc = rows_col_dup(st, 5);
	p->introducer = rows_col_dup(st, 6);
	p->investment_fen = sqlite3_column_int64(st, 7);
	p->site = rows_col_dup(st, 8);
	p->area = rows_col_dup(st, 9);
	/* the CHECK constraint keeps the column to the known codes */
	if (!project_stage_parse(db_col_text(st, 10), &p->stage))
		p->stage = PROJ_SIGNED;
	p->created_by = rows_col_dup(st, 11);
	p->created_at = rows_col_dup(st, 12);
	p->updated_at = rows_col_dup(st, 13);
	for (int i = 0; i < PROJ_STAGE__COUNT; i++)
		p->on[i] = DATE_NONE;
}

static void item_from_row(sqlite3_stmt *st, void *rec)
{
	project_item *it = rec;
	it->id = sqlite3_column_int64(st, 0);
	it->seq = sqlite3_column_int(st, 1);
	it->kind = rows_col_dup(st, 2);
	it->unit = rows_col_dup(st, 3);
	it->start = rows_col_date(st, 4);
	it->target = rows_col_date(st, 5);
	if (!project_item_state_parse(db_col_text(st, 6), &it->state))
		it->state = PITEM_OPEN;
	it->done_on = rows_col_date(st, 7);
	it->note = rows_col_dup(st, 8);
	it->appeal_id = sqlite3_column_int64(st, 9);
	it->appeal = rows_col_dup(st, 10);
}

static void stage_from_row(sqlite3_stmt *st, void *rec)
{
	project_rec *p = rec;
	project_stage s;
	if (project_stage_parse(db_col_text(st, 0), &s))
		p->on[s] = rows_col_date(st, 1);
}

/* the stage dates and items of a project read */
static int read_children(db *d, project_rec *p, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT stage, reached_on FROM project_stage"
	                              " WHERE project_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	if (rows_each(d, st, stage_from_row, p, "reading a project's stages", err) < 0)
		return -1;
	return rows_children(d, "SELECT i.id, i.seq, i.kind, i.unit, i.start, i.target, i.state,"
	                        " i.done_on, i.note, coalesce(i.appeal_id, 0),"
	                        " coalesce(a.number, '') FROM project_item i"
	                        " LEFT JOIN appeal a ON a.id = i.appeal_id"
	                        " WHERE i.project_id = ? ORDER BY i.seq", p->id, &p->items,
	                     &p->nitems, sizeof *p->items, item_from_row,
	                     "reading a project's items", err);
}

int project_store_get(db *d, const char *number, project_rec *p, store_err *err)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_stmt(d, "SELECT " PROJECT_COLS " WHERE p.number = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, number);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		from_row(st, p);
	else if (step != SQLITE_DONE)
		db_fail(d, err, "reading a project");
	db_done(st);
	if (step == SQLITE_DONE)
		return no_project(err, number);
	if (step != SQLITE_ROW || read_children(d, p, err) < 0) {
		project_rec_clear(p);
		return -1;
	}
	return 0;
}

int project_store_list(db *d, const project_filter *f, project_rec **out, int *n,
                       store_err *err)
{
	*out = NULL;
	*n = 0;
	rows_where w;
	rows_where_init(&w);
	if (f && f->stage >= 0 && f->stage < PROJ_STAGE__COUNT)
		rows_where_text(&w, "p.stage = ?", project_stage_code((project_stage)f->stage));
	if (f && f->area)
		rows_where_text(&w, "p.area = ?", f->area);
	if (f && f->enterprise_id)
		rows_where_int(&w, "p.enterprise_id = ?", f->enterprise_id);
	char *sql = xasprintf("SELECT " PROJECT_COLS "%s ORDER BY p.number", sb_str(&w.sql));
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	int rc = -1;
	if (st) {
		rows_where_bind(&w, st);
		rc = rows_append(d, st, out, n, sizeof **out, from_row, "listing projects", err);
	}
	rows_where_free(&w);
	for (int i = 0; rc == 0 && i < *n; i++)
		rc = read_children(d, &(*out)[i], err);
	return rc;
}

/* inside a transaction: the project as stored, or 1 (none) / -1 rolled back */
static int held(db *d, const char *number, project_rec *p, store_err *err)
{
	int rc = project_store_get(d, number, p, err);
	if (rc != 0)
		db_rollback(d);
	return rc;
}

/* " key: old -> new" of a text field that changes, into sum */
static void changed_text(strbuf *sum, const char *key, const char *old, const char *now)
{
	if (now && strcmp(old, now) != 0)
		sb_addf(sum, "; %s: %s -> %s", key, old, now);
}

int project_store_edit(db *d, const char *actor, const char *number, const project_edit *e,
                       store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	project_rec p;
	int rc = held(d, number, &p, err);
	if (rc != 0)
		return rc;
	strbuf sum = STRBUF_INIT;
	char y1[32], y2[32];
	sb_addf(&sum, "project=%s", p.number);
	changed_text(&sum, "name", p.name, e->name);
	int64_t ent = p.enterprise_id;
	const char *investor = p.enterprise_id ? "" : p.investor;
	if (e->enterprise_id > 0) {
		ent = e->enterprise_id;
		investor = "";
	} else if (e->investor) {
		ent = 0;
		investor = e->investor;
	}
	if (ent != p.enterprise_id)
		sb_addf(&sum, "; enterprise: %" PRId64 " -> %" PRId64, p.enterprise_id, ent);
	changed_text(&sum, "investor", p.enterprise_id ? "" : p.investor, investor);
	changed_text(&sum, "introducer", p.introducer, e->introducer);
	int64_t fen = e->investment_fen >= 0 ? e->investment_fen : p.investment_fen;
	if (fen != p.investment_fen)
		sb_addf(&sum, "; investment: %s -> %s yuan", fin_amount_yuan(p.investment_fen, y1),
		        fin_amount_yuan(fen, y2));
	changed_text(&sum, "site", p.site, e->site);
	changed_text(&sum, "area", p.area, e->area);
	if (!strchr(sb_str(&sum), ';')) {
		store_err_name(store_err_set(err, STORE_E_PROJECT_UNCHANGED), 0, number);
		rc = 1;
		goto out;
	}
	rc = -1;
	sqlite3_stmt *st = db_stmt(d,
		"UPDATE project SET name = ?, enterprise_id = ?, investor = ?, introducer = ?,"
		" investment_fen = ?, site = ?, area = ?, updated_at = ? WHERE id = ?", err);
	if (!st)
		goto out;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, e->name ? e->name : p.name);
	if (ent)
		sqlite3_bind_int64(st, 2, ent);
	else
		sqlite3_bind_null(st, 2);
	db_bind_text(st, 3, investor);
	db_bind_text(st, 4, e->introducer ? e->introducer : p.introducer);
	sqlite3_bind_int64(st, 5, fen);
	db_bind_text(st, 6, e->site ? e->site : p.site);
	db_bind_text(st, 7, e->area ? e->area : p.area);
	db_bind_text(st, 8, now);
	sqlite3_bind_int64(st, 9, p.id);
	if (rows_step_one(d, st, "editing a project", err) < 0)
		goto out;
	rc = rows_commit_event(d, actor, "project", p.id, "project.edit", sb_steal(&sum), NULL,
	                       err);
	project_rec_clear(&p);
	return rc;
out:
	db_rollback(d);
	sb_free(&sum);
	project_rec_clear(&p);
	return rc;
}

/* the project's updated_at set to now, inside the transaction */
static int touch(db *d, int64_t id, store_err *err)
{
	sqlite3_stmt *st = db_stmt(d, "UPDATE project SET updated_at = ? WHERE id = ?", err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	db_bind_text(st, 1, now);
	sqlite3_bind_int64(st, 2, id);
	return rows_step_one(d, st, "updating a project", err);
}

int project_store_move(db *d, const char *actor, const char *number, project_stage to,
                       qdate on, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	project_rec p;
	int rc = held(d, number, &p, err);
	if (rc != 0)
		return rc;
	project_verdict v = project_move_check(p.stage, p.on[p.stage], to, on, db_today(d));
	if (v != PROJ_OK) {
		rc = refused(err, number, v, p.stage, to, 0, on, p.on[p.stage]);
		store_err_day(err, 2, db_today(d));
		db_rollback(d);
		project_rec_clear(&p);
		return rc;
	}
	rc = -1;
	sqlite3_stmt *st = db_stmt(d, "UPDATE project SET stage = ? WHERE id = ?", err);
	if (!st)
		goto out;
	db_bind_text(st, 1, project_stage_code(to));
	sqlite3_bind_int64(st, 2, p.id);
	if (rows_step_one(d, st, "moving a project", err) < 0 || touch(d, p.id, err) < 0 ||
	    add_stage(d, actor, p.id, to, on, err) < 0)
		goto out;
	char day[11];
	date_format(on, day);
	rc = rows_commit_event(d, actor, "project", p.id, "project.move",
	                       xasprintf("project=%s; stage: %s -> %s; on=%s", p.number,
	                                 project_stage_code(p.stage), project_stage_code(to), day),
	                       NULL, err);
	project_rec_clear(&p);
	return rc;
out:
	db_rollback(d);
	project_rec_clear(&p);
	return rc;
}

int project_store_item_add(db *d, const char *actor, const char *number,
                           const project_item *it, int *seq, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	project_rec p;
	int rc = held(d, number, &p, err);
	if (rc != 0)
		return rc;
	rc = -1;
	*seq = p.nitems ? p.items[p.nitems - 1].seq + 1 : 1;
	char target[11];
	date_format(it->target, target);
	if (insert_item(d, p.id, *seq, it, err) < 0 || touch(d, p.id, err) < 0)
		goto out;
	rc = rows_commit_event(d, actor, "project", p.id, "project.item.add",
	                       xasprintf("project=%s item=%d kind=%s unit=%s target=%s", p.number,
	                                 *seq, it->kind, it->unit, target), NULL, err);
	project_rec_clear(&p);
	return rc;
out:
	db_rollback(d);
	project_rec_clear(&p);
	return rc;
}

/* the item seq of p, or NULL with STORE_E_NO_PROJECT_ITEM */
static project_item *item_of(project_rec *p, int seq, store_err *err)
{
	for (int i = 0; i < p->nitems; i++)
		if (p->items[i].seq == seq)
			return &p->items[i];
	store_err_name(store_err_set(err, STORE_E_NO_PROJECT_ITEM), 0, p->number);
	store_err_num(err, 0, seq);
	return NULL;
}

int project_store_item_set(db *d, const char *actor, const char *number, int seq,
                           const project_item_change *c, store_err *err)
{
	if (db_begin(d, err) < 0)
		return -1;
	project_rec p;
	int rc = held(d, number, &p, err);
	if (rc != 0)
		return rc;
	strbuf sum = STRBUF_INIT;
	rc = 1;
	project_item *it = item_of(&p, seq, err);
	if (!it)
		goto out;
	project_item_state to = c->state >= 0 ? (project_item_state)c->state : it->state;
	qdate done_on = it->done_on;
	sb_addf(&sum, "project=%s item=%d", p.number, seq);
	if (to != it->state || c->state >= 0) {
		project_verdict v = project_item_check(it->state, to, c->note);
		if (v != PROJ_OK) {
			refused(err, number, v, it->state, to, seq, DATE_NONE, DATE_NONE);
			goto out;
		}
		sb_addf(&sum, "; state: %s -> %s", project_item_state_code(it->state),
		        project_item_state_code(to));
		done_on = to == PITEM_DONE ? (c->on != DATE_NONE ? c->on : db_today(d)) : DATE_NONE;
		if (to == PITEM_DONE && done_on > db_today(d)) {
			refused(err, number, PROJ_FUTURE, it->state, to, seq, done_on, DATE_NONE);
			store_err_day(err, 2, db_today(d));
			goto out;
		}
	}
	const char *unit = c->unit ? c->unit : it->unit;
	changed_text(&sum, "unit", it->unit, c->unit);
	qdate target = c->target != DATE_NONE ? c->target : it->target;
	if (target != it->target) {
		char a[11], b[11];
		sb_addf(&sum, "; target: %s -> %s", date_format(it->target, a),
		        date_format(target, b));
	}
	if (done_on != it->done_on && done_on != DATE_NONE) {
		char a[11];
		sb_addf(&sum, "; done_on=%s", date_format(done_on, a));
	}
	const char *note = c->note ? c->note : it->note;
	if (c->note && *c->note)
		sb_addf(&sum, "; note: %s", c->note);
	if (!strchr(sb_str(&sum), ';')) {
		store_err_name(store_err_set(err, STORE_E_PROJECT_UNCHANGED), 0, number);
		goto out;
	}
	rc = -1;
	sqlite3_stmt *st = db_stmt(d, "UPDATE project_item SET state = ?, unit = ?, target = ?,"
	                              " done_on = ?, note = ? WHERE id = ?", err);
	if (!st)
		goto out;
	db_bind_text(st, 1, project_item_state_code(to));
	db_bind_text(st, 2, unit);
	rows_bind_date(st, 3, target);
	rows_bind_date(st, 4, done_on);
	db_bind_text(st, 5, note);
	sqlite3_bind_int64(st, 6, it->id);
	if (rows_step_one(d, st, "changing a project item", err) < 0 || touch(d, p.id, err) < 0)
		goto out;
	rc = rows_commit_event(d, actor, "project", p.id, "project.item", sb_steal(&sum), NULL,
	                       err);
	project_rec_clear(&p);
	return rc;
out:
	db_rollback(d);
	sb_free(&sum);
	project_rec_clear(&p);
	return rc;
}

int project_store_item_appeal_held(db *d, const char *actor, const char *number, int seq,
                                   const char *appeal, store_err *err)
{
	project_rec p;
	int rc = project_store_get(d, number, &p, err);
	if (rc != 0)
		return rc;
	rc = 1;
	project_item *it = item_of(&p, seq, err);
	if (!it)
		goto out;
	project_verdict v = project_appeal_check(it->state, it->appeal_id);
	if (v != PROJ_OK) {
		refused(err, number, v, it->state, it->state, seq, DATE_NONE, DATE_NONE);
		if (it->appeal_id)
			store_err_name(err, 3, it->appeal);
		goto out;
	}
	rc = -1;
	sqlite3_stmt *st = db_stmt(d, "UPDATE project_item SET appeal_id ="
	                              " (SELECT id FROM appeal WHERE number = ?) WHERE id = ?", err);
	if (!st)
		goto out;
	db_bind_text(st, 1, appeal);
	sqlite3_bind_int64(st, 2, it->id);
	if (rows_step_one(d, st, "linking a project item to its appeal", err) < 0 ||
	    touch(d, p.id, err) < 0)
		goto out;
	char *sum = xasprintf("project=%s item=%d appeal=%s", p.number, seq, appeal);
	rc = db_event(d, actor, "project", p.id, "project.item.appeal", sum, NULL, err);
	free(sum);
out:
	project_rec_clear(&p);
	return rc;
}
