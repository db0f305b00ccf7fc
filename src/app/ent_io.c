/* Enterprise spreadsheets in and out (app/ent_io.h): the register walked a page at a
 * time, the export writer, and the import that reads and checks a whole file before
 * anything is written. */
#include "app/ent_io.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/chunk.h"
#include "app/sheet_rows.h"
#include "app/store_text.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "core/xlsx_read.h"
#include "model/category.h"
#include "model/ent_import.h"
#include "model/enterprise.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

/* the register in chunks (app/chunk.h): each chunk starts from the last row of the
 * one before (by key: its cost is its own rows, where an offset walked again all the
 * rows before it), by offset only for a sort that has no key */
typedef struct ent_chunks {
	const ent_filter *f;
	ent_sort sort;
	bool desc;
	bool by_offset;   /* the sort has no key */
	int cache;        /* the page cache's size before the walk (db_cache_size) */
} ent_chunks;

/* The page cache of a walk by key, in KiB. The rows of the name order lie on the
 * table's pages in no order, so the walk reads each page about once (100 000 rows:
 * 93 000 page reads with 8 MB of cache as with 1 MB), and a large cache only costs
 * its filling: 1 MB made the list of all 100 000 rows 14 % cheaper, of 12 000 rows
 * 27 % (issue 14). A walk by offset goes over the same index pages chunk after
 * chunk: it keeps the cache it had. */
#define ENT_WALK_CACHE_KIB 1024

static int ent_chunk_read(db *d, void *query, const void *last, long offset, int limit,
                          void *out, int *n, store_err *err)
{
	ent_chunks *q = query;
	if (!q->by_offset) {
		int got = ent_store_window_from(d, q->f, q->sort, q->desc,
		                                last ? ((const ent_record *)last)->id : 0, false,
		                                limit, out, n, err);
		if (got != 1)
			return got;
		q->by_offset = true;
		db_cache_size(d, q->cache);
	}
	return ent_store_window(d, q->f, q->sort, q->desc, offset, limit, out, n, err);
}

static void ent_chunk_clear(void *rec)
{
	ent_record_clear(rec);
}

typedef struct ent_each_state {
	app_ctx *ctx;
	app_access_tally *tally;
	bool out;   /* through app_ent_row_out */
	int (*fn)(const ent_record *e, void *arg, strbuf *err);
	void *arg;
} ent_each_state;

static int ent_each_row(void *rec, void *arg, strbuf *err)
{
	ent_each_state *st = arg;
	if (st->out)
		app_ent_row_out(st->ctx, rec, st->tally);
	return st->fn(rec, st->arg, err);
}

static int ent_each(app_ctx *ctx, const ent_filter *f, ent_sort sort, bool desc,
                    const ent_each_state *st, strbuf *err)
{
	db *d = app_db(ctx);
	ent_chunks q = { f, sort, desc, false, db_cache_size(d, -ENT_WALK_CACHE_KIB) };
	app_chunked c = { ent_chunk_read, &q, sizeof(ent_record), ent_chunk_clear, 0 };
	int rc = app_each_chunk(ctx, &c, ent_each_row, (void *)st, err);
	if (!q.by_offset)
		db_cache_size(d, q.cache);
	return rc;
}

int app_ent_each(app_ctx *ctx, const ent_filter *f, ent_sort sort, bool desc,
                 int (*fn)(const ent_record *e, void *arg, strbuf *err), void *arg,
                 app_access_tally *tally, strbuf *err)
{
	ent_each_state st = { ctx, tally, true, fn, arg };
	return ent_each(ctx, f, sort, desc, &st, err);
}

int app_ent_each_stored(app_ctx *ctx, const ent_filter *f, ent_sort sort, bool desc,
                        int (*fn)(const ent_record *e, void *arg, strbuf *err), void *arg,
                        strbuf *err)
{
	ent_each_state st = { ctx, NULL, false, fn, arg };
	return ent_each(ctx, f, sort, desc, &st, err);
}

