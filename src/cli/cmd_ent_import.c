/* qifu enterprise import: a spreadsheet of enterprises (CSV from Excel or WPS, any
 * of the encodings they write, or a sheet of an xlsx workbook) checked row by row
 * like every other way in and written in one transaction: all or nothing by
 * default, or the good rows with the bad ones set aside in a rejects file. The checking and the writing are shared with
 * the Enterprises pane's import (app/ent_io.h); this file's command prints. */
#include "cli/cmd_enterprise.h"
#include "cli/cli_args.h"
#include "cli/progress.h"
#include "app/ent_io.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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

/* what the command adds to a check: errors on stderr, a rejects file, a progress bar */
typedef struct import_cli {
	const char *path;
	const char *rejects_path;
	csv_writer *rejects;
	int ncols;
	long nshown;  /* errors and warnings on stderr so far */
	bool tty;
	bool drawn;   /* a progress line is on the terminal */
	double started;
	const ent_import_result *imp;
} import_cli;

static int cli_header(void *arg, const csv_row *row, const char *ignored, strbuf *err)
{
	import_cli *c = arg;
	if (*ignored)
		say_warn(_("%s: columns not in the template are ignored: %s"), c->path, ignored);
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

/* one row into the rejects file, the reason in its last column */
static void reject_row(import_cli *c, const csv_row *row, const char *reason)
{
	const char **cells = xcalloc((size_t)c->ncols + 2, sizeof *cells);
	int n = row->nfields < c->ncols ? row->nfields : c->ncols;
	for (int i = 0; i < n; i++)
		cells[i] = row->fields[i];
	cells[c->ncols] = xasprintf("%ld", row->line);
	cells[c->ncols + 1] = reason;
	csvw_row(c->rejects, cells, c->ncols + 2);
	free((char *)cells[c->ncols]);
	free(cells);
}

/* report a bad row (warning false) or a row kept with a column left empty: on
 * stderr (the first 200), and into the rejects file with the reason */
static void cli_report(import_cli *c, const csv_row *row, const char *column, const char *why,
                       bool warning)
{
	const char *kind = warning ? _("warning: ") : "";
	if (c->drawn && c->nshown <= 200) {
		fputs("\r\033[K", stderr);   /* the message takes the progress line's place */
		c->drawn = false;
	}
	if (++c->nshown <= 200) {
		if (column)
			fprintf(stderr, _("%s:%ld: %scolumn %s: %s\n"), c->path, row->line, kind, column,
			        why);
		else
			fprintf(stderr, _("%s:%ld: %s%s\n"), c->path, row->line, kind, why);
	} else if (c->nshown == 201) {
		fprintf(stderr, _("%s: more messages follow; only the first 200 are shown\n"), c->path);
	}
	if (c->rejects) {
		char *reason = column ? xasprintf("%s%s: %s", kind, column, why)
		                      : xasprintf("%s%s", kind, why);
		reject_row(c, row, reason);
		free(reason);
	}
}

static void cli_bad(void *arg, const csv_row *row, const char *column, const char *why)
{
	cli_report(arg, row, column, why, false);
}

static void cli_warn(void *arg, const csv_row *row, const char *column, const char *why)
{
	cli_report(arg, row, column, why, true);
}

/* seconds since an arbitrary start, for the rate */
static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* the progress line, redrawn in place on a terminal; a small file shows none */
static bool cli_progress(void *arg, ent_io_phase phase, long done, long total)
{
	import_cli *c = arg;
	if (!c->tty)
		return false;
	strbuf line = STRBUF_INIT;
	if (phase == ENT_IO_INDEX)
		sb_addf(&line, _("building the search index of %ld enterprises…"), done);
	else
		progress_line(&line, phase == ENT_IO_CHECK ? _("checking") : _("importing"),
		              c->imp->rows, (double)done, (double)total, now_seconds() - c->started);
	fprintf(stderr, "\r%s\033[K", sb_str(&line));
	fflush(stderr);
	c->drawn = true;
	sb_free(&line);
	return false;
}

int ent_import(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", required_argument, NULL, 's' },
		{ "sheet", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool dry = false;
	const char *rejects = NULL, *sheet = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'n': dry = true; break;
		case 's': rejects = optarg; break;
		case 'S': sheet = optarg; break;
		case 'h':
			printf(_("usage: qifu enterprise import FILE.csv|FILE.xlsx [--sheet NAME] [--dry-run]\n"
			         "                              [--skip-bad REJECTS.csv]\n"
			         "Columns by header, in any order: 企业名称 统一社会信用代码 所属区域 企业类别 "
			         "(required), 所属系 航空类 引进单位 地址 法定代表人 联系人 联系电话 服务专员.\n"
			         "A title above the header is skipped. An xlsx workbook is read from its first "
			         "sheet, or the one --sheet names.\n"
			         "Any bad row: nothing is imported. --skip-bad imports the good rows and writes "
			         "the bad ones, with the reason, to REJECTS.csv.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		say_error(_("usage: qifu enterprise import FILE.csv|FILE.xlsx [--sheet NAME] [--dry-run] "
		            "[--skip-bad REJECTS.csv]"));
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_ENT_IMPORT, NULL, NULL))
		return EXIT_NO;
	ent_import_result imp = { 0 };
	import_cli cl = { 0 };
	cl.path = argv[optind];
	cl.rejects_path = dry ? NULL : rejects;
	cl.tty = isatty(STDERR_FILENO);
	cl.imp = &imp;
	cl.started = now_seconds();
	ent_import_hooks hooks = { .header = cli_header, .bad = cli_bad, .warn = cli_warn,
	                           .progress = cli_progress, .arg = &cl };
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	int ran = ent_import_run(ctx, cl.path, sheet,
	                         dry ? ENT_IMPORT_CHECK : rejects ? ENT_IMPORT_GOOD : ENT_IMPORT_ALL,
	                         &hooks, &imp, &err);
	if (cl.drawn)
		fputc('\n', stderr);
	if (ran < 0) {
		say_error("%s", sb_str(&err));
		goto out;
	}
	if (dry) {
		printf(_("%s (%s): %ld rows, %ld good, %ld bad, %ld with a field left empty; dry run, "
		         "nothing written\n"), cl.path, imp.encoding, imp.rows, imp.ngood, imp.nbad,
		       imp.nwarn);
		rc = imp.nbad ? EXIT_USAGE : EXIT_OK;
		goto out;
	}
	if (!imp.written) {
		say_error(P_("%s: %ld bad row; nothing imported (fix it, or use --skip-bad FILE)",
		             "%s: %ld bad rows; nothing imported (fix them, or use --skip-bad FILE)",
		             imp.nbad), cl.path, imp.nbad);
		goto out;
	}
	if (cl.rejects && csvw_close(&cl.rejects, true, &err) < 0)
		say_error("%s", sb_str(&err));
	printf(P_("%s (%s): imported %ld enterprise", "%s (%s): imported %ld enterprises",
	          imp.ngood), cl.path, imp.encoding, imp.ngood);
	if (imp.nwarn)
		printf(P_(", %ld with a field left empty", ", %ld with a field left empty", imp.nwarn),
		       imp.nwarn);
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
