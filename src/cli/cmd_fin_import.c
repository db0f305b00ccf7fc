/* qifu financing import-results: the provincial financing credit platform's matching
 * results (金融机构, 金额, 状态: 已对接, 已放款, 未通过, …) read by
 * data/import/financing_results.tsv; the reading, matching and writing are
 * app/fin_result_io.h's, this file prints. */
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "cli/import_report.h"
#include "app/fin_result_io.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/say.h"
#include "core/xalloc.h"

int fin_cmd_import_results(app_ctx *ctx, int argc, char **argv);

static void import_usage(FILE *fp)
{
	fprintf(fp, _(
		"usage: qifu financing import-results FILE.csv|FILE.xlsx [--sheet NAME] [--dry-run]\n"
		"                                     [--skip-bad REJECTS.csv]\n"
		"The provincial financing credit platform's matching results, read by the column\n"
		"map and state words of data/import/financing_results.tsv. Each result finds its\n"
		"need by the need's number, else by the enterprise's USCC (its one open need, or\n"
		"the one of the result's amount) and moves it to the state's status with the\n"
		"institution and, for a funded state, the amount funded; the platform's words\n"
		"go into the need's history. A need that already reads so changes nothing. Any\n"
		"bad row: nothing is imported. --skip-bad imports the good rows and writes the\n"
		"bad ones, with the reason, to REJECTS.csv.\n"));
}

typedef struct res_cli {
	import_cli rep;  /* first: the report's hooks take the run as their import_cli */
	bool dry;
	strbuf lines;
} res_cli;

static void cli_good(void *arg, long line, const fin_res_done *g)
{
	res_cli *c = arg;
	const fin_res_in *in = g->in;
	sb_addf(&c->lines, "%s:%ld: ", c->rep.path, line);
	if (g->known) {
		sb_addf(&c->lines, _("financing need %" PRId64 " of %s already reads %s; nothing "
		                     "changes"), g->need->id, g->need->enterprise, in->state_typed);
	} else {
		const char *from = _(fin_status_label(g->need->status));
		const char *to = _(fin_status_label(in->state->status));
		if (c->dry)
			sb_addf(&c->lines, _("financing need %" PRId64 " of %s would move from %s to %s"),
			        g->need->id, g->need->enterprise, from, to);
		else
			sb_addf(&c->lines, _("financing need %" PRId64 " of %s: %s → %s"), g->need->id,
			        g->need->enterprise, from, to);
		if (*in->institution)
			sb_addf(&c->lines, _(", with %s"), in->institution);
		if (in->amount_fen) {
			char *amount = fin_amount_for_people(in->amount_fen);
			sb_addf(&c->lines, _(", %s"), amount);
			free(amount);
		}
	}
	sb_add(&c->lines, "\n");
}

int fin_cmd_import_results(app_ctx *ctx, int argc, char **argv)
{
	import_opts o;
	int parsed = import_cli_options(argc, argv, NULL, NULL, NULL, import_usage, &o);
	if (parsed >= 0)
		return parsed;
	if (optind != argc - 1) {
		import_usage(stderr);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	fin_res_map map;
	if (app_fin_res_map_load(&map, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	int rc = EXIT_USAGE;
	fin_res_result res = { 0 };
	res_cli cl = { .dry = o.dry, .lines = STRBUF_INIT };
	import_cli_init(&cl.rep, argv[optind], o.dry ? NULL : o.rejects, &res.rows);
	cl.rep.by_map = true;
	fin_res_hooks hooks = { .header = import_cli_header, .bad = import_cli_bad,
		.good = cli_good, .progress = import_cli_progress, .arg = &cl };
	int ran = app_fin_res_import(ctx, &map, cl.rep.path, o.sheet, import_cli_mode(&o), &hooks,
	                             &res, &err);
	if (import_cli_after(&cl.rep, ran, o.dry, res.written, res.nbad, &err) < 0)
		goto out;
	fputs(sb_str(&cl.lines), stdout);
	printf(_("%s (%s): %ld needs changed, %ld already so, %ld bad"), cl.rep.path,
	       res.encoding, res.nchanged, res.nknown, res.nbad);
	if (!import_cli_summary_end(&o, res.nbad) && res.nchanged == 0)
		printf(_("; nothing new: every result was imported before"));
	printf("\n");
	rc = o.dry && res.nbad ? EXIT_USAGE : EXIT_OK;
out:
	import_cli_close(&cl.rep, false, &err);
	sb_free(&cl.lines);
	fin_res_result_free(&res);
	fin_res_map_free(&map);
	sb_free(&err);
	return rc;
}
