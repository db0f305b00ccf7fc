/* qifu: parse the global options, load the settings, then run one command or the
 * full-screen program (on a terminal, or headless with --keys for tests). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qifu-build.h"
#include "cli/cli.h"
#include "core/i18n.h"
#include "config/settings.h"
#include "core/paths.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/layout.h"
#include "ui/ui.h"

typedef struct globals {
	const char *config;
	const char *keys;
	const char *size;
	const char *dump;
} globals;

static void usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu [global options] [COMMAND [options]]\n"
	              "Without a command qifu opens the full-screen desk program.\n\n"
	              "Global options (before the command):\n"
	              "  --db PATH           database file (default: %s)\n"
	              "  --config FILE       read FILE after the system and user settings\n"
	              "  --today YYYY-MM-DD  fix today's date (also QIFU_TODAY)\n"
	              "  --as LOGIN          act as another staff login (administrators only)\n"
	              "  --keys FILE         run the full-screen program headless, keys from FILE\n"
	              "  --size COLSxROWS    screen size for --keys (default 80x24)\n"
	              "  --dump OUT          where --keys writes its screen dumps\n"
	              "  --help, --version\n\nCommands:\n"), "$XDG_DATA_HOME/qifu/qifu.db");
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(fp, "  %-12s %s\n", c->name, _(c->summary));
	fprintf(fp, _("\n'qifu COMMAND --help' describes a command.\n"));
}

/* --opt VALUE or --opt=VALUE; returns the value and advances *i, or NULL */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, _("qifu: %s needs a value\n"), name);
		exit(EXIT_USAGE);
	}
	return argv[++*i];
}

static void set_today(app_ctx *ctx, const char *s, const char *from)
{
	if (!date_parse(s, &ctx->today)) {
		fprintf(stderr, _("qifu: %s: '%s' is not a date (YYYY-MM-DD)\n"), from, s);
		exit(EXIT_USAGE);
	}
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	const char *localedir = getenv("QIFU_LOCALEDIR");
	bindtextdomain("qifu", localedir && *localedir ? localedir : QIFU_LOCALEDIR);
	bind_textdomain_codeset("qifu", "UTF-8");
	textdomain("qifu");

	app_ctx ctx = { .fail = cli_fail };
	globals g = { 0 };
	ctx.today = date_system_today();
	const char *env_today = getenv("QIFU_TODAY");
	if (env_today && *env_today)
		set_today(&ctx, env_today, "QIFU_TODAY");

	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *v;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("qifu %s\n", QIFU_VERSION);
			return EXIT_OK;
		} else if ((v = opt_value(argc, argv, &i, "--db"))) {
			ctx.db_path = v;
		} else if ((v = opt_value(argc, argv, &i, "--config"))) {
			g.config = v;
		} else if ((v = opt_value(argc, argv, &i, "--today"))) {
			set_today(&ctx, v, "--today");
		} else if ((v = opt_value(argc, argv, &i, "--as"))) {
			ctx.as_login = v;
		} else if ((v = opt_value(argc, argv, &i, "--keys"))) {
			g.keys = v;
		} else if ((v = opt_value(argc, argv, &i, "--size"))) {
			g.size = v;
		} else if ((v = opt_value(argc, argv, &i, "--dump"))) {
			g.dump = v;
		} else {
			fprintf(stderr, _("qifu: unknown global option '%s' (see 'qifu --help')\n"),
			        argv[i]);
			return EXIT_USAGE;
		}
	}

	/* settings: compiled defaults < /etc < user < --config; problems are reported
	 * with file:line and the rest of the file still applies */
	ctx.cfg = settings_new();
	settings_diag *diags = settings_diag_new();
	int loaded = settings_load_layers(ctx.cfg, g.config, diags);
	strbuf msg = STRBUF_INIT;
	for (size_t k = 0; k < settings_diag_count(diags); k++) {
		sb_reset(&msg);
		settings_problem_format(settings_diag_at(diags, k), &msg);
		say_warn("%s", sb_str(&msg));
	}
	sb_free(&msg);
	settings_diag_free(&diags);
	if (loaded < 0 && g.config && access(g.config, R_OK) != 0) {
		say_error(_("--config %s: cannot read it"), g.config);
		settings_free(&ctx.cfg);
		return EXIT_USAGE;
	}
	text_set_ambiguous_width((int)cfg_int(ctx.cfg, SET_AMBIGUOUS_WIDTH));
	char *data_dir = NULL, *holiday_dir = NULL, *default_db = NULL;
	if (*cfg_str(ctx.cfg, SET_DATA_DIR))
		paths_set_data_dir(data_dir = settings_data_dir(ctx.cfg));
	ctx.holiday_dir = holiday_dir = settings_holiday_dir(ctx.cfg);
	if (!ctx.db_path)
		ctx.db_path = default_db = settings_db_path(ctx.cfg);

	int rc;
	if (i < argc) {
		rc = cli_run(&ctx, argc - i, argv + i);
	} else {
		/* TUI entry (ui branch) */
		ui_headless h = { g.keys, 80, 24, g.dump };
		if (g.size && layout_parse_size(g.size, &h.cols, &h.rows) < 0) {
			fprintf(stderr, _("qifu: --size needs COLSxROWS, not '%s'\n"), g.size);
			rc = EXIT_USAGE;
		} else {
			rc = ui_run(&ctx, g.keys ? &h : NULL);
		}
	}
	app_ctx_free(&ctx);
	settings_free(&ctx.cfg);
	free(default_db);
	free(holiday_dir);
	free(data_dir);
	return rc;
}
