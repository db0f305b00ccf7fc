/* qifu: parse the global options, load the settings, then run one command or the
 * full-screen program (on a terminal, or headless with --keys for tests). */
#define _GNU_SOURCE /* secure_getenv */
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
#include "core/privilege.h"
#include "core/suggest.h"
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

/* the global option argv[*i] (-h is --help); a value of --opt VALUE or --opt=VALUE
 * becomes argv[*i], *i advanced past it. NULL after saying what is wrong. */
static const cli_global *global_option(int argc, char **argv, int *i)
{
	const char *word = strcmp(argv[*i], "-h") == 0 ? "--help" : argv[*i];
	size_t len = strcspn(word, "=");
	const cli_global *o = cli_globals;
	while (o->name && (strlen(o->name) != len || strncmp(o->name, word, len) != 0))
		o++;
	if (!o->name) {
		size_t n = 0;
		while (cli_globals[n].name)
			n++;
		const char **names = xcalloc(n, sizeof *names);
		for (size_t k = 0; k < n; k++)
			names[k] = cli_globals[k].name + 2;
		char *name = xstrndup(word, len);
		int k = strncmp(name, "--", 2) == 0 ? suggest_word(name + 2, names, n) : -1;
		if (k >= 0)
			say_error(_("unknown global option '%s'; did you mean %s?"), name,
			          cli_globals[k].name);
		else
			say_error(_("unknown global option '%s'; see qifu --help"), name);
		free(name);
		free(names);
		return NULL;
	}
	if (word[len] == '=' && !o->value) {
		say_error(_("%s takes no value"), o->name);
		return NULL;
	}
	if (word[len] == '=') {
		argv[*i] += len + 1;
	} else if (o->value) {
		if (*i + 1 >= argc) {
			say_error(_("%s needs a value"), o->name);
			return NULL;
		}
		++*i;
	}
	return o;
}

static void set_today(app_ctx *ctx, const char *s, const char *from)
{
	if (!date_parse(s, &ctx->today)) {
		fprintf(stderr, _("qifu: %s: '%s' is not a date (YYYY-MM-DD)\n"), from, s);
		exit(EXIT_USAGE);
	}
	ctx->today_pinned = true;
}

#ifdef __has_feature
#if __has_feature(address_sanitizer)
#define QIFU_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(QIFU_ASAN)
/* LeakSanitizer stops the threads through ptrace, which a setgid process (rightly
 * not dumpable) refuses; its own hook turns it off there, and only there */
int __lsan_is_turned_off(void);
int __lsan_is_turned_off(void)
{
	return priv_protected();
}
#endif

int main(int argc, char **argv)
{
	/* before anything opens a file: a setgid qifu works as the user from here on */
	priv_init();
	setlocale(LC_ALL, "");
	/* secure_getenv: a catalogue is format strings, never the user's when setgid */
	const char *localedir = secure_getenv("QIFU_LOCALEDIR");
	bindtextdomain("qifu", localedir && *localedir ? localedir : QIFU_LOCALEDIR);
	bind_textdomain_codeset("qifu", "UTF-8");
	textdomain("qifu");

	app_ctx ctx = { .fail = cli_fail, .warn = cli_say_warn, .how = cli_how };
	globals g = { 0 };
	ctx.today = date_system_today();
	/* a protected qifu's events carry the clock's date: no rehearsal of another day */
	const char *env_today = secure_getenv("QIFU_TODAY");
	if (env_today && *env_today)
		set_today(&ctx, env_today, "QIFU_TODAY");
	bool ignored_today = false;

	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const cli_global *o = global_option(argc, argv, &i);
		const char *v = o && o->value ? argv[i] : NULL;
		if (!o)
			return EXIT_USAGE;
		switch (o->id) {
		case CLI_G_HELP: cli_usage(stdout); return EXIT_OK;
		case CLI_G_VERSION: printf("qifu %s\n", QIFU_VERSION); return EXIT_OK;
		case CLI_G_DB: ctx.db_path = v; break;
		case CLI_G_CONFIG: g.config = v; break;
		case CLI_G_TODAY:
			if (priv_protected())
				ignored_today = true;
			else
				set_today(&ctx, v, "--today");
			break;
		case CLI_G_AS: ctx.as_login = v; break;
		case CLI_G_KEYS: g.keys = v; break;
		case CLI_G_SIZE: g.size = v; break;
		case CLI_G_DUMP: g.dump = v; break;
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
	settings_diag_free(&diags);
	if (loaded < 0 && g.config && access(g.config, R_OK) != 0) {
		say_error(_("--config %s: cannot read it"), g.config);
		settings_free(&ctx.cfg);
		sb_free(&msg);
		return EXIT_USAGE;
	}
	text_set_ambiguous_width((int)cfg_int(ctx.cfg, SET_AMBIGUOUS_WIDTH));
	char *data_dir = NULL, *holiday_dir = NULL, *default_db = NULL;
	if (*cfg_str(ctx.cfg, SET_DATA_DIR))
		paths_set_data_dir(data_dir = settings_data_dir(ctx.cfg));
	ctx.holiday_dir = holiday_dir = settings_holiday_dir(ctx.cfg);
	if (ignored_today)
		say_warn(_("--today is ignored: this qifu is protected, and its dates are the "
		           "clock's"));
	/* the protected directory: where the system file's database lies, or the built-in
	 * one; a setgid qifu opens nothing outside it */
	char *server_db = settings_server_db_path(ctx.cfg);
	char *server_dir = xstrdup(server_db);
	*strrchr(server_dir, '/') = '\0';
	priv_set_dir(server_dir);
	if (priv_protected() && !ctx.db_path)
		ctx.db_path = server_db;
	if (!ctx.db_path)
		ctx.db_path = default_db = settings_db_path(ctx.cfg);

	int rc;
	if (!app_db_path_allowed(ctx.db_path, &msg)) {
		say_error("%s", sb_str(&msg));
		rc = EXIT_USAGE;
	} else if (i < argc) {
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
	sb_free(&msg);
	free(server_db);
	free(server_dir);
	free(default_db);
	free(holiday_dir);
	free(data_dir);
	return rc;
}
