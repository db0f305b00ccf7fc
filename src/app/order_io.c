/* Work orders in: the import of a channel's export and the matching queue (see
 * app/order_io.h). */
#include "app/order_io.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal.h"
#include "app/appeal_move.h"
#include "app/chunk.h"
#include "app/sheet_rows.h"
#include "app/store_text.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/uscc.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/appeal.h"
#include "model/perm.h"
#include "policy/policy.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

int app_order_map_load(const char *name, order_colmap *m, strbuf *err)
{
	/* a name, not a path: the maps a site keeps live beside the other data files */
	if (!*name || strchr(name, '/') || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
		sb_addf(err, _("'%s' is not the name of a column map (data/import/NAME.tsv)"), name);
		return -1;
	}
	char *rel = xasprintf("import/%s.tsv", name);
	char *path = paths_data_file(rel);
	int rc = policy_order_map_load(m, path, err);
	free(rel);
	free(path);
	return rc;
}

/* the state of one run */
typedef struct order_run {
	map_import mi;          /* the file, its header's columns and its bad rows */
	app_ctx *ctx;
	const order_colmap *map;
	const order_import_hooks *hooks;
	order_import_result *res;
	sheet_seen numbers;     /* the numbers of the file's orders, with their lines */
	order_cols cols;        /* the columns the header gave */
} order_run;

static int order_header_match(void *arg, const char *const *fields, int n, strbuf *why,
		strbuf *ignored)
{
	order_run *run = arg;
	return order_cols_match(run->map, fields, n, &run->cols, why, ignored);
}

static const char *order_code(int f)
{
	return order_field_code((order_field)f);
}

static void row_bad(order_run *run, const csv_row *row, order_field f, const char *why)
{
	map_import_bad(&run->mi, row, (int)f, why);
}

/* what the register says about o's enterprise; -1 when the database failed */
static int look_up(order_run *run, const order_in *o, order_lookup *l, char uscc[19])
{
	store_err se = { 0 };
	db *d = app_db(run->ctx);
	memset(l, 0, sizeof *l);
	uscc[0] = '\0';
	l->uscc_given = *o->uscc_typed != '\0';
	l->uscc_valid = o->uscc_valid;
	if (*o->uscc) {
		ent_record e = { 0 };
		int got = ent_store_get(d, o->uscc, 0, &e, &se);
		ent_record_clear(&e);
		if (got < 0)
			goto failed;
		l->uscc_found = got == 0;
		if (l->uscc_found)
			snprintf(uscc, 19, "%s", o->uscc);
	}
	l->name_given = *o->enterprise != '\0';
	if (!l->uscc_found && l->name_given &&
	    order_store_name_hits(d, o->enterprise, uscc, &l->name_hits, &se) < 0)
		goto failed;
	return 0;
failed:
	sb_reset(&run->mi.fail);
	app_store_text(&se, &run->mi.fail);
	return -1;
}

/* register o as an appeal of the enterprise uscc in the open transaction; -1 with
 * the reason in fail */
static int register_order(app_ctx *ctx, appeal_channel ch, const order_in *o,
		const char *uscc, char number[TICKET_NUMBER_SIZE], strbuf *fail)
{
	char *title = appeal_title_of(o->content, APPEAL_MOVE_TITLE_MAX);
	char *desc = text_sanitize(o->content, strlen(o->content), TEXT_KEEP_NEWLINES);
	char *caller = appeal_title_of(o->caller, APPEAL_CALLER_MAX);
	char *phone = appeal_title_of(o->phone, APPEAL_PHONE_MAX);
	appeal_new a = { .uscc = uscc, .title = title, .description = desc, .kind = o->kind,
		.channel = ch, .state = TICKET_ST_NEW, .caller_name = caller,
		.caller_phone = phone, .external_no = o->number };
	ticket_timers after;
	strbuf why = STRBUF_INIT;
	appeal_move_rc rc = appeal_move_register_held(ctx, &a, number, &after, &why);
	if (rc != APPEAL_MOVE_DONE) {
		sb_reset(fail);
		sb_addf(fail, _("work order %s cannot be registered: %s"), o->number, sb_str(&why));
	}
	sb_free(&why);
	free(title);
	free(desc);
	free(caller);
	free(phone);
	return rc == APPEAL_MOVE_DONE ? 0 : -1;
}

