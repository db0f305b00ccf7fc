/* qifu enterprise import: a spreadsheet of enterprises (CSV from Excel or WPS, any
 * of the encodings they write) checked row by row like every other way in, then
 * written in one transaction: all or nothing by default, or the good rows with the
 * bad ones set aside in a rejects file. */
#include "cli/cmd_enterprise.h"

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

typedef struct good_row {
	ent_record e;
	long line;
} good_row;

typedef struct import_run {
	const char *path;
	good_row *good;
	long ngood, cap;
	long nbad;
	csv_writer *rejects;
	int ncols;
	bool show_errors;
	bool tty;
} import_run;

static void progress(const import_run *run, const char *what, long done, long total)
{
	if (!run->tty || total < 2000 || (done % 1000 != 0 && done != total))
		return;
	fputc('\r', stderr);
	fprintf(stderr, _("%s %ld/%ld (%ld%%)"), what, done, total, total ? done * 100 / total : 100);
	if (done == total)
		fputc('\n', stderr);
}

/* report one bad row: on stderr (the first 200), and into the rejects file */
static void bad_row(import_run *run, const csv_row *row, const char *column, const char *why)
{
	run->nbad++;
	if (run->nbad <= 200) {
		if (column)
			fprintf(stderr, _("%s:%ld: column %s: %s\n"), run->path, row->line, column, why);
		else
			fprintf(stderr, _("%s:%ld: %s\n"), run->path, row->line, why);
	} else if (run->nbad == 201) {
		fprintf(stderr, _("%s: more errors follow; only the first 200 are shown\n"), run->path);
	}
	if (run->rejects) {
		const char **cells = xcalloc((size_t)run->ncols + 2, sizeof *cells);
		int n = row->nfields < run->ncols ? row->nfields : run->ncols;
		for (int i = 0; i < n; i++)
			cells[i] = row->fields[i];
		char *reason = column ? xasprintf("%s: %s", column, why) : xstrdup(why);
		cells[run->ncols] = xasprintf("%ld", row->line);
		cells[run->ncols + 1] = reason;
		csvw_row(run->rejects, cells, run->ncols + 2);
		free((char *)cells[run->ncols]);
		free(reason);
		free(cells);
	}
}

/* check one data row: 0 kept in run->good, -1 reported as bad */
static int check_row(cli_ctx *ctx, import_run *run, const import_map *map, const csv_row *row,
                     seen *codes)
{
	ent_record e = { 0 };
	char *commissioner = NULL;
	ent_field bad;
	strbuf err = STRBUF_INIT;
	int rc = -1;
	if (import_row(map, row->fields, row->nfields, &e, &commissioner, &bad, &err) < 0 ||
	    ent_validate(cli_ent_rules(ctx), &e, NULL, &bad, &err) != ENT_OK) {
		bad_row(run, row, ent_field_header(bad), sb_str(&err));
		goto out;
	}
	long first = seen_add(codes, e.uscc, row->line);
	if (first) {
		sb_addf(&err, _("USCC %s is also on line %ld of this file"), e.uscc, first);
		bad_row(run, row, ent_field_header(ENT_F_USCC), sb_str(&err));
		goto out;
	}
	char *owner = NULL;
	if (ent_store_uscc_owner(cli_db(ctx), e.uscc, &owner, &err) == 0) {
		sb_reset(&err);
		sb_addf(&err, _("USCC %s is already registered to %s"), e.uscc, owner);
		free(owner);
		bad_row(run, row, ent_field_header(ENT_F_USCC), sb_str(&err));
		goto out;
	}
	if (*commissioner) {
		staff *s = NULL;
		if (staff_store_get(cli_db(ctx), commissioner, &s, &err) != 0) {
			sb_reset(&err);
			sb_addf(&err, _("no staff login '%s'"), commissioner);
			bad_row(run, row, ent_field_header(ENT_F_COMMISSIONER), sb_str(&err));
			goto out;
		}
		e.commissioner_id = s->id;
		staff_free(&s);
	}
	if (run->ngood == run->cap) {
		run->cap = run->cap ? run->cap * 2 : 256;
		run->good = xrealloc(run->good, sizeof *run->good * (size_t)run->cap);
	}
	run->good[run->ngood].e = e;
	run->good[run->ngood].line = row->line;
	run->ngood++;
	memset(&e, 0, sizeof e);
	rc = 0;
out:
	ent_record_clear(&e);
	free(commissioner);
	sb_free(&err);
	return rc;
}

