/* Enterprise list queries: a filter becomes one WHERE clause shared by the count
 * and the window, and every sort order is served by an index, so a screen costs
 * the rows it shows, not the size of the register. */
#include "store/enterprise_store.h"
#include "store/db_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#define MAX_BINDS 12

typedef struct where {
	strbuf sql;
	char *binds[MAX_BINDS];
	int nbinds;
} where;

static void bind_add(where *w, const char *v)
{
	w->binds[w->nbinds++] = xstrdup(v);
}

static bool is_uscc_prefix(const char *q)
{
	/* at least two characters of the USCC alphabet with a digit among them:
	 * pinyin never has digits, and names are not pure ASCII codes */
	bool digit = false;
	size_t n = 0;
	for (const char *p = q; *p; p++, n++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
			return false;
	}
	return digit && n >= 2;
}

static void search_clause(where *w, const char *q)
{
	if (is_uscc_prefix(q)) {
		char *up = xstrdup(q);
		for (char *p = up; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		/* a range on the unique index: [q, q + U+007F) */
		char *hi = xasprintf("%s\x7f", up);
		sb_add(&w->sql, " AND e.uscc >= ? AND e.uscc < ?");
		bind_add(w, up);
		bind_add(w, hi);
		free(up);
		free(hi);
		return;
	}
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)q; *p; p++)
		chars += (*p & 0xc0) != 0x80;
	if (chars >= 3) {
		/* trigram index; the query is one quoted phrase */
		strbuf phrase = STRBUF_INIT;
		sb_addc(&phrase, '"');
		for (const char *p = q; *p; p++) {
			if (*p == '"')
				sb_addc(&phrase, '"');
			sb_addc(&phrase, *p);
		}
		sb_addc(&phrase, '"');
		sb_add(&w->sql, " AND e.id IN (SELECT rowid FROM enterprise_fts"
		                " WHERE enterprise_fts MATCH ?)");
		bind_add(w, sb_str(&phrase));
		sb_free(&phrase);
	} else {
		/* trigram cannot serve 1-2 characters; scan the base table */
		sb_add(&w->sql, " AND (instr(e.name, ?) > 0 OR instr(e.py, ?) > 0)");
		bind_add(w, q);
		bind_add(w, q);
	}
}

static void where_build(where *w, const ent_filter *f)
{
	memset(w, 0, sizeof *w);
	sb_add(&w->sql, " WHERE 1");
	if (!f)
		return;
	if (f->scope_area) {
		sb_add(&w->sql, " AND e.area = ?");
		bind_add(w, f->scope_area);
	}
	if (f->area) {
		sb_add(&w->sql, " AND e.area = ?");
		bind_add(w, f->area);
	}
	if (f->category) {
		sb_add(&w->sql, " AND e.category = ?");
		bind_add(w, f->category);
	}
	if (f->lead_unit) {
		sb_add(&w->sql, " AND e.lead_unit = ?");
		bind_add(w, f->lead_unit);
	}
	if (f->warning_only)
		sb_add(&w->sql, " AND e.open_warnings > 0");
	if (f->search && *f->search)
		search_clause(w, f->search);
}

static void where_free(where *w)
{
	sb_free(&w->sql);
	for (int i = 0; i < w->nbinds; i++)
		free(w->binds[i]);
}

static void where_bind(const where *w, sqlite3_stmt *st)
{
	for (int i = 0; i < w->nbinds; i++)
		db_bind_text(st, i + 1, w->binds[i]);
}

int ent_store_count(db *d, const ent_filter *f, long *n, strbuf *err)
{
	where w;
	where_build(&w, f);
	char *sql = xasprintf("SELECT count(*) FROM enterprise e%s", sb_str(&w.sql));
	sqlite3_stmt *st = db_stmt(d, sql, err);
	int rc = -1;
	if (st) {
		where_bind(&w, st);
		if (sqlite3_step(st) == SQLITE_ROW) {
			*n = (long)sqlite3_column_int64(st, 0);
			rc = 0;
		} else {
			db_fail(d, err, "counting enterprises");
		}
		db_done(st);
	}
	free(sql);
	where_free(&w);
	return rc;
}

static const char *const sort_sql[ENT_SORT__COUNT][2] = {
	[ENT_SORT_NAME] = { "e.sort_key, e.id", "e.sort_key DESC, e.id DESC" },
	[ENT_SORT_USCC] = { "e.uscc", "e.uscc DESC" },
	[ENT_SORT_CATEGORY] = { "e.category, e.sort_key, e.id",
	                        "e.category DESC, e.sort_key DESC, e.id DESC" },
	[ENT_SORT_AREA] = { "e.area, e.sort_key, e.id", "e.area DESC, e.sort_key DESC, e.id DESC" },
	[ENT_SORT_LEAD] = { "e.lead_unit, e.sort_key, e.id",
	                    "e.lead_unit DESC, e.sort_key DESC, e.id DESC" },
	[ENT_SORT_COMMISSIONER] = { "e.commissioner_id, e.id", "e.commissioner_id DESC, e.id DESC" },
};

