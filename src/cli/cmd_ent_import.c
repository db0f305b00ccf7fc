/* qifu enterprise import: a spreadsheet of enterprises (CSV from Excel or WPS, any
 * of the encodings they write) checked row by row like every other way in, then
 * written in one transaction: all or nothing by default, or the good rows with the
 * bad ones set aside in a rejects file. The checking and the writing are shared with
 * the Enterprises pane's import (cli/ent_io.h); this file's command prints. */
#include "cli/cmd_enterprise.h"
#include "cli/ent_io.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/ent_import.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

/* the codes seen so far in the file, with the line of their first row */
typedef struct seen {
	char **keys;
	long *lines;
	size_t cap, n;
} seen;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* 0 when added; else the line where key was first seen */
static long seen_add(seen *t, const char *key, long line)
{
	if ((t->n + 1) * 2 > t->cap) {
		seen bigger = { 0 };
		bigger.cap = t->cap ? t->cap * 2 : 1024;
		bigger.keys = xcalloc(bigger.cap, sizeof *bigger.keys);
		bigger.lines = xcalloc(bigger.cap, sizeof *bigger.lines);
		for (size_t i = 0; i < t->cap; i++)
			if (t->keys[i])
				seen_add(&bigger, t->keys[i], t->lines[i]);
		for (size_t i = 0; i < t->cap; i++)
			free(t->keys[i]);
		free(t->keys);
		free(t->lines);
		*t = bigger;
	}
	size_t i = hash(key) & (t->cap - 1);
	while (t->keys[i]) {
		if (strcmp(t->keys[i], key) == 0)
			return t->lines[i];
		i = (i + 1) & (t->cap - 1);
	}
	t->keys[i] = xstrdup(key);
	t->lines[i] = line;
	t->n++;
	return 0;
}

static void seen_free(seen *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->keys[i]);
	free(t->keys);
	free(t->lines);
}

/* the state of one check: the result, and what only the check needs */
typedef struct check_run {
	const char *path;
	ent_import_result *imp;
	const ent_import_hooks *hooks;
	seen codes;
} check_run;

static void report_bad(check_run *run, const csv_row *row, const char *column, const char *why)
{
	run->imp->nbad++;
	if (run->hooks && run->hooks->bad)
		run->hooks->bad(run->hooks->arg, row, column, why);
}

/* check one data row: 0 kept among the good rows, -1 reported as bad */
static int check_row(cli_ctx *ctx, check_run *run, const import_map *map, const csv_row *row)
{
	ent_record e = { 0 };
	char *commissioner = NULL;
	ent_field bad;
	strbuf err = STRBUF_INIT;
	int rc = -1;
	ent_import_result *imp = run->imp;
	if (import_row(map, row->fields, row->nfields, &e, &commissioner, &bad, &err) < 0 ||
	    ent_validate(cli_ent_rules(ctx), &e, NULL, &bad, &err) != ENT_OK) {
		report_bad(run, row, ent_field_header(bad), sb_str(&err));
		goto out;
	}
	long first = seen_add(&run->codes, e.uscc, row->line);
	if (first) {
		sb_addf(&err, _("USCC %s is also on line %ld of this file"), e.uscc, first);
		report_bad(run, row, ent_field_header(ENT_F_USCC), sb_str(&err));
		goto out;
	}
	char *owner = NULL;
	if (ent_store_uscc_owner(cli_db(ctx), e.uscc, &owner, &err) == 0) {
		sb_reset(&err);
		sb_addf(&err, _("USCC %s is already registered to %s"), e.uscc, owner);
		free(owner);
		report_bad(run, row, ent_field_header(ENT_F_USCC), sb_str(&err));
		goto out;
	}
	if (*commissioner) {
		staff *s = NULL;
		if (staff_store_get(cli_db(ctx), commissioner, &s, &err) != 0) {
			sb_reset(&err);
			sb_addf(&err, _("no staff login '%s'"), commissioner);
			report_bad(run, row, ent_field_header(ENT_F_COMMISSIONER), sb_str(&err));
			goto out;
		}
		e.commissioner_id = s->id;
		staff_free(&s);
	}
	if (imp->ngood == imp->cap) {
		imp->cap = imp->cap ? imp->cap * 2 : 256;
		imp->good = xrealloc(imp->good, sizeof *imp->good * (size_t)imp->cap);
	}
	imp->good[imp->ngood].e = e;
	imp->good[imp->ngood].line = row->line;
	imp->ngood++;
	memset(&e, 0, sizeof e);
	rc = 0;
out:
	ent_record_clear(&e);
	free(commissioner);
	sb_free(&err);
	return rc;
}

/* how often checking reports, in rows */
#define CHECK_PROGRESS_EVERY 1000