/* the order o as the store keeps it; strings borrowed from o */
static order_rec order_of(appeal_channel ch, const order_in *o, const char *source)
{
	order_rec r = { .channel = ch, .external_no = o->number, .received_at = o->received_at,
		.caller_name = o->caller, .caller_phone = o->phone, .content = o->content,
		.enterprise_name = o->enterprise, .uscc = *o->uscc ? o->uscc : o->uscc_typed,
		.kind_text = o->kind_text, .kind = o->kind, .due = o->due, .source = (char *)source };
	return r;
}

/* one data row: 0 done (good, held, known or bad), -1 the run stops (fail says why) */
static int order_import_row(void *arg, const csv_row *row)
{
	order_run *run = arg;
	const order_cols *cols = &run->cols;
	app_ctx *ctx = run->ctx;
	order_in o = { 0 };
	order_field bad;
	strbuf why = STRBUF_INIT;
	store_err se = { 0 };
	int rc = 0;
	appeal_channel ch = run->map->channel;
	const order_import_hooks *h = run->hooks;
	if (order_row_read(run->map, cols, row->fields, row->nfields, &o, &bad, &why) < 0) {
		row_bad(run, row, bad, sb_str(&why));
		goto out;
	}
	long first = sheet_seen_add(&run->numbers, o.number, row->line);
	if (first) {
		sb_addf(&why, _("work order %s is also on line %ld of this file"), o.number, first);
		row_bad(run, row, ORDER_F_NUMBER, sb_str(&why));
		goto out;
	}
	int64_t id, appeal_id;
	int found = order_store_find(app_db(ctx), ch, o.number, &id, &appeal_id, &se);
	if (found < 0) {
		app_store_text(&se, &run->mi.fail);
		rc = -1;
		goto out;
	}
	if (found == 0) {
		run->res->nknown++;
		if (h && h->known)
			h->known(h->arg, row->line, &o);
		goto out;
	}
	order_lookup l;
	char uscc[19];
	if (look_up(run, &o, &l, uscc) < 0) {
		rc = -1;
		goto out;
	}
	order_match how = order_match_decide(&l);
	char number[TICKET_NUMBER_SIZE] = "";
	if (!order_match_held(how) && register_order(ctx, ch, &o, uscc, number, &run->mi.fail) < 0) {
		rc = -1;
		goto out;
	}
	char *source = xasprintf("%s:%ld", run->mi.path, row->line);
	order_rec rec = order_of(ch, &o, source);
	rec.held_reason = (char *)order_match_code(how);
	snprintf(rec.appeal_number, sizeof rec.appeal_number, "%s", number);
	if (order_store_insert(app_db(ctx), app_actor(ctx)->login, &rec, &id, &se) < 0) {
		app_store_text(&se, &run->mi.fail);
		rc = -1;
	} else {
		if (order_match_held(how))
			run->res->nheld++;
		else
			run->res->nnew++;
		if (h && h->good)
			h->good(h->arg, row->line, &o, how, uscc, number);
	}
	free(source);
out:
	order_in_clear(&o);
	sb_free(&why);
	return rc;
}

int app_order_import(app_ctx *ctx, const order_colmap *m, const char *path, const char *sheet,
		ent_import_mode mode, const order_import_hooks *hooks, order_import_result *res,
		strbuf *err)
{
	memset(res, 0, sizeof *res);
	res->path = xstrdup(path);
	res->channel = m->channel;
	order_run run = { .ctx = ctx, .map = m, .hooks = hooks, .res = res };
	run.mi = (map_import){ .map = &m->cols, .nfields = ORDER_F__COUNT, .col = run.cols.col,
		.code = order_code, .match = order_header_match, .row = order_import_row, .arg = &run,
		.header = hooks ? hooks->header : NULL, .bad = hooks ? hooks->bad : NULL,
		.progress = hooks ? hooks->progress : NULL, .hook_arg = hooks ? hooks->arg : NULL,
		.nbad = &res->nbad, .fail = STRBUF_INIT };
	char *empty = xasprintf(_("%s: only a header row, no work orders"), path);
	int rc = map_import_file(app_db(ctx), &run.mi, path, sheet, mode, empty, &res->encoding,
	                         &res->rows, &res->written, err);
	free(empty);
	sheet_seen_free(&run.numbers);
	return rc;
}

