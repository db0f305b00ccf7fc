/* qifu config: the effective settings, each with the file and line it came from,
 * or with --defaults the commented default config (the text of config/qifu.ini),
 * which an administrator can save as a starting point. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "config/keymap.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/strbuf.h"

/* the [keys] lines the program would refuse, as it warns of them, one a line */
static void warn_keys(const settings *cfg)
{
	keymap *km = keymap_new();
	strbuf err = STRBUF_INIT;
	if (keymap_load_settings(km, cfg, &err) > 0)
		for (const char *p = sb_str(&err); *p;) {
			size_t n = strcspn(p, "\n");
			say_warn("%.*s", (int)n, p);
			p += n + (p[n] == '\n');
		}
	sb_free(&err);
	keymap_free(&km);
}

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
		warn_keys(cfg);
		settings_free(&own);
	}
	fputs(sb_str(&out), stdout);
	sb_free(&out);
	return EXIT_OK;
}