int ent_store_window(db *d, const ent_filter *f, ent_sort sort, bool desc, long offset,
                     int limit, ent_row *rows, int *n, strbuf *err)
{
	*n = 0;
	if (sort >= ENT_SORT__COUNT)
		sort = ENT_SORT_NAME;
	where w;
	where_build(&w, f);
	char *sql = xasprintf(
		"SELECT e.id, e.name, e.uscc, e.category, e.area, e.lead_unit,"
		" coalesce(s.name, ''), e.open_appeals, e.open_warnings > 0"
		" FROM enterprise e LEFT JOIN staff s ON s.id = e.commissioner_id%s"
		" ORDER BY %s LIMIT ? OFFSET ?", sb_str(&w.sql), sort_sql[sort][desc ? 1 : 0]);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	int rc = -1;
	if (st) {
		where_bind(&w, st);
		sqlite3_bind_int(st, w.nbinds + 1, limit);
		sqlite3_bind_int64(st, w.nbinds + 2, offset);
		int step;
		while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW) {
			ent_row *r = &rows[(*n)++];
			r->id = sqlite3_column_int64(st, 0);
			r->name = xstrdup(db_col_text(st, 1));
			r->uscc = xstrdup(db_col_text(st, 2));
			r->category = xstrdup(db_col_text(st, 3));
			r->area = xstrdup(db_col_text(st, 4));
			r->lead_unit = xstrdup(db_col_text(st, 5));
			r->commissioner = xstrdup(db_col_text(st, 6));
			r->open_appeals = sqlite3_column_int(st, 7);
			r->warning = sqlite3_column_int(st, 8) != 0;
		}
		rc = 0;
		db_done(st);
	}
	free(sql);
	where_free(&w);
	return rc;
}

void ent_row_clear(ent_row *r)
{
	free(r->name);
	free(r->uscc);
	free(r->category);
	free(r->area);
	free(r->lead_unit);
	free(r->commissioner);
	memset(r, 0, sizeof *r);
}

/* the text the trigram index searches besides the name (pinyin forms) */
static char *ent_search_form(const char *name)
{
	(void)name;
	return xstrdup("");
}

/* the order of the name column */
static char *ent_sort_key(const char *name)
{
	return xstrdup(name);
}

int ent_store_uscc_owner(db *d, const char *uscc, char **name, strbuf *err)
{
	sqlite3_stmt *st = db_stmt(d, "SELECT name FROM enterprise WHERE uscc = ?", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, uscc);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*name = xstrdup(db_col_text(st, 0));
	db_done(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int ent_store_insert(db *d, const char *actor, const ent_record *e, int64_t *id, strbuf *err)
{
	sqlite3_stmt *st = db_stmt(d,
		"INSERT INTO enterprise (name, uscc, uscc_override, address, area, category, grp,"
		" aviation, introduced_by, legal_rep, contact, phone, commissioner_id, status,"
		" lead_unit, coop_units, lead_override, py, sort_key, created_at, updated_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", err);
	if (!st)
		return -1;
	char now[20];
	db_now(d, now);
	char *py = ent_search_form(e->name);
	char *key = ent_sort_key(e->name);
	const char *texts[] = { e->name, e->uscc, e->uscc_override, e->address, e->area,
	                        e->category, e->group ? e->group : "" };
	for (int i = 0; i < 7; i++)
		db_bind_text(st, i + 1, i == 2 ? texts[i] : (texts[i] ? texts[i] : ""));
	sqlite3_bind_int(st, 8, e->aviation);
	db_bind_text(st, 9, e->introduced_by ? e->introduced_by : "");
	db_bind_text(st, 10, e->legal_rep ? e->legal_rep : "");
	db_bind_text(st, 11, e->contact ? e->contact : "");
	db_bind_text(st, 12, e->phone ? e->phone : "");
	if (e->commissioner_id)
		sqlite3_bind_int64(st, 13, e->commissioner_id);
	db_bind_text(st, 14, e->status ? e->status : "operating");
	db_bind_text(st, 15, e->lead_unit);
	db_bind_text(st, 16, e->coop_units ? e->coop_units : "");
	db_bind_text(st, 17, e->lead_override);
	db_bind_text(st, 18, py);
	db_bind_text(st, 19, key);
	db_bind_text(st, 20, now);
	db_bind_text(st, 21, now);
	int rc = sqlite3_step(st);
	db_done(st);
	free(py);
	free(key);
	if (rc != SQLITE_DONE) {
		if ((sqlite3_extended_errcode(db_handle(d)) & 0xff) == SQLITE_CONSTRAINT) {
			char *owner = NULL;
			if (ent_store_uscc_owner(d, e->uscc, &owner, NULL) == 0) {
				sb_addf(err, _("USCC %s is already registered to %s"), e->uscc, owner);
				free(owner);
				return -1;
			}
		}
		db_fail(d, err, "adding an enterprise");
		return -1;
	}
	*id = sqlite3_last_insert_rowid(db_handle(d));
	strbuf sum = STRBUF_INIT;
	sb_addf(&sum, "name=%s uscc=%s area=%s category=%s lead=%s", e->name, e->uscc, e->area,
	        e->category, e->lead_unit);
	rc = db_event(d, actor, "enterprise", *id, "add", sb_str(&sum),
	              e->uscc_override ? e->uscc_override : NULL, err);
	sb_free(&sum);
	return rc;
}