void order_import_result_free(order_import_result *res)
{
	xfree(&res->path);
	xfree(&res->encoding);
	memset(res, 0, sizeof *res);
}

/* an order and its appeal's outcome as the export reads them; strings stay r's */
static order_out order_out_of(const order_result *r)
{
	const order_rec *o = &r->o;
	order_out out = { .result = r->result, .answered_at = r->answered_at,
		.callback = r->callback == APPEAL_CALLBACK_SATISFIED ? ORDER_CB_SATISFIED
		          : r->callback == APPEAL_CALLBACK_DISSATISFIED ? ORDER_CB_DISSATISFIED
		          : ORDER_CB_NONE,
		.callback_reason = r->callback_reason };
	out.field[ORDER_F_NUMBER] = o->external_no;
	out.field[ORDER_F_RECEIVED] = o->received_at;
	out.field[ORDER_F_CALLER] = o->caller_name;
	out.field[ORDER_F_PHONE] = o->caller_phone;
	out.field[ORDER_F_CONTENT] = o->content;
	out.field[ORDER_F_ENTERPRISE] = o->enterprise_name;
	out.field[ORDER_F_USCC] = o->uscc;
	out.field[ORDER_F_KIND] = o->kind_text;
	out.field[ORDER_F_DUE] = o->due;
	return out;
}

/* the export's chunks (app/chunk.h), by the order's id */
typedef struct order_chunks {
	appeal_channel channel;
	const char *from, *to;
} order_chunks;

static int order_chunk_read(db *d, void *query, const void *last, long offset, int limit,
                            void *out, int *n, store_err *err)
{
	(void)offset;
	const order_chunks *q = query;
	return order_store_results(d, q->channel, q->from, q->to,
	                           last ? ((const order_result *)last)->o.id : 0, limit, out, n,
	                           err);
}

static void order_chunk_clear(void *rec)
{
	order_result_clear(rec);
}

typedef struct order_export_state {
	app_ctx *ctx;
	const order_colmap *m;
	const order_field *fields;
	int nf;
	const char **cells;
	strbuf *text;
	csv_writer *csv;
	xlsx_table *book;
	long rows;
} order_export_state;

static int order_export_row(void *rec, void *arg, strbuf *err)
{
	(void)err;
	order_export_state *st = arg;
	order_result *r = rec;
	app_mask_caller(st->ctx, &r->o.caller_name, &r->o.caller_phone);
	order_out o = order_out_of(r);
	for (int c = 0; c < st->nf; c++) {
		order_export_cell(st->m, &o, st->fields[c], &st->text[c]);
		st->cells[c] = sb_str(&st->text[c]);
	}
	/* a failed write is reported by the close */
	if ((st->csv ? csvw_row(st->csv, st->cells, st->nf) : xlsx_row(st->book, st->cells)) != 0)
		return -1;
	st->rows++;
	return 0;
}

