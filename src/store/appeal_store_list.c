/* Appeal lists: the filter (states, lights, units, enterprise, level, search, saved
 * views) as one WHERE clause, windows of the filtered list in every order, each order
 * served by an index of the appeal migration, the counts of the list and of the saved
 * views, and the similar open appeals the intake warns of. */
#include "store/appeal_store.h"
#include "store/db_internal.h"
#include "store/keyset.h"
#include "store/rows.h"
#include "store/store_where.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

void appeal_filter_set_today(appeal_filter *f, const calendar *cal, qdate today,
		int yellow_days)
{
	f->today = today;
	f->yellow_last = calendar_add(cal, today, (yellow_days > 0 ? yellow_days : 0) + 1) - 1;
}

void appeal_filter_add_view(appeal_filter *f, appeal_view v, const char *my_unit)
{
	appeal_view_def def = appeal_view_definition(v);
	/* a view narrows what the filter already asks: 待分办 within --state closed is empty */
	if (def.states) {
		if (f->states && !(f->states & def.states))
			f->nothing = true;
		f->states = f->states ? f->states & def.states : def.states;
	}
	if (def.lights) {
		if (f->lights && !(f->lights & def.lights))
			f->nothing = true;
		f->lights = f->lights ? f->lights & def.lights : def.lights;
	}
	if (def.due_today)
		f->due_today = true;
	if (def.mine)
		f->unit = my_unit ? my_unit : "";
}

static unsigned open_states(void)
{
	unsigned bits = 0;
	for (int s = 0; s < TICKET_ST__COUNT; s++)
		if (ticket_state_is_open((ticket_state)s))
			bits |= appeal_state_bit((ticket_state)s);
	return bits;
}

static void states_clause(store_where *w, unsigned states)
{
	int n = 0;
	for (int s = 0; s < TICKET_ST__COUNT; s++) {
		if (!(states & appeal_state_bit((ticket_state)s)))
			continue;
		sb_add(&w->sql, n++ ? ", ?" : " AND a.state IN (?");
		store_where_add(w, ticket_state_code((ticket_state)s));
	}
	/* a set of no known state selects nothing */
	sb_add(&w->sql, n ? ")" : " AND 0");
}

/* The lights as ranges of next_due: red before today, yellow from today to
 * yellow_last, green after. Neighbouring lights are one range (red and yellow:
 * next_due <= yellow_last), so the partial index on next_due serves the filter and
 * the due order at once; an OR of ranges made SQLite sort the selection instead. */
static void lights_clause(store_where *w, const appeal_filter *f)
{
	char today[16], last[16];
	date_format(f->today, today);
	date_format(f->yellow_last, last);
	bool red = f->lights & appeal_light_bit(TICKET_LIGHT_RED);
	bool yellow = f->lights & appeal_light_bit(TICKET_LIGHT_YELLOW);
	bool green = f->lights & appeal_light_bit(TICKET_LIGHT_GREEN);
	bool none = f->lights & appeal_light_bit(TICKET_LIGHT_NONE);
	strbuf due = STRBUF_INIT;
	if (red && green && !yellow) {
		sb_add(&due, "(a.next_due < ? OR a.next_due > ?)");
		store_where_add(w, today);
		store_where_add(w, last);
	} else if (red || yellow || green) {
		/* one range: from today unless red is in, up to yellow_last unless green is */
		sb_add(&due, "(a.next_due IS NOT NULL");
		if (!red) {
			sb_add(&due, yellow ? " AND a.next_due >= ?" : " AND a.next_due > ?");
			store_where_add(w, yellow ? today : last);
		}
		if (!green) {
			sb_add(&due, yellow ? " AND a.next_due <= ?" : " AND a.next_due < ?");
			store_where_add(w, yellow ? last : today);
		}
		sb_add(&due, ")");
	}
	if (due.len && none)
		sb_addf(&w->sql, " AND (%s OR a.next_due IS NULL)", sb_str(&due));
	else if (due.len)
		sb_addf(&w->sql, " AND %s", sb_str(&due));
	else if (none)
		sb_add(&w->sql, " AND a.next_due IS NULL");
	else
		sb_add(&w->sql, " AND 0");
	sb_free(&due);
}

