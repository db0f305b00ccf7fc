/* qifu audit verify: whether the event log is as it was written (issue 15). The walk
 * and its words are app_audit_verify's; `qifu check` prints the same verdict. Exit 0
 * intact, 1 when an event no longer fits (named), 2 when it cannot be read. */
#include <stdio.h>

#include "app/audit.h"
#include "cli/cli.h"
#include "cli/cli_args.h"
#include "core/i18n.h"
#include "core/strbuf.h"

int cmd_audit(app_ctx *ctx, int argc, char **argv);

static void audit_usage(FILE *out)
{
	fputs(_("usage: qifu audit verify\n"
	        "Walk the event log's hash chain and the anchor file beside the database: "
	        "exit 0 when every event is as it was written, 1 naming the first event "
	        "that no longer fits (changed, removed, or the newest removed).\n"), out);
}

static int audit_verify_cmd(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, audit_usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	struct db *d = app_db(ctx);
	app_actor(ctx);
	audit_verdict v;
	strbuf msg = STRBUF_INIT;
	app_status st = app_audit_verify(d, &v, &msg);
	if (st == APP_BAD)
		say_error("%s", sb_str(&msg));
	else
		printf("%s\n", sb_str(&msg));
	sb_free(&msg);
	return (int)st;
}

int cmd_audit(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "verify", audit_verify_cmd, N_("check the event log's hash chain and anchor") },
	};
	return cli_subcommand(ctx, argc, argv, subs, 1, audit_usage);
}