int app_order_export(app_ctx *ctx, const order_colmap *m, const char *path, const char *from,
		const char *to, long *rows, strbuf *err)
{
	*rows = 0;
	bool xlsx = false;
	if (path && ent_export_check_path(path, &xlsx, err) < 0)
		return -1;
	order_field fields[ORDER_F__COUNT];
	int nf = order_export_fields(m, fields);
	const char *cells[ORDER_F__COUNT];
	strbuf text[ORDER_F__COUNT];
	for (int c = 0; c < nf; c++) {
		text[c] = (strbuf)STRBUF_INIT;
		cells[c] = m->cols.headers[fields[c]][0];
	}
	order_export_state st = { ctx, m, fields, nf, cells, text, NULL, NULL, 0 };
	if (xlsx) {
		xlsx_col cols[ORDER_F__COUNT];
		for (int c = 0; c < nf; c++) {
			cols[c].header = cells[c];
			cols[c].kind = fields[c] == ORDER_F_NUMBER || fields[c] == ORDER_F_PHONE ||
			               fields[c] == ORDER_F_USCC ? XLSX_CODE : XLSX_TEXT;
		}
		char now[20];
		db_now(app_db(ctx), now);
		char *title = xasprintf(_("Work orders of %s with their results, exported %s"),
		                        _(appeal_channel_label(m->channel)), now);
		st.book = xlsx_open(path, title, nf, cols, err);
		free(title);
	} else {
		st.csv = path ? csvw_open(path, err) : csvw_open_fp(stdout, false);
		if (st.csv)
			csvw_row(st.csv, cells, nf);
	}
	bool ok = st.csv || st.book;
	if (ok) {
		order_chunks q = { m->channel, from, to };
		app_chunked c = { order_chunk_read, &q, sizeof(order_result), order_chunk_clear, 0 };
		strbuf why = STRBUF_INIT;
		ok = app_each_chunk(ctx, &c, order_export_row, &st, &why) == 0;
		/* a read that failed is the reason; a write that failed, the close's */
		if (!ok && why.len)
			sb_add(err, sb_str(&why));
		sb_free(&why);
	}
	int closed = !st.csv && !st.book ? -1
	           : xlsx ? xlsx_close(&st.book, ok, err) : csvw_close(&st.csv, ok, err);
	for (int c = 0; c < nf; c++)
		sb_free(&text[c]);
	if (!ok || closed < 0)
		return -1;
	*rows = st.rows;
	return 0;
}