int ent_import_check(cli_ctx *ctx, const char *path, const ent_import_hooks *hooks,
                     ent_import_result *imp, strbuf *err)
{
	memset(imp, 0, sizeof *imp);
	imp->path = xstrdup(path);
	check_run run = { path, imp, hooks, { 0 } };
	strbuf why = STRBUF_INIT, ignored = STRBUF_INIT;
	import_map map;
	csv_row row;
	int rc = -1;
	csv_reader *r = csv_open(path, &why);
	if (!r) {
		sb_add(err, sb_str(&why));
		goto out;
	}
	imp->encoding = xstrdup(csv_encoding(r));
	int got = csv_next(r, &row, &why);
	if (got <= 0) {
		if (got < 0)
			sb_addf(err, "%s: %s", path, sb_str(&why));
		else
			sb_addf(err, _("%s: no header row"), path);
		goto out;
	}
	if (import_map_header(&map, row.fields, row.nfields, &why, &ignored) < 0) {
		sb_addf(err, _("%s:%ld: %s"), path, row.line, sb_str(&why));
		goto out;
	}
	if (hooks && hooks->header && hooks->header(hooks->arg, &row, sb_str(&ignored), err) < 0)
		goto out;
	while ((got = csv_next(r, &row, &why)) == 1) {
		imp->rows++;
		check_row(ctx, &run, &map, &row);
		size_t done, total;
		csv_progress(r, &done, &total);
		if (hooks && hooks->progress && imp->rows % CHECK_PROGRESS_EVERY == 0 &&
		    hooks->progress(hooks->arg, ENT_IO_CHECK, (long)done, (long)total)) {
			sb_add(err, _("import cancelled; nothing imported"));
			goto out;
		}
	}
	if (got < 0) {
		/* a broken file cannot be trusted past the break: nothing is imported */
		sb_addf(err, _("%s: %s; nothing imported"), path, sb_str(&why));
		goto out;
	}
	if (imp->rows == 0) {
		sb_addf(err, _("%s: only a header row, no enterprises"), path);
		goto out;
	}
	rc = 0;
out:
	seen_free(&run.codes);
	csv_close(&r);
	sb_free(&why);
	sb_free(&ignored);
	return rc;
}

/* how often writing reports, in rows */
#define WRITE_PROGRESS_EVERY 500

int ent_import_write(cli_ctx *ctx, const ent_import_result *imp, ent_io_progress progress,
                     void *arg, strbuf *err)
{
	db *d = cli_db(ctx);
	const char *actor = cli_actor(ctx)->login;
	if (db_begin(d, err) < 0)
		return -1;
	for (long i = 0; i < imp->ngood; i++) {
		int64_t id;
		if (ent_store_insert(d, actor, &imp->good[i].e, &id, err) < 0) {
			sb_addf(err, _(" (line %ld)"), imp->good[i].line);
			db_rollback(d);
			return -1;
		}
		long done = i + 1;
		if (progress && (done % WRITE_PROGRESS_EVERY == 0 || done == imp->ngood) &&
		    progress(arg, ENT_IO_IMPORT, done, imp->ngood)) {
			sb_add(err, _("import cancelled"));
			db_rollback(d);
			return -1;
		}
	}
	return db_commit(d, err);
}

void ent_import_free(ent_import_result *imp)
{
	for (long i = 0; i < imp->ngood; i++)
		ent_record_clear(&imp->good[i].e);
	xfree(&imp->good);
	xfree(&imp->path);
	xfree(&imp->encoding);
	memset(imp, 0, sizeof *imp);
}

/* what the command adds to a check: errors on stderr, a rejects file, a progress bar */
typedef struct import_cli {
	const char *path;
	const char *rejects_path;
	csv_writer *rejects;
	int ncols;
	long nbad;
	bool tty;
} import_cli;

static int cli_header(void *arg, const csv_row *row, const char *ignored, strbuf *err)
{
	import_cli *c = arg;
	if (*ignored)
		cli_warn(_("%s: columns not in the template are ignored: %s"), c->path, ignored);
	c->ncols = row->nfields;
	if (!c->rejects_path)
		return 0;
	c->rejects = csvw_open(c->rejects_path, err);
	if (!c->rejects)
		return -1;
	const char **head = xcalloc((size_t)c->ncols + 2, sizeof *head);
	for (int i = 0; i < c->ncols; i++)
		head[i] = row->fields[i];
	head[c->ncols] = "原文件行号";
	head[c->ncols + 1] = "错误原因";
	csvw_row(c->rejects, head, c->ncols + 2);
	free(head);
	return 0;
}

