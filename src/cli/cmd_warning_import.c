/* qifu warning import: the signals the tax and market-supervision bureaus send
 * (零申报, 经营异常名录, 迁址, 注销) read by data/import/signals.tsv; the reading,
 * matching and writing are app/signal_io.h's, this file prints. */
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/import_report.h"
#include "app/signal_io.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/say.h"
#include "core/xalloc.h"

int warning_cmd_import(app_ctx *ctx, int argc, char **argv);

static void import_usage(FILE *fp)
{
	fprintf(fp, _(
		"usage: qifu warning import FILE.csv|FILE.xlsx [--kind KIND] [--sheet NAME] [--dry-run]\n"
		"                           [--skip-bad REJECTS.csv]\n"
		"A list of signals from the tax or market-supervision bureau, read by the kinds\n"
		"and column map of data/import/signals.tsv; --kind gives the kind of every row of\n"
		"a list without a kind column. Each signal, matched by USCC, opens a warning of\n"
		"its kind at the kind's level, or raises the enterprise's open warning of that\n"
		"kind one level; a move-out or deregistration sets the operating status. A signal\n"
		"imported before changes nothing. Any bad row: nothing is imported. --skip-bad\n"
		"imports the good rows and writes the bad ones, with the reason, to REJECTS.csv.\n"));
}

typedef struct signal_cli {
	import_cli rep;  /* first: the report's hooks take the run as their import_cli */
	bool dry;
	strbuf lines;
} signal_cli;

static void cli_good(void *arg, long line, const signal_done *g)
{
	signal_cli *c = arg;
	const char *kind = g->in->kind->words[0];
	const char *level = _(warn_level_label(g->level));
	sb_addf(&c->lines, "%s:%ld: ", c->rep.path, line);
	switch (g->action) {
	case SIG_OPEN:
		if (c->dry)
			sb_addf(&c->lines, _("a %s warning would open for %s (%s)"), kind, g->enterprise,
			        level);
		else
			sb_addf(&c->lines, _("warning %" PRId64 " opened for %s: %s (%s)"), g->warning_id,
			        g->enterprise, kind, level);
		break;
	case SIG_RAISE:
		sb_addf(&c->lines, c->dry ? _("warning %" PRId64 " of %s (%s) would rise to %s")
		                          : _("warning %" PRId64 " of %s (%s) raised to %s"),
		        g->warning_id, g->enterprise, kind, level);
		break;
	case SIG_AT_TOP:
		sb_addf(&c->lines, _("warning %" PRId64 " of %s (%s) is already at %s; signal noted"),
		        g->warning_id, g->enterprise, kind, level);
		break;
	case SIG_KNOWN:
		sb_addf(&c->lines, _("%s of %s was imported before; nothing changes"), kind,
		        g->enterprise);
		break;
	}
	if (g->status_changed)
		sb_addf(&c->lines, _("; status now %s"), _(ent_status_label(g->status)));
	sb_add(&c->lines, "\n");
}

/* --kind (import_cli_options' other) */
static int take_kind(void *arg, int c)
{
	if (c != 'k')
		return EXIT_USAGE;
	*(const char **)arg = optarg;
	return -1;
}

int warning_cmd_import(app_ctx *ctx, int argc, char **argv)
{
	static const struct option own[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const char *kind_arg = NULL;
	import_opts o;
	int parsed = import_cli_options(argc, argv, own, take_kind, &kind_arg, import_usage, &o);
	if (parsed >= 0)
		return parsed;
	if (optind != argc - 1) {
		import_usage(stderr);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	signal_map map;
	if (app_signal_map_load(&map, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	int rc = EXIT_USAGE;
	signal_import_result res = { 0 };
	signal_cli cl = { .dry = o.dry, .lines = STRBUF_INIT };
	const signal_kind *fixed = NULL;
	if (kind_arg && !(fixed = signal_kind_find(&map, kind_arg, true))) {
		signal_kind_list(&map, &err);
		say_error(_("--kind: '%s' is not a kind of signal; allowed: %s"), kind_arg,
		          sb_str(&err));
		goto out_map;
	}
	import_cli_init(&cl.rep, argv[optind], o.dry ? NULL : o.rejects, &res.rows);
	cl.rep.by_map = true;
	signal_import_hooks hooks = { .header = import_cli_header, .bad = import_cli_bad,
		.good = cli_good, .progress = import_cli_progress, .arg = &cl };
	int ran = app_signal_import(ctx, &map, fixed, cl.rep.path, o.sheet, import_cli_mode(&o),
	                            &hooks, &res, &err);
	if (import_cli_after(&cl.rep, ran, o.dry, res.written, res.nbad, &err) < 0)
		goto out;
	fputs(sb_str(&cl.lines), stdout);
	printf(_("%s (%s): %ld opened, %ld raised, %ld noted at the highest level, "
	         "%ld statuses changed, %ld imported before, %ld bad"),
	       cl.rep.path, res.encoding, res.nopened, res.nraised, res.nnoted, res.nstatus,
	       res.nknown, res.nbad);
	if (!import_cli_summary_end(&o, res.nbad) && res.nopened + res.nraised + res.nnoted == 0)
		printf(_("; no new signals"));
	printf("\n");
	rc = o.dry && res.nbad ? EXIT_USAGE : EXIT_OK;
out:
	import_cli_close(&cl.rep, false, &err);
	sb_free(&cl.lines);
	signal_import_result_free(&res);
out_map:
	signal_map_free(&map);
	sb_free(&err);
	return rc;
}