/* The appeals in which one of the n units takes part; none when n is 0. Counted
 * (ordered false), the three ways a unit takes part are three index searches;
 * read in a list's order, the order's index leads and each row is tested (+ keeps
 * SQLite off the unit indexes): gathering every appeal a unit ever had and
 * sorting them cost 0.9 s for a window at 200 000 appeals. */
static void units_clause(store_where *w, const char *const *units, size_t n, bool ordered)
{
	if (n == 0) {
		sb_add(&w->sql, " AND 0");
		return;
	}
	static const char *const cols[2][3] = {
		{ " AND (a.first_unit IN (", ") OR a.lead_unit IN (",
		  ") OR a.id IN (SELECT appeal_id FROM appeal_related WHERE unit IN (" },
		{ " AND (+a.first_unit IN (", ") OR +a.lead_unit IN (",
		  ") OR EXISTS (SELECT 1 FROM appeal_related r WHERE r.appeal_id = a.id AND r.unit IN (" },
	};
	for (size_t c = 0; c < 3; c++) {
		sb_add(&w->sql, cols[ordered][c]);
		for (size_t i = 0; i < n; i++) {
			sb_add(&w->sql, i ? ", ?" : "?");
			store_where_add(w, units[i]);
		}
	}
	sb_add(&w->sql, ")))");
}

/* An enterprise search names the enterprises whose appeals a list shows. SQLite
 * takes an IN subquery for 25 rows whatever it holds, and plans by that: for one
 * enterprise it counted the 148 000 appeals of a unit's view to find its 14 (1.7 s
 * at a million appeals), for a thousand it read each one's appeals. So the
 * enterprises are read first: up to SEARCH_IDS_MAX go into the statement as
 * numbers, and their appeals are read through their enterprise; with more, each
 * row is tested (+ keeps SQLite off the enterprise index) while the view's own
 * index leads. The number of ids read, SEARCH_IDS_MAX + 1 for more, or -1 when
 * the read failed (the caller then keeps the subquery, whose statement says
 * why). */
#define SEARCH_IDS_MAX 64

static int search_ids(db *d, const char *search, int64_t *ids)
{
	store_where w;
	store_where_init(&w);
	ent_store_search_clause(&w, search);
	/* store_where_init has begun the WHERE */
	char *sql = xasprintf("SELECT e.id FROM enterprise e%s LIMIT %d", sb_str(&w.sql),
	                      SEARCH_IDS_MAX + 1);
	sqlite3_stmt *st = db_stmt(d, sql, NULL);
	free(sql);
	int n = -1;
	if (st) {
		store_where_bind(&w, st);
		int step;
		n = 0;
		while ((step = sqlite3_step(st)) == SQLITE_ROW && n <= SEARCH_IDS_MAX)
			if (n < SEARCH_IDS_MAX)
				ids[n++] = sqlite3_column_int64(st, 0);
			else
				n = SEARCH_IDS_MAX + 1;
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			n = -1;
		db_done(st);
	}
	store_where_free(&w);
	return n;
}

static void search_clause(db *d, store_where *w, const char *search)
{
	int64_t ids[SEARCH_IDS_MAX];
	int n = search_ids(d, search, ids);
	if (n >= 0 && n <= SEARCH_IDS_MAX) {
		sb_add(&w->sql, n ? " AND a.enterprise_id IN (" : " AND 0");
		for (int i = 0; i < n; i++)
			sb_addf(&w->sql, "%s%lld", i ? ", " : "", (long long)ids[i]);
		if (n)
			sb_addc(&w->sql, ')');
		return;
	}
	sb_add(&w->sql, " AND +a.enterprise_id IN (SELECT e.id FROM enterprise e WHERE 1");
	ent_store_search_clause(w, search);
	sb_add(&w->sql, ")");
}

