/* The command line's face of the application context: a part that cannot be loaded is
 * its message on stderr and its status as the exit code. */
#include "cli/cli.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/privilege.h"

void cli_fail(app_status st, const char *msg)
{
	say_error("%s", msg);
	exit(st != APP_OK && app_db_gave_up() ? EXIT_BUSY : (int)st);
}

int cli_said(app_status st, const strbuf *msg)
{
	if (st == APP_OK)
		printf("%s\n", sb_str(msg));
	else
		say_error("%s", sb_str(msg));
	return (int)st;
}

void cli_say_warn(const char *msg)
{
	say_warn("%s", msg);
}

void cli_how(app_step step, strbuf *out)
{
	switch (step) {
	case APP_STEP_QUARTER_FREEZE:
		sb_add(out, "qifu quarter freeze");
		break;
	}
}

void cli_need(app_ctx *ctx, unsigned what)
{
	strbuf err = STRBUF_INIT;
	app_status st = app_need(ctx, what, &err);
	if (st != APP_OK)
		cli_fail(st, sb_str(&err));
	sb_free(&err);
}

bool cli_allowed(app_ctx *ctx, int action, const char *area, const char *unit)
{
	strbuf why = STRBUF_INIT;
	bool ok = app_allowed(ctx, action, area, unit, &why);
	if (!ok)
		say_error("%s", sb_str(&why));
	sb_free(&why);
	return ok;
}

bool cli_unprotected(char *const *argv)
{
	if (!priv_protected())
		return true;
	strbuf where = STRBUF_INIT;
	cli_where(argv, &where);
	say_error(_("%s: this qifu is protected (setgid); the zone's database is made by "
	            "qifu setup-server --admin LOGIN, run as root"), sb_str(&where));
	sb_free(&where);
	return false;
}