static int write_all(cli_ctx *ctx, import_run *run, strbuf *err)
{
	db *d = cli_db(ctx);
	const char *actor = cli_actor(ctx)->login;
	if (db_begin(d, err) < 0)
		return -1;
	for (long i = 0; i < run->ngood; i++) {
		int64_t id;
		if (ent_store_insert(d, actor, &run->good[i].e, &id, err) < 0) {
			sb_addf(err, _(" (line %ld)"), run->good[i].line);
			db_rollback(d);
			return -1;
		}
		progress(run, _("importing"), i + 1, run->ngood);
	}
	return db_commit(d, err);
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
	import_run run = { 0 };
	run.path = argv[optind];
	run.tty = isatty(STDERR_FILENO);
	strbuf err = STRBUF_INIT, ignored = STRBUF_INIT;
	seen codes = { 0 };
	import_map map;
	csv_row row;
	int rc = EXIT_USAGE;
	csv_reader *r = csv_open(run.path, &err);
	if (!r) {
		cli_error("%s", sb_str(&err));
		goto out;
	}
	int got = csv_next(r, &row, &err);
	if (got <= 0) {
		cli_error(got < 0 ? "%s: %s" : _("%s: no header row"), run.path, sb_str(&err));
		goto out;
	}
	if (import_map_header(&map, row.fields, row.nfields, &err, &ignored) < 0) {
		cli_error(_("%s:%ld: %s"), run.path, row.line, sb_str(&err));
		goto out;
	}
	if (ignored.len)
		cli_warn(_("%s: columns not in the template are ignored: %s"), run.path, sb_str(&ignored));
	run.ncols = row.nfields;
	if (rejects && !dry) {
		run.rejects = csvw_open(rejects, &err);
		if (!run.rejects) {
			cli_error("%s", sb_str(&err));
			goto out;
		}
		const char **head = xcalloc((size_t)run.ncols + 2, sizeof *head);
		for (int i = 0; i < run.ncols; i++)
			head[i] = row.fields[i];
		head[run.ncols] = "原文件行号";
		head[run.ncols + 1] = "错误原因";
		csvw_row(run.rejects, head, run.ncols + 2);
		free(head);
	}
	long rows = 0;
	while ((got = csv_next(r, &row, &err)) == 1) {
		rows++;
		check_row(ctx, &run, &map, &row, &codes);
		size_t done, total;
		csv_progress(r, &done, &total);
		if (run.tty && total > 1000000 && rows % 1000 == 0)
		{
			fputc('\r', stderr);
			fprintf(stderr, _("checking %zu%%"), done * 100 / total);
		}
	}
	if (run.tty && rows >= 1000)
		fputc('\n', stderr);
	if (got < 0) {
		/* a broken file cannot be trusted past the break: nothing is imported */
		cli_error(_("%s: %s; nothing imported"), run.path, sb_str(&err));
		goto out;
	}
	if (rows == 0) {
		cli_error(_("%s: only a header row, no enterprises"), run.path);
		goto out;
	}
	if (dry) {
		printf(_("%s (%s): %ld rows, %ld good, %ld bad; dry run, nothing written\n"), run.path,
		       csv_encoding(r), rows, run.ngood, run.nbad);
		rc = run.nbad ? EXIT_USAGE : EXIT_OK;
		goto out;
	}
	if (run.nbad && !rejects) {
		cli_error(P_("%s: %ld bad row; nothing imported (fix it, or use --skip-bad FILE)",
		             "%s: %ld bad rows; nothing imported (fix them, or use --skip-bad FILE)",
		             run.nbad), run.path, run.nbad);
		goto out;
	}
	sb_reset(&err);
	if (write_all(ctx, &run, &err) < 0) {
		cli_error(_("%s; nothing imported"), sb_str(&err));
		goto out;
	}
	if (run.rejects && csvw_close(&run.rejects, true, &err) < 0)
		cli_error("%s", sb_str(&err));
	printf(P_("%s (%s): imported %ld enterprise", "%s (%s): imported %ld enterprises",
	          run.ngood), run.path, csv_encoding(r), run.ngood);
	if (rejects)
		printf(P_(", %ld rejected row written to %s", ", %ld rejected rows written to %s",
		          run.nbad), run.nbad, rejects);
	printf("\n");
	rc = EXIT_OK;
out:
	if (run.rejects)
		csvw_close(&run.rejects, false, &err);
	for (long i = 0; i < run.ngood; i++)
		ent_record_clear(&run.good[i].e);
	free(run.good);
	seen_free(&codes);
	csv_close(&r);
	sb_free(&err);
	sb_free(&ignored);
	return rc;
}