/* f as a WHERE clause; ordered: for a read in a list's order (units_clause) */
static void where_build(db *d, store_where *w, const appeal_filter *f, bool ordered)
{
	store_where_init(w);
	if (f->nothing)
		sb_add(&w->sql, " AND 0");
	if (f->states)
		states_clause(w, f->states);
	if (f->lights)
		lights_clause(w, f);
	if (f->due_today) {
		char today[16];
		sb_add(&w->sql, " AND a.next_due = ?");
		store_where_add(w, date_format(f->today, today));
	}
	if (f->unit)
		units_clause(w, &f->unit, 1, ordered);
	if (f->enterprise) {
		sb_add(&w->sql, " AND a.enterprise_id = (SELECT id FROM enterprise WHERE uscc = ?)");
		store_where_add(w, f->enterprise);
	}
	if (f->scope_area) {
		sb_add(&w->sql, " AND a.enterprise_id IN (SELECT id FROM enterprise WHERE area = ?)");
		store_where_add(w, f->scope_area);
	}
	if (f->scope_units)
		units_clause(w, f->scope_units, f->nscope_units, ordered);
	if (f->level) {
		char lv[8];
		snprintf(lv, sizeof lv, "%d", f->level);
		/* CAST: the bound value is text, the column an integer */
		sb_add(&w->sql, " AND a.level = CAST(? AS INTEGER)");
		store_where_add(w, lv);
	}
	if (f->lead_unit) {
		sb_add(&w->sql, " AND a.lead_unit = ?");
		store_where_add(w, f->lead_unit);
	}
	if (f->overseen_by) {
		sb_add(&w->sql, " AND a.lead_unit IN (SELECT o.unit FROM staff_oversees o"
		                " JOIN staff s ON s.id = o.staff_id WHERE s.login = ?)");
		store_where_add(w, f->overseen_by);
	}
	if (f->search && *f->search) {
		int y;
		long seq;
		char *q = text_trim(f->search);
		if (ticket_number_parse(q, &y, &seq)) {
			sb_add(&w->sql, " AND a.number = ?");
			store_where_add(w, q);
		} else {
			search_clause(d, w, f->search);
		}
		free(q);
	}
}

/* Whether f selects only open appeals through an index that holds little else: a
 * light range (the partial index on next_due holds the running deadlines only) or
 * open states (the state index). Read in number order, such a list is best taken
 * from that index and its ids sorted; by the rowid SQLite walks the whole table for
 * them (appeal list --overdue at a million appeals read all 1 000 000 rows for 21 000,
 * 3 s against 26 ms for a chunk). A list of closed appeals is most of the table:
 * the rowid order stays. */
static bool open_bounded(const appeal_filter *f)
{
	bool lights = f->lights && !(f->lights & appeal_light_bit(TICKET_LIGHT_NONE));
	bool states = f->states && !(f->states & ~open_states());
	return lights || f->due_today || states;
}

/* the number order's column: +a.id keeps SQLite off the rowid for such a filter */
static const char *number_col(const appeal_filter *f)
{
	return open_bounded(f) ? "+a.id" : "a.id";
}

static const char row_cols[] =
	"SELECT a.id, a.number, en.uscc, en.name, a.title, a.kind, a.state, a.first_unit,"
	" a.lead_unit, a.next_due, a.version, coalesce(a.level, 0),"
	" (SELECT t.due FROM appeal_timer t WHERE t.appeal_id = a.id AND t.timer = 'handle'"
	"  AND t.done IS NULL), a.channel, coalesce(a.external_no, '')"
	" FROM appeal a JOIN enterprise en ON en.id = a.enterprise_id";

static void row_from(sqlite3_stmt *st, appeal_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	snprintf(r->number, sizeof r->number, "%s", db_col_text(st, 1));
	r->uscc = xstrdup(db_col_text(st, 2));
	r->enterprise_name = xstrdup(db_col_text(st, 3));
	r->title = xstrdup(db_col_text(st, 4));
	ticket_kind_parse(db_col_text(st, 5), &r->kind);
	ticket_state_parse(db_col_text(st, 6), &r->state);
	r->first_unit = xstrdup(db_col_text(st, 7));
	r->lead_unit = rows_col_opt(st, 8);
	r->next_due = rows_col_date(st, 9);
	r->version = sqlite3_column_int(st, 10);
	r->level = sqlite3_column_int(st, 11);
	r->handle_due = rows_col_date(st, 12);
	appeal_channel_parse(db_col_text(st, 13), &r->channel);
	r->external_no = xstrdup(db_col_text(st, 14));
}

