/* qifu config: the effective settings, each with the file and line it came from,
 * or with --defaults the commented default config (the text of config/qifu.ini),
 * which an administrator can save as a starting point. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/strbuf.h"

/* called through the CLI_COMMANDS table in cli.c, which declares it there */
int cmd_config(app_ctx *ctx, int argc, char **argv);

int cmd_config(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "defaults", no_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool defaults = false;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		if (c == 'h') {
			printf(_("usage: qifu config [--defaults]\n"
			         "The effective settings, each with the file and line it came from; "
			         "--defaults prints the commented default qifu.ini.\n"));
			return EXIT_OK;
		}
		if (c != 'd')
			return EXIT_USAGE;
		defaults = true;
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	strbuf out = STRBUF_INIT;
	if (defaults) {
		settings_default_ini(&out);
	} else {
		settings *own = NULL;
		const settings *cfg = ctx->cfg;
		if (!cfg) {
			/* main normally loads them; run alone (tests, other callers) load them here */
			settings_diag *diags = settings_diag_new();
			own = settings_new();
			settings_load_layers(own, NULL, diags);
			for (size_t i = 0; i < settings_diag_count(diags); i++) {
				strbuf line = STRBUF_INIT;
				settings_problem_format(settings_diag_at(diags, i), &line);
				say_warn("%s", sb_str(&line));
				sb_free(&line);
			}
			settings_diag_free(&diags);
			cfg = own;
		}
		settings_describe(cfg, &out);
		settings_free(&own);
	}
	fputs(sb_str(&out), stdout);
	sb_free(&out);
	return EXIT_OK;
}