/* report one bad row: on stderr (the first 200), and into the rejects file */
static void cli_bad(void *arg, const csv_row *row, const char *column, const char *why)
{
	import_cli *c = arg;
	c->nbad++;
	if (c->nbad <= 200) {
		if (column)
			fprintf(stderr, _("%s:%ld: column %s: %s\n"), c->path, row->line, column, why);
		else
			fprintf(stderr, _("%s:%ld: %s\n"), c->path, row->line, why);
	} else if (c->nbad == 201) {
		fprintf(stderr, _("%s: more errors follow; only the first 200 are shown\n"), c->path);
	}
	if (c->rejects) {
		const char **cells = xcalloc((size_t)c->ncols + 2, sizeof *cells);
		int n = row->nfields < c->ncols ? row->nfields : c->ncols;
		for (int i = 0; i < n; i++)
			cells[i] = row->fields[i];
		char *reason = column ? xasprintf("%s: %s", column, why) : xstrdup(why);
		cells[c->ncols] = xasprintf("%ld", row->line);
		cells[c->ncols + 1] = reason;
		csvw_row(c->rejects, cells, c->ncols + 2);
		free((char *)cells[c->ncols]);
		free(reason);
		free(cells);
	}
}

static bool cli_progress(void *arg, ent_io_phase phase, long done, long total)
{
	import_cli *c = arg;
	if (!c->tty)
		return false;
	if (phase == ENT_IO_CHECK) {
		if (total > 1000000) {
			fputc('\r', stderr);
			fprintf(stderr, _("checking %zu%%"), (size_t)(done * 100 / total));
		}
		return false;
	}
	if (total < 2000 || (done % 1000 != 0 && done != total))
		return false;
	fputc('\r', stderr);
	fprintf(stderr, _("%s %ld/%ld (%ld%%)"), _("importing"), done, total,
	        total ? done * 100 / total : 100);
	if (done == total)
		fputc('\n', stderr);
	return false;
}

int ent_import(cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool dry = false;
	const char *rejects = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': dry = true; break;
		case 's': rejects = optarg; break;
		case 'h':
			printf(_("usage: qifu enterprise import FILE.csv [--dry-run] [--skip-bad REJECTS.csv]\n"
			         "Columns by header, in any order: 企业名称 统一社会信用代码 所属区域 企业类别 "
			         "(required), 所属系 航空类 引进单位 地址 法定代表人 联系人 联系电话 服务专员.\n"
			         "Any bad row: nothing is imported. --skip-bad imports the good rows and writes "
			         "the bad ones, with the reason, to REJECTS.csv.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		cli_error(_("usage: qifu enterprise import FILE.csv [--dry-run] [--skip-bad REJECTS.csv]"));
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_ENT_IMPORT, NULL, NULL))
		return EXIT_NO;
	import_cli cl = { 0 };
	cl.path = argv[optind];
	cl.rejects_path = dry ? NULL : rejects;
	cl.tty = isatty(STDERR_FILENO);
	ent_import_hooks hooks = { cli_header, cli_bad, cli_progress, &cl };
	ent_import_result imp;
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	int checked = ent_import_check(ctx, cl.path, &hooks, &imp, &err);
	if (cl.tty && imp.rows >= 1000)
		fputc('\n', stderr);
	if (checked < 0) {
		cli_error("%s", sb_str(&err));
		goto out;
	}
	if (dry) {
		printf(_("%s (%s): %ld rows, %ld good, %ld bad; dry run, nothing written\n"), cl.path,
		       imp.encoding, imp.rows, imp.ngood, imp.nbad);
		rc = imp.nbad ? EXIT_USAGE : EXIT_OK;
		goto out;
	}
	if (imp.nbad && !rejects) {
		cli_error(P_("%s: %ld bad row; nothing imported (fix it, or use --skip-bad FILE)",
		             "%s: %ld bad rows; nothing imported (fix them, or use --skip-bad FILE)",
		             imp.nbad), cl.path, imp.nbad);
		goto out;
	}
	sb_reset(&err);
	if (ent_import_write(ctx, &imp, cli_progress, &cl, &err) < 0) {
		cli_error(_("%s; nothing imported"), sb_str(&err));
		goto out;
	}
	if (cl.rejects && csvw_close(&cl.rejects, true, &err) < 0)
		cli_error("%s", sb_str(&err));
	printf(P_("%s (%s): imported %ld enterprise", "%s (%s): imported %ld enterprises",
	          imp.ngood), cl.path, imp.encoding, imp.ngood);
	if (rejects)
		printf(P_(", %ld rejected row written to %s", ", %ld rejected rows written to %s",
		          imp.nbad), imp.nbad, rejects);
	printf("\n");
	rc = EXIT_OK;
out:
	if (cl.rejects)
		csvw_close(&cl.rejects, false, &err);
	ent_import_free(&imp);
	sb_free(&err);
	return rc;
}