/* Each order is served by an index: the rowid, (state, next_due), (lead_unit, state)
 * and the partial index on next_due; only the enterprise order sorts the rows the
 * filter selects. */
static const char *const sort_sql[APPEAL_SORT__COUNT][2] = {
	[APPEAL_SORT_NUMBER] = { "a.id", "a.id DESC" },
	[APPEAL_SORT_DUE] = { "a.next_due, a.id", "a.next_due DESC, a.id DESC" },
	[APPEAL_SORT_STATE] = { "a.state, a.next_due, a.id",
	                        "a.state DESC, a.next_due DESC, a.id DESC" },
	[APPEAL_SORT_UNIT] = { "a.lead_unit, a.state, a.id",
	                       "a.lead_unit DESC, a.state DESC, a.id DESC" },
	[APPEAL_SORT_ENTERPRISE] = { "en.sort_key, a.id", "en.sort_key DESC, a.id DESC" },
};

/* The window is chosen on the appeal table and its indexes alone, then only its rows
 * are joined to their enterprise: OFFSET over the joined rows builds every skipped
 * row (0.61 s against 0.04 s at row 99 000 of 100 000). The enterprise order needs
 * the join inside as well. */
static int window_query(db *d, const store_where *w, const char *extra, const char *order,
		long offset, int limit, appeal_row *rows, int *n, store_err *err)
{
	/* the enterprise order, or a key of it read from a row (appeal_store_window_from) */
	bool by_name = strstr(order, "en.") || strstr(sb_str(&w->sql), "en.sort_key");
	char *sql = xasprintf("%s WHERE a.id IN (SELECT a.id FROM appeal a%s%s%s ORDER BY %s"
	                      " LIMIT ? OFFSET ?) ORDER BY %s", row_cols,
	                      by_name ? " JOIN enterprise en ON en.id = a.enterprise_id" : "",
	                      sb_str(&w->sql), extra, order, order);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	store_where_bind(w, st);
	sqlite3_bind_int(st, w->nbinds + 1, limit);
	sqlite3_bind_int64(st, w->nbinds + 2, offset);
	int step = SQLITE_DONE, start = *n;
	while (*n < limit && (step = sqlite3_step(st)) == SQLITE_ROW)
		row_from(st, &rows[(*n)++]);
	if (step == SQLITE_ROW || step == SQLITE_DONE) {
		db_done(st);
		return 0;
	}
	db_fail(d, err, "listing appeals");
	db_done(st);
	while (*n > start)
		appeal_row_clear(&rows[--*n]);
	return -1;
}

/* the count of what w selects, up to limit + 1 rows (limit < 0: all of them) */
static int count_where_upto(db *d, const store_where *w, const char *extra, long limit,
		long *n, store_err *err)
{
	char *sql = limit < 0
		? xasprintf("SELECT count(*) FROM appeal a%s%s", sb_str(&w->sql), extra)
		: xasprintf("SELECT count(*) FROM (SELECT 1 FROM appeal a%s%s LIMIT ?)",
		            sb_str(&w->sql), extra);
	sqlite3_stmt *st = db_stmt(d, sql, err);
	free(sql);
	if (!st)
		return -1;
	store_where_bind(w, st);
	if (limit >= 0)
		sqlite3_bind_int64(st, w->nbinds + 1, limit + 1);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	else
		db_fail(d, err, "counting appeals");
	db_done(st);
	return step == SQLITE_ROW ? 0 : -1;
}

int appeal_store_count_upto(db *d, const appeal_filter *f, long limit, long *n,
		store_err *err)
{
	store_where w;
	where_build(d, &w, f, false);
	int rc = count_where_upto(d, &w, "", limit, n, err);
	store_where_free(&w);
	return rc;
}

int appeal_store_count(db *d, const appeal_filter *f, long *n, store_err *err)
{
	return appeal_store_count_upto(d, f, -1, n, err);
}