const app_column app_order_columns[ORDER_COL__COUNT] = {
	/* key, header, kind, screen: width, stretch, align, from pane width */
	[ORDER_COL_ID] = { "id", N_("Held"), COL_INT, 5, false, TEXT_RIGHT, 0 },
	[ORDER_COL_NUMBER] = { "external_no", N_("Work order"), COL_STR, 14, false, TEXT_LEFT, 0 },
	[ORDER_COL_RECEIVED] = { "received_at", N_("Call time"), COL_STR, 16, false, TEXT_LEFT,
		100 },
	[ORDER_COL_ENTERPRISE] = { "enterprise_name", N_("Enterprise as given"), COL_STR, 18,
		false, TEXT_LEFT, 0 },
	[ORDER_COL_USCC] = { "uscc", N_("USCC as given"), COL_STR, 18, false, TEXT_LEFT, 120 },
	[ORDER_COL_REASON] = { "held", N_("Why held"), COL_STR, 14, false, TEXT_LEFT, 0 },
	[ORDER_COL_CONTENT] = { "content", N_("Content"), COL_STR, 10, true, TEXT_LEFT, 0 },
	[ORDER_COL_CALLER] = { "caller_name", N_("Caller"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ORDER_COL_PHONE] = { "caller_phone", N_("Phone"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ORDER_COL_CHANNEL] = { "channel", N_("Channel"), COL_STR, 0, false, TEXT_LEFT, 0 },
	[ORDER_COL_SOURCE] = { "source", N_("Imported from"), COL_STR, 0, false, TEXT_LEFT, 0 },
};

void app_order_cell(const order_rec *r, int col, app_cell_form form, strbuf *out)
{
	bool words = form == CELL_WORDS;
	order_match m;
	switch ((enum app_order_col)col) {
	case ORDER_COL_ID: sb_addf(out, "%" PRId64, r->id); break;
	case ORDER_COL_NUMBER: sb_add(out, r->external_no); break;
	case ORDER_COL_RECEIVED: sb_add(out, r->received_at); break;
	case ORDER_COL_ENTERPRISE: sb_add(out, r->enterprise_name); break;
	case ORDER_COL_USCC: sb_add(out, r->uscc); break;
	case ORDER_COL_REASON:
		if (!words)
			sb_add(out, r->held_reason);
		else if (order_match_parse(r->held_reason, &m))
			sb_add(out, _(order_match_label(m)));
		break;
	case ORDER_COL_CONTENT:
		if (words) {
			/* one line in a table's cell */
			char *line = appeal_title_of(r->content, 200);
			sb_add(out, line);
			free(line);
		} else {
			sb_add(out, r->content);
		}
		break;
	case ORDER_COL_CALLER: sb_add(out, r->caller_name); break;
	case ORDER_COL_PHONE: sb_add(out, r->caller_phone); break;
	case ORDER_COL_CHANNEL:
		sb_add(out, words ? _(appeal_channel_label(r->channel)) : appeal_channel_code(r->channel));
		break;
	case ORDER_COL_SOURCE: sb_add(out, r->source); break;
	case ORDER_COL__COUNT: break;
	}
}

app_status app_order_held(app_ctx *ctx, order_rec **rows, int *n, strbuf *err)
{
	store_err se = { 0 };
	if (order_store_held(app_db(ctx), rows, n, &se) < 0) {
		for (int i = 0; i < *n; i++)
			order_rec_clear(&(*rows)[i]);
		free(*rows);
		*rows = NULL;
		*n = 0;
		app_store_text(&se, err);
		return APP_BAD;
	}
	for (int i = 0; i < *n; i++)
		app_mask_caller(ctx, &(*rows)[i].caller_name, &(*rows)[i].caller_phone);
	return APP_OK;
}

/* an order as read at import, from what the store kept; strings borrowed */
static order_in order_in_of(const order_rec *r)
{
	order_in o = { .number = r->external_no, .received_at = r->received_at,
		.caller = r->caller_name, .phone = r->caller_phone, .content = r->content,
		.enterprise = r->enterprise_name, .uscc = r->uscc, .uscc_typed = r->uscc,
		.kind_text = r->kind_text, .kind = r->kind, .due = r->due };
	return o;
}

app_status app_order_assign(app_ctx *ctx, int64_t id, const char *uscc,
		char number[TICKET_NUMBER_SIZE], strbuf *err)
{
	db *d = app_db(ctx);
	store_err se = { 0 };
	char code[19];
	uscc_check(uscc, code, NULL);
	ent_record e = { 0 };
	int got = *code ? ent_store_get(d, code, 0, &e, &se) : 1;
	if (got != 0) {
		if (got < 0)
			app_store_text(&se, err);
		else
			sb_addf(err, _("no enterprise with USCC %s"), uscc);
		return APP_BAD;
	}
	/* as for an appeal typed in: an enterprise the actor may see (an area officer's
	 * own area) */
	bool may = app_allowed(ctx, PERM_ENT_VIEW, e.area, NULL, err);
	ent_record_clear(&e);
	if (!may)
		return APP_NO;
	if (db_begin(d, &se) < 0) {
		app_store_text(&se, err);
		return APP_BAD;
	}
	order_rec r;
	app_status rc = APP_BAD;
	got = order_store_get(d, id, &r, &se);
	if (got != 0) {
		if (got < 0)
			app_store_text(&se, err);
		else
			sb_addf(err, _("no work order %" PRId64), id);
		db_rollback(d);
		return APP_BAD;
	}
	if (r.appeal_id) {
		store_err_name(store_err_set(&se, STORE_E_ORDER_ASSIGNED), 0, r.appeal_number);
		app_store_text(&se, err);
		rc = APP_NO;
		goto fail;
	}
	order_in o = order_in_of(&r);
	strbuf why = STRBUF_INIT;
	if (register_order(ctx, r.channel, &o, code, number, &why) < 0) {
		sb_add(err, sb_str(&why));
		sb_free(&why);
		rc = APP_NO;
		goto fail;
	}
	sb_free(&why);
	int w = order_store_assign(d, app_actor(ctx)->login, id, number, code, &se);
	if (w != 0 || db_commit(d, &se) < 0) {
		app_store_text(&se, err);
		rc = w > 0 ? APP_NO : APP_BAD;
		goto fail;
	}
	order_rec_clear(&r);
	return APP_OK;
fail:
	db_rollback(d);
	order_rec_clear(&r);
	return rc;
}