/* the export columns: the import template's, so an export can be imported again,
 * then the routing for reading */
static const ent_field export_fields[] = {
	ENT_F_NAME, ENT_F_USCC, ENT_F_AREA, ENT_F_CATEGORY, ENT_F_GROUP, ENT_F_AVIATION,
	ENT_F_INTRODUCED, ENT_F_ADDRESS, ENT_F_LEGAL_REP, ENT_F_CONTACT, ENT_F_PHONE,
	ENT_F_COMMISSIONER,
};
#define NEXPORT ((int)(sizeof export_fields / sizeof export_fields[0]) + 2)

typedef struct export_state {
	csv_writer *csv;
	xlsx_table *xlsx;
	const catalog *cat;
	long rows, total;
	ent_io_progress progress;
	void *arg;
} export_state;

/* how often a long export reports, in rows */
#define EXPORT_PROGRESS_EVERY 500

static int export_one(const ent_record *e, void *arg, strbuf *err)
{
	export_state *st = arg;
	const category *k = catalog_category(st->cat, e->category);
	strbuf coop = STRBUF_INIT;
	for (const char *p = e->coop_units; *p; p++)
		*p == '|' ? sb_add(&coop, "、") : sb_addc(&coop, *p);
	const char *cells[NEXPORT] = { e->name, e->uscc, e->area, k ? k->label : e->category,
		e->group, e->aviation ? "是" : "否", e->introduced_by, e->address, e->legal_rep,
		e->contact, e->phone, e->commissioner, e->lead_unit, sb_str(&coop) };
	int rc = 0;
	/* a failed write is reported by the close; stop at once */
	if ((st->csv && csvw_row(st->csv, cells, NEXPORT) < 0) ||
	    (st->xlsx && xlsx_row(st->xlsx, cells) < 0))
		rc = -1;
	st->rows++;
	if (rc == 0 && st->progress && st->rows % EXPORT_PROGRESS_EVERY == 0 &&
	    st->progress(st->arg, ENT_IO_EXPORT, st->rows, st->total)) {
		sb_add(err, _("export cancelled"));
		rc = -1;
	}
	sb_free(&coop);
	return rc;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

int ent_export_check_path(const char *path, bool *xlsx, strbuf *err)
{
	*xlsx = ends_with(path, ".xlsx");
	if (!*xlsx && !ends_with(path, ".csv")) {
		sb_addf(err, _("export: %s: the file name must end in .csv or .xlsx"), path);
		return -1;
	}
	return 0;
}

int ent_export_write(app_ctx *ctx, const ent_filter *f, ent_sort sort, bool desc,
                     const char *path, ent_io_progress progress, void *arg, long *rows,
                     strbuf *err)
{
	bool xlsx;
	*rows = 0;
	if (ent_export_check_path(path, &xlsx, err) < 0)
		return -1;
	export_state st = { 0 };
	st.cat = app_ent_rules(ctx)->cat;
	st.progress = progress;
	st.arg = arg;
	store_err se = { 0 };
	if (progress && ent_store_count(app_db(ctx), f, &st.total, &se) < 0)
		return app_store_rc(-1, &se, err);
	const char *headers[NEXPORT];
	for (int i = 0; i < NEXPORT - 2; i++)
		headers[i] = ent_field_header(export_fields[i]);
	headers[NEXPORT - 2] = "牵头单位";
	headers[NEXPORT - 1] = "配合单位";
	if (xlsx) {
		xlsx_col cols[NEXPORT];
		for (int i = 0; i < NEXPORT; i++) {
			cols[i].header = headers[i];
			cols[i].kind = i == 1 || i == 10 ? XLSX_CODE : XLSX_TEXT;
		}
		char now[20], *title;
		db_now(app_db(ctx), now);
		title = xasprintf(_("Enterprise register, exported %s"), now);
		st.xlsx = xlsx_open(path, title, NEXPORT, cols, err);
		free(title);
	} else {
		st.csv = csvw_open(path, err);
		if (st.csv)
			csvw_row(st.csv, headers, NEXPORT);
	}
	if (!st.csv && !st.xlsx)
		return -1;
	app_access_tally tally = { 0 };
	bool ok = app_ent_each(ctx, f, sort, desc, export_one, &st, &tally, err) == 0;
	/* personal data out in full is recorded before the file takes its place, or the
	 * file is not written (a failed close after it leaves one access too many) */
	ok = ok && app_access_export(ctx, "enterprise", &tally, path, err) == 0;
	int closed = xlsx ? xlsx_close(&st.xlsx, ok, err) : csvw_close(&st.csv, ok, err);
	if (!ok || closed < 0)
		return -1;
	*rows = st.rows;
	return 0;
}

/* the codes of the rows refused as already registered, with the line of the first:
 * a later row with the same code is named a duplicate in the file, as a row whose
 * twin was written is (that one is found in the database among the new rows) */
/* a commissioner's login as this database knows it: a register names a handful of
 * staff over and over, so each is read once (up to LOGINS_KEPT of them) */
#define LOGINS_KEPT 64
typedef struct login_seen {
	char *login;
	int64_t id;      /* 0: no such login */
} login_seen;

/* the state of one run: the result, and what only the run needs */
typedef struct check_run {
	const char *path;
	ent_import_result *imp;
	const ent_import_hooks *hooks;
	ent_bulk bulk;          /* the rows added so far follow bulk.base, in order */
	import_lines lines;     /* and came from these lines of the file */
	sheet_seen registered;  /* codes refused as already registered */
	login_seen logins[LOGINS_KEPT];
	int nlogins;
	strbuf fail;            /* the database failed: why, and the run stops */
} check_run;

/* a fault found in a row, refused or kept with a warning as import_fault_outcome
 * decides (column: the template field at fault, ENT_F_NONE the row as a whole) */
static import_outcome report(check_run *run, const csv_row *row, ent_field f, import_fault fault,
                             const char *why)
{
	import_outcome o = import_fault_outcome(f, fault);
	const ent_import_hooks *h = run->hooks;
	if (o == IMPORT_REFUSE) {
		run->imp->nbad++;
		if (h && h->bad)
			h->bad(h->arg, row, ent_field_header(f), why);
	} else if (h && h->warn) {
		h->warn(h->arg, row, ent_field_header(f), why);
	}
	return o;
}

/* the id of a staff login (0 none), read once per login; -1 with err set */
static int login_id(app_ctx *ctx, check_run *run, const char *login, int64_t *id, store_err *se)
{
	for (int i = 0; i < run->nlogins; i++)
		if (strcmp(run->logins[i].login, login) == 0) {
			*id = run->logins[i].id;
			return 0;
		}
	staff *s = NULL;
	int found = staff_store_get(app_db(ctx), login, &s, se);
	if (found < 0)
		return -1;
	*id = found == 0 ? s->id : 0;
	staff_free(&s);
	if (run->nlogins < LOGINS_KEPT) {
		run->logins[run->nlogins].login = xstrdup(login);
		run->logins[run->nlogins++].id = *id;
	}
	return 0;
}

/* the commissioner's login resolved in this database: 0 found or left empty with a
 * warning, -1 the row refused */
static int check_commissioner(app_ctx *ctx, check_run *run, const csv_row *row,
                              const char *login, ent_record *e, bool *warned)
{
	store_err se = { 0 };
	strbuf why = STRBUF_INIT;
	int64_t id = 0;
	int rc = 0;
	if (login_id(ctx, run, login, &id, &se) < 0) {
		report(run, row, ENT_F_COMMISSIONER, IMPORT_FAULT_INVALID, app_store_text(&se, &why));
		rc = -1;
	} else if (id == 0) {
		sb_addf(&why, _("no staff login '%s' in this database; the field is left empty"), login);
		if (report(run, row, ENT_F_COMMISSIONER, IMPORT_FAULT_UNKNOWN, sb_str(&why)) ==
		    IMPORT_REFUSE)
			rc = -1;
		else
			*warned = true;
	} else {
		e->commissioner_id = id;
	}
	sb_free(&why);
	return rc;
}

/* a failure of the database while a row is written: the run stops with it */
static void run_failed(check_run *run, const csv_row *row, store_err *se)
{
	sb_reset(&run->fail);
	app_store_text(se, &run->fail);
	sb_addf(&run->fail, _(" (line %ld)"), row->line);
}

/* check one data row and add it to the open transaction when it is good (also in a
 * dry run, which rolls back: the rows already added find a duplicate in the file):
 * 0 kept among the good rows, -1 reported as bad or the database failed */
static int check_row(app_ctx *ctx, const char *actor, check_run *run, const import_map *map,
                     const csv_row *row)
{
	ent_record e = { 0 };
	char *commissioner = NULL, *owner = NULL;
	ent_field bad;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	int rc = -1, got;
	int64_t id;
	bool warned = false;
	ent_import_result *imp = run->imp;
	if (import_row(map, row->fields, row->nfields, &e, &commissioner, &bad, &err) < 0 ||
	    ent_validate(app_ent_rules(ctx), &e, NULL, &bad, &err) != ENT_OK) {
		report(run, row, bad, IMPORT_FAULT_INVALID, sb_str(&err));
		goto out;
	}
	got = ent_store_uscc_owner(app_db(ctx), e.uscc, &owner, &id, &se);
	if (got < 0) {
		run_failed(run, row, &se);
		goto out;
	}
	if (got == 0) {
		long first = id > run->bulk.base
		             ? import_lines_get(&run->lines, (long)(id - run->bulk.base - 1))
		             : sheet_seen_add(&run->registered, e.uscc, row->line);
		sb_reset(&err);
		if (first)
			sb_addf(&err, _("USCC %s is also on line %ld of this file"), e.uscc, first);
		else
			sb_addf(&err, _("USCC %s is already registered to %s"), e.uscc, owner);
		report(run, row, ENT_F_USCC, IMPORT_FAULT_DUPLICATE, sb_str(&err));
		goto out;
	}
	if (*commissioner && check_commissioner(ctx, run, row, commissioner, &e, &warned) < 0)
		goto out;
	if (ent_store_insert(app_db(ctx), actor, &e, &id, &se) < 0) {
		run_failed(run, row, &se);
		goto out;
	}
	import_lines_add(&run->lines, row->line);
	imp->ngood++;
	imp->nwarn += warned;
	if (run->hooks && run->hooks->good)
		run->hooks->good(run->hooks->arg, row->line, &e);
	rc = 0;
out:
	ent_record_clear(&e);
	free(commissioner);
	free(owner);
	sb_free(&err);
	return rc;
}

/* the template's columns as a header row maps them, and the columns it ignores */
typedef struct ent_header_try {
	import_map *map;
	strbuf *ignored;
} ent_header_try;

/* whether a row is the template's header (sheet_header_fn) */
static int ent_header(void *arg, const csv_row *row, strbuf *why, int *found)
{
	ent_header_try *t = arg;
	sb_reset(t->ignored);
	if (import_map_header(t->map, row->fields, row->nfields, why, t->ignored) == 0)
		return 0;
	*found = 0;
	for (int f = 0; f < ENT_F__COUNT; f++)
		*found += t->map->col[f] >= 0;
	return -1;
}

/* a cell of a template column whose number lost its digits refuses the row */
static int check_lost(check_run *run, const import_map *map, const csv_row *row,
                      const xlsx_cell *kinds)
{
	for (int f = ENT_F_NAME; kinds && f < ENT_F__COUNT; f++) {
		int c = map->col[f];
		if (c < 0 || c >= row->nfields || kinds[c] != XLSX_CELL_LOST)
			continue;
		strbuf why = STRBUF_INIT;
		sb_addf(&why, _("the cell holds the number %s, too long for a spreadsheet number: its "
		                "last digits are lost. Format the column as text and type the values "
		                "again"), row->fields[c]);
		report(run, row, (ent_field)f, IMPORT_FAULT_DAMAGED, sb_str(&why));
		sb_free(&why);
		return -1;
	}
	return 0;
}

/* what a data row is checked with */
typedef struct each_row {
	app_ctx *ctx;
	const char *actor;
	check_run *run;
	const import_map *map;
	const sheet_rows *src;
} each_row;

/* one data row (sheet_row_fn): stops the run when the database failed */
static int ent_row(void *arg, const csv_row *row, strbuf *why)
{
	each_row *e = arg;
	if (check_lost(e->run, e->map, row, e->src->kinds) == 0 &&
	    check_row(e->ctx, e->actor, e->run, e->map, row) < 0 && e->run->fail.len) {
		sb_add(why, sb_str(&e->run->fail));
		return -1;
	}
	return 0;
}

int ent_import_run(app_ctx *ctx, const char *path, const char *sheet, ent_import_mode mode,
                   const ent_import_hooks *hooks, ent_import_result *imp, strbuf *err)
{
	memset(imp, 0, sizeof *imp);
	imp->path = xstrdup(path);
	check_run run = { .path = path, .imp = imp, .hooks = hooks, .fail = STRBUF_INIT };
	strbuf why = STRBUF_INIT, ignored = STRBUF_INIT;
	store_err se = { 0 };
	import_map map;
	csv_row row;
	sheet_rows src;
	int rc = -1, got;
	bool open = false;
	ent_io_phase phase = mode == ENT_IMPORT_CHECK ? ENT_IO_CHECK : ENT_IO_IMPORT;
	db *d = app_db(ctx);
	const char *actor = app_actor(ctx)->login;
	ent_header_try try = { &map, &ignored };
	bool opened = sheet_rows_open(&src, path, sheet, err) == 0;
	if (opened) {
		imp->encoding = xstrdup(src.encoding);
		imp->sheet = src.sheet ? xstrdup(src.sheet) : NULL;
	}
	if (!opened || sheet_rows_header(&src, &row, ent_header, &try, err) < 0)
		goto out;
	if (hooks && hooks->header && hooks->header(hooks->arg, &row, sb_str(&ignored), err) < 0)
		goto out;
	/* one transaction for the whole file; the rows are checked against it as they go */
	if (db_begin(d, &se) < 0 || (open = true, ent_store_bulk_begin(d, &run.bulk, &se) < 0)) {
		app_store_text(&se, err);
		goto out;
	}
	each_row each = { ctx, actor, &run, &map, &src };
	got = sheet_rows_each(&src, ent_row, &each, hooks ? hooks->progress : NULL,
	                      hooks ? hooks->arg : NULL, phase, &imp->rows, err);
	if (got < 0)
		goto out;
	if (got > 0) {
		sb_addf(err, _("%s: only a header row, no enterprises"), path);
		goto out;
	}
	if (!import_commits(mode, imp->nbad)) {
		rc = 0;
		goto out;
	}
	if (hooks && hooks->progress)
		hooks->progress(hooks->arg, ENT_IO_INDEX, imp->ngood, imp->ngood);
	if (ent_store_bulk_end(d, &run.bulk, &se) < 0 || db_commit(d, &se) < 0) {
		sb_addf(err, _("%s; nothing imported"), app_store_text(&se, &why));
		goto out;
	}
	open = false;
	imp->written = true;
	rc = 0;
out:
	/* a dry run, a file with a bad row, a failure: what was added goes */
	if (open)
		db_rollback(d);
	ent_store_bulk_free(&run.bulk);
	import_lines_free(&run.lines);
	sheet_seen_free(&run.registered);
	for (int i = 0; i < run.nlogins; i++)
		free(run.logins[i].login);
	sb_free(&run.fail);
	sheet_rows_close(&src);
	sb_free(&why);
	sb_free(&ignored);
	return rc;
}

void ent_import_free(ent_import_result *imp)
{
	xfree(&imp->path);
	xfree(&imp->encoding);
	xfree(&imp->sheet);
	memset(imp, 0, sizeof *imp);
}