/* The due order puts appeals without a running deadline after the others. As one
 * ORDER BY that needs a sort of the whole selection; as two index-ordered parts
 * (with a deadline on the partial index, then without by number) a window costs
 * only its rows and the first part counted up to the window's start. Only a jump
 * reads by offset: the pane reads a window next to one loaded by key
 * (appeal_store_window_from). */
static int window_by_due(db *d, const store_where *w, bool desc, long offset, int limit,
		appeal_row *rows, int *n, store_err *err)
{
	static const char with[] = " AND a.next_due IS NOT NULL", without[] = " AND a.next_due IS NULL";
	const char *first = desc ? without : with, *second = desc ? with : without;
	const char *first_order = desc ? "a.id DESC" : sort_sql[APPEAL_SORT_DUE][0];
	const char *second_order = desc ? sort_sql[APPEAL_SORT_DUE][1] : "a.id";
	/* up to offset + 1: whether the window starts in the first part, and if not how
	 * far into the second */
	long nfirst;
	if (count_where_upto(d, w, first, offset, &nfirst, err) < 0)
		return -1;
	if (offset < nfirst &&
	    window_query(d, w, first, first_order, offset, limit, rows, n, err) < 0)
		return -1;
	if (*n < limit) {
		long off2 = offset > nfirst ? offset - nfirst : 0;
		int got = *n, more = 0;
		if (window_query(d, w, second, second_order, off2, limit - got, rows + got, &more,
		                 err) < 0)
			return -1;
		*n = got + more;
	}
	return 0;
}

int appeal_store_window(db *d, const appeal_filter *f, appeal_sort sort, bool desc,
		long offset, int limit, appeal_row *rows, int *n, store_err *err)
{
	*n = 0;
	if (sort >= APPEAL_SORT__COUNT)
		sort = APPEAL_SORT_NUMBER;
	store_where w;
	where_build(d, &w, f, true);
	char number[16];
	const char *order = sort_sql[sort][desc ? 1 : 0];
	if (sort == APPEAL_SORT_NUMBER) {
		snprintf(number, sizeof number, "%s%s", number_col(f), desc ? " DESC" : "");
		order = number;
	}
	int rc = sort == APPEAL_SORT_DUE
		? window_by_due(d, &w, desc, offset, limit, rows, n, err)
		: window_query(d, &w, "", order, offset, limit, rows, n, err);
	store_where_free(&w);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			appeal_row_clear(&rows[i]);
		*n = 0;
	}
	return rc;
}

/* ---- reading by key ---------------------------------------------------------- */

/* The columns of each order as keys (store/keyset.h): the last makes the order
 * total; where NULLs fall is the order's (sort_sql above, window_by_due) */
enum { KEY_MAX = 3 };
static const struct {
	int n;
	const char *col[KEY_MAX];
	ks_nulls nulls[KEY_MAX];
} sort_keys[APPEAL_SORT__COUNT] = {
	[APPEAL_SORT_NUMBER] = { 1, { "a.id" }, { KS_NOT_NULL } },
	[APPEAL_SORT_DUE] = { 2, { "a.next_due", "a.id" }, { KS_NULLS_LAST, KS_NOT_NULL } },
	[APPEAL_SORT_STATE] = { 3, { "a.state", "a.next_due", "a.id" },
	                        { KS_NOT_NULL, KS_NULLS_FIRST, KS_NOT_NULL } },
	[APPEAL_SORT_UNIT] = { 3, { "a.lead_unit", "a.state", "a.id" },
	                       { KS_NULLS_FIRST, KS_NOT_NULL, KS_NOT_NULL } },
	[APPEAL_SORT_ENTERPRISE] = { 2, { "en.sort_key", "a.id" }, { KS_NOT_NULL, KS_NOT_NULL } },
};

/* where fill_key puts an order's key */
typedef struct key_out {
	char **key;
	int n;
} key_out;

static void fill_key(sqlite3_stmt *st, void *arg)
{
	key_out *k = arg;
	for (int i = 0; i < k->n; i++)
		k->key[i] = sqlite3_column_type(st, i) == SQLITE_NULL
		            ? NULL : xstrdup((const char *)sqlite3_column_text(st, i));
}

