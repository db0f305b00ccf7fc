/* The import commands' reporting (cli/import_report.h). */
#include "cli/import_report.h"

#include "cli/cli.h"
#include "cli/cli_args.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli/progress.h"
#include "core/i18n.h"
#include "core/say.h"
#include "core/xalloc.h"

int import_cli_header(void *arg, const csv_row *row, const char *ignored, strbuf *err)
{
	import_cli *c = arg;
	if (*ignored)
		say_warn(c->by_map ? _("%s: columns not in the column map are ignored: %s")
		                   : _("%s: columns not in the template are ignored: %s"),
		         c->path, ignored);
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

void import_cli_bad(void *arg, const csv_row *row, const char *column, const char *why)
{
	cli_report(arg, row, column, why, false);
}

void import_cli_warn(void *arg, const csv_row *row, const char *column, const char *why)
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
bool import_cli_progress(void *arg, ent_io_phase phase, long done, long total)
{
	import_cli *c = arg;
	if (!c->tty)
		return false;
	strbuf line = STRBUF_INIT;
	if (phase == ENT_IO_INDEX)
		sb_addf(&line, _("building the search index of %ld enterprises…"), done);
	else
		progress_line(&line, phase == ENT_IO_CHECK ? _("checking") : _("importing"),
		              *c->rows, (double)done, (double)total, now_seconds() - c->started);
	fprintf(stderr, "\r%s\033[K", sb_str(&line));
	fflush(stderr);
	c->drawn = true;
	sb_free(&line);
	return false;
}


void import_cli_init(import_cli *c, const char *path, const char *rejects_path,
		const long *rows)
{
	*c = (import_cli){ 0 };
	c->path = path;
	c->rejects_path = rejects_path;
	c->tty = isatty(STDERR_FILENO);
	c->rows = rows;
	c->started = now_seconds();
}

void import_cli_done(import_cli *c)
{
	if (c->drawn)
		fputc('\n', stderr);
	c->drawn = false;
}

int import_cli_close(import_cli *c, bool keep, strbuf *err)
{
	return c->rejects ? csvw_close(&c->rejects, keep, err) : 0;
}

int import_cli_after(import_cli *c, int ran, bool dry, bool written, long nbad,
		strbuf *err)
{
	import_cli_done(c);
	if (ran < 0) {
		say_error("%s", sb_str(err));
		return -1;
	}
	if (!dry && !written) {
		say_error(P_("%s: %ld bad row; nothing imported (fix it, or use --skip-bad FILE)",
		             "%s: %ld bad rows; nothing imported (fix them, or use --skip-bad FILE)",
		             nbad), c->path, nbad);
		return -1;
	}
	if (!dry && import_cli_close(c, true, err) < 0)
		say_error("%s", sb_str(err));
	return 0;
}

int import_cli_options(int argc, char **argv, const struct option *own,
		int (*other)(void *arg, int c), void *arg, void (*usage)(FILE *fp),
		import_opts *o)
{
	static const struct option common[] = {
		{ "sheet", required_argument, NULL, 'S' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
	};
	enum { NCOMMON = sizeof common / sizeof common[0], OWN_MAX = 8 };
	struct option opts[OWN_MAX + NCOMMON + 1];
	size_t n = 0;
	for (; own && own[n].name && n < OWN_MAX; n++)
		opts[n] = own[n];
	for (size_t i = 0; i < NCOMMON; i++)
		opts[n++] = common[i];
	opts[n] = (struct option){ NULL, 0, NULL, 0 };
	*o = (import_opts){ 0 };
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'S': o->sheet = optarg; break;
		case 'n': o->dry = true; break;
		case 's': o->rejects = optarg; break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case '?':
			return EXIT_USAGE;
		default: {
			int rc = other ? other(arg, c) : EXIT_USAGE;
			if (rc >= 0)
				return rc;
			break;
		}
		}
	}
	return -1;
}

ent_import_mode import_cli_mode(const import_opts *o)
{
	return o->dry ? ENT_IMPORT_CHECK : o->rejects ? ENT_IMPORT_GOOD : ENT_IMPORT_ALL;
}

bool import_cli_summary_end(const import_opts *o, long nbad)
{
	if (o->dry)
		printf(_("; dry run, nothing written"));
	else if (o->rejects && nbad)
		printf(_("; the bad rows are in %s"), o->rejects);
	else
		return false;
	return true;
}
