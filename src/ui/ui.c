/* Entry to the full-screen program: checks that can still print plain messages (the
 * locale, the keys file, the database and the acting user) come before curses
 * starts; then the main loop reads a burst of keys, hands them to the shell and draws
 * once. A stop signal ends the loop; the terminal is restored before the signal is
 * raised again so the parent sees how we ended. */
#include "ui/ui.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/keymap.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/say.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "ui/keyscript.h"
#include "ui/live.h"
#include "ui/panes.h"
#include "ui/shell.h"
#include "ui/term.h"

/* ESCDELAY when neither the environment nor the settings give one */
#define UI_ESCDELAY_MS 25

/* the shell that hears ctx->warn, and whose keys ctx->how names, while the screen is up */
static shell *warn_shell;

static void ui_warn(const char *msg)
{
	if (warn_shell)
		shell_error(warn_shell, "%s", msg);
}

/* ctx->how while the screen is up: the tab, view and keys that take the step */
static void ui_how(app_step step, strbuf *out)
{
	if (!warn_shell)
		return;
	char view[16], freeze[16];
	switch (step) {
	case APP_STEP_QUARTER_FREEZE:
		sb_addf(out, _("the %s tab: %s to its quarterly ratings, %s to freeze the quarter"),
		        _(pane_title(PANE_ESCALATION)), shell_key_name(warn_shell, ACT_NEXT_VIEW, view),
		        shell_key_name(warn_shell, ACT_FREEZE, freeze));
		break;
	}
}

/* the screen, and then what the pane left for a moment without keys (a typed
 * search's count): the rows show before it is made */
static void draw(shell *sh)
{
	shell_draw(sh);
	if (shell_settle(sh))
		shell_draw(sh);
}

static void run_terminal(shell *sh)
{
	draw(sh);
	while (!shell_done(sh)) {
		qkey k;
		/* a key, or after LIVE_POLL_MS a look whether other sessions changed
		 * anything: one cheap pragma a second, no busy loop */
		int rc = term_read_key(&k, LIVE_POLL_MS);
		if (rc < 0)
			break;
		if (rc == 0) {
			if (shell_idle(sh))
				draw(sh);
			continue;
		}
		shell_key(sh, k);
		/* the rest of a burst (an input method's commit, a paste, key repeat) is
		 * taken in one go and drawn once */
		while (!shell_done(sh) && (rc = term_read_key(&k, 0)) == 1)
			shell_key(sh, k);
		if (rc < 0)
			break;
		draw(sh);
	}
}

int ui_run(app_ctx *ctx, const ui_headless *h)
{
	if (!term_locale_ok())
		return APP_BAD;
	strbuf err = STRBUF_INIT;
	keyscript *script = NULL;
	FILE *dump = NULL;
	if (h) {
		script = keyscript_load(h->keys_file, &err);
		if (!script) {
			say_error("%s", sb_str(&err));
			sb_free(&err);
			return APP_BAD;
		}
		dump = h->dump_file ? fopen(h->dump_file, "w") : stdout;
		if (!dump) {
			say_error(_("cannot write %s: %s"), h->dump_file, strerror(errno));
			keyscript_free(&script);
			return APP_BAD;
		}
	}
	/* everything a pane may need, before the screen starts: a broken database, data
	 * file or holiday notice, or a login that is not staff, is a plain message here and
	 * never an exit in the middle of a curses session */
	app_status st = app_need(ctx, APP_NEED_ALL, &err);
	if (st != APP_OK) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		keyscript_free(&script);
		if (dump && dump != stdout)
			fclose(dump);
		return (int)st;
	}

	/* bad [keys] lines: on stderr now, where they stay readable after the full
	 * screen ends, and as the first screen's error */
	keymap *km = keymap_new();
	strbuf key_errors = STRBUF_INIT;
	int bad_keys = keymap_load_settings(km, ctx->cfg, &key_errors);
	if (bad_keys)
		say_warn("%s", sb_str(&key_errors));
	const settings *cfg = ctx->cfg;
	term_opts o = {
		.headless = h != NULL,
		.cols = h ? h->cols : 0,
		.rows = h ? h->rows : 0,
		.escdelay_ms = cfg ? (int)cfg_int(cfg, SET_ESCDELAY_MS) : UI_ESCDELAY_MS,
		.color = cfg ? settings_color_enabled(cfg) : !getenv("NO_COLOR"),
		.mouse = cfg ? cfg_bool(cfg, SET_MOUSE) : false,
		.esc_digits = cfg ? esc_digits_parse(cfg_str(cfg, SET_ESC_DIGITS)) : ESC_DIGITS_AUTO,
		.ambiguous = cfg ? (int)cfg_int(cfg, SET_AMBIGUOUS_WIDTH) : 0,
	};
	if (term_start(&o, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		sb_free(&key_errors);
		keymap_free(&km);
		keyscript_free(&script);
		if (dump && dump != stdout)
			fclose(dump);
		return APP_BAD;
	}
	shell *sh = shell_new(ctx, km);
	/* from here a problem after the work (an anchor line not written) goes to the
	 * status line: stderr would tear the screen */
	void (*warn)(const char *msg) = ctx->warn;
	void (*how)(app_step step, strbuf *out) = ctx->how;
	warn_shell = sh;
	ctx->warn = ui_warn;
	ctx->how = ui_how;
	if (bad_keys) {
		char *first = xstrndup(sb_str(&key_errors), strcspn(sb_str(&key_errors), "\n"));
		if (bad_keys > 1)
			shell_error(sh, P_("%s (and %d more [keys] problem)",
			                   "%s (and %d more [keys] problems)", (unsigned long)bad_keys - 1),
			            first, bad_keys - 1);
		else
			shell_error(sh, "%s", first);
		xfree(&first);
	}
	sb_free(&key_errors);
	/* from 1 December the administrator is reminded of next year's missing notice */
	if (!bad_keys && app_allowed(ctx, PERM_HOLIDAY_IMPORT, NULL, NULL, NULL) &&
	    calendar_notice_due(ctx->cal, ctx->today)) {
		int y, m, d;
		date_to_ymd(ctx->today, &y, &m, &d);
		char key[16];
		/* the screen's own way in: the Calendar tab's import key */
		shell_message(sh, _("%d has no holiday notice yet: deadlines count the statutory days; import it in the %s tab with %s"),
		              y + 1, _(pane_title(PANE_CALENDAR)), shell_key_name(sh, ACT_IMPORT, key));
	}
	if (h)
		keyscript_play(script, sh, dump);
	else
		run_terminal(sh);
	ctx->warn = warn;
	ctx->how = how;
	warn_shell = NULL;
	shell_free(&sh);
	term_end();
	keymap_free(&km);
	keyscript_free(&script);
	if (dump && dump != stdout)
		fclose(dump);
	sb_free(&err);
	int sig = term_stop_signal();
	if (sig) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return APP_OK;
}