/* the key of appeal id in the order's columns, as text (NULL: none); 0, 1 when the
 * appeal is gone, or -1 with err */
static int key_of(db *d, appeal_sort sort, int64_t id, char **key, store_err *err)
{
	strbuf cols = STRBUF_INIT;
	for (int i = 0; i < sort_keys[sort].n; i++)
		sb_addf(&cols, "%s%s", i ? ", " : "", sort_keys[sort].col[i]);
	sb_add(&cols, " FROM appeal a JOIN enterprise en ON en.id = a.enterprise_id");
	key_out k = { key, sort_keys[sort].n };
	int rc = rows_one(d, sb_str(&cols), "a.id", id, &k, fill_key, "listing appeals", err);
	sb_free(&cols);
	return rc;
}

/* seg as a condition on w and its order: " AND ..." of the key's columns */
static void seg_clause(store_where *w, appeal_sort sort, const char *const *col,
		const ks_seg *seg, char *const *key, bool rev, strbuf *order)
{
	for (int i = 0; i < seg->eq; i++) {
		if (key[i]) {
			sb_addf(&w->sql, " AND %s = ?", col[i]);
			store_where_add(w, key[i]);
		} else {
			sb_addf(&w->sql, " AND %s IS NULL", col[i]);
		}
	}
	const char *c = col[seg->col];
	/* a.id is an integer, the bound values text */
	const char *v = strcmp(c + (*c == '+'), "a.id") == 0 ? "CAST(? AS INTEGER)" : "?";
	switch (seg->cmp) {
	case KS_AFTER:
		/* a comparison with a value excludes NULLs; said for the partial index too */
		if (sort_keys[sort].nulls[seg->col] != KS_NOT_NULL)
			sb_addf(&w->sql, " AND %s IS NOT NULL", c);
		sb_addf(&w->sql, " AND %s %c %s", c, rev ? '<' : '>', v);
		store_where_add(w, key[seg->col]);
		break;
	case KS_ISNULL:
		sb_addf(&w->sql, " AND %s IS NULL", c);
		break;
	case KS_NOTNULL:
		sb_addf(&w->sql, " AND %s IS NOT NULL", c);
		break;
	case KS_ALL:
		break;
	}
	for (int i = seg->col; i < sort_keys[sort].n; i++)
		sb_addf(order, "%s%s%s", i > seg->col ? ", " : "", col[i], rev ? " DESC" : "");
}

int appeal_store_window_from(db *d, const appeal_filter *f, appeal_sort sort, bool desc,
		int64_t from, bool back, int limit, appeal_row *rows, int *n, store_err *err)
{
	*n = 0;
	if (sort >= APPEAL_SORT__COUNT)
		sort = APPEAL_SORT_NUMBER;
	int nk = sort_keys[sort].n;
	char *key[KEY_MAX] = { 0 };
	bool isnull[KEY_MAX];
	if (from && nk == 1) {
		/* the number order's key is the id itself */
		key[0] = xasprintf("%lld", (long long)from);
		isnull[0] = false;
	} else if (from) {
		int rc = key_of(d, sort, from, key, err);
		if (rc != 0)
			return rc < 0 ? -1 : 1; /* gone: read by offset */
		for (int i = 0; i < nk; i++)
			isnull[i] = key[i] == NULL;
	}
	/* going back is going forward in the reverse order, then turning the rows */
	bool rev = desc != back;
	ks_seg segs[KS_SEGS_MAX(KEY_MAX)];
	int nseg = keyset_segments(sort_keys[sort].nulls, nk, from ? isnull : NULL, rev, segs);
	const char *col[KEY_MAX];
	for (int i = 0; i < nk; i++)
		col[i] = sort_keys[sort].col[i];
	if (sort == APPEAL_SORT_NUMBER)
		col[0] = number_col(f);
	int rc = 0;
	for (int s = 0; s < nseg && *n < limit && rc == 0; s++) {
		store_where w;
		where_build(d, &w, f, true);
		strbuf order = STRBUF_INIT;
		seg_clause(&w, sort, col, &segs[s], key, rev, &order);
		int got = 0;
		rc = window_query(d, &w, "", sb_str(&order), 0, limit - *n, rows + *n, &got, err);
		*n += got;
		sb_free(&order);
		store_where_free(&w);
	}
	for (int i = 0; i < nk; i++)
		free(key[i]);
	if (rc < 0) {
		for (int i = 0; i < *n; i++)
			appeal_row_clear(&rows[i]);
		*n = 0;
		return -1;
	}
	for (int i = 0; back && i < *n / 2; i++) {
		appeal_row t = rows[i];
		rows[i] = rows[*n - 1 - i];
		rows[*n - 1 - i] = t;
	}
	return 0;
}

int appeal_store_window_after(db *d, const appeal_filter *f, appeal_sort sort, bool desc,
		const appeal_row *last, int limit, appeal_row *rows, int *n, store_err *err)
{
	int rc = appeal_store_window_from(d, f, sort, desc, last ? last->id : 0, false, limit,
	                                  rows, n, err);
	if (rc > 0) {
		/* appeals are never deleted: the last one read is there */
		store_err_name(store_err_set(err, STORE_E_NO_APPEAL), 0, last->number);
		return -1;
	}
	return rc;
}

int appeal_store_view_count(db *d, const appeal_filter *base, appeal_view v,
		const char *my_unit, long limit, long *n, store_err *err)
{
	appeal_filter f = *base;
	appeal_filter_add_view(&f, v, my_unit);
	return appeal_store_count_upto(d, &f, limit, n, err);
}

int appeal_store_view_counts(db *d, const appeal_filter *base, const char *my_unit,
		long limit, long counts[APPEAL_VIEW__COUNT], store_err *err)
{
	for (int v = 0; v < APPEAL_VIEW__COUNT; v++)
		if (appeal_store_view_count(d, base, (appeal_view)v, my_unit, limit, &counts[v],
		                            err) < 0)
			return -1;
	return 0;
}

/* ---- similar appeals -------------------------------------------------------- */

static int by_similarity(const void *pa, const void *pb)
{
	const appeal_row *a = pa, *b = pb;
	if (a->similarity != b->similarity)
		return b->similarity - a->similarity;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

int appeal_store_similar(db *d, const char *uscc, const char *title, qdate since,
		qdate closed_since, appeal_row *rows, int max, int *n, store_err *err)
{
	/* an enterprise has few recent appeals; this bounds the work if one has many */
	enum { SCAN = 500 };
	*n = 0;
	appeal_filter f = { .states = open_states() | appeal_state_bit(TICKET_ST_CLOSED),
		.enterprise = uscc };
	store_where w;
	where_build(d, &w, &f, false);
	char day[16], closed_day[16];
	/* open ones registered since, closed ones closed (last changed) since */
	sb_add(&w.sql, " AND (a.state <> 'closed' AND a.created_at >= ?"
	               " OR a.state = 'closed' AND a.updated_at >= ?)");
	store_where_add(&w, date_format(since, day));
	store_where_add(&w, closed_since == DATE_NONE ? "9999" : date_format(closed_since,
	                                                                      closed_day));
	appeal_row *all = xcalloc(SCAN, sizeof *all);
	int got = 0;
	int rc = window_query(d, &w, "", "a.id DESC", 0, SCAN, all, &got, err);
	store_where_free(&w);
	if (rc == 0) {
		int keep = 0;
		for (int i = 0; i < got; i++) {
			all[i].similarity = appeal_title_similarity(title, all[i].title);
			if (all[i].similarity >= APPEAL_SIMILAR_MIN)
				all[keep++] = all[i];
			else
				appeal_row_clear(&all[i]);
		}
		qsort(all, (size_t)keep, sizeof *all, by_similarity);
		for (int i = 0; i < keep; i++) {
			if (*n < max)
				rows[(*n)++] = all[i];
			else
				appeal_row_clear(&all[i]);
		}
	} else {
		for (int i = 0; i < got; i++)
			appeal_row_clear(&all[i]);
	}
	free(all);
	return rc;
}
