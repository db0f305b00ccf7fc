/* qifu uscc check CODE: the credit-code check the enterprise form uses, for staff
 * checking a code from a document and for scripts cleaning an import. Exit 0 valid,
 * 1 invalid (with the position at fault), 2 usage. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/uscc.h"

int cmd_uscc(app_ctx *ctx, int argc, char **argv);

static void uscc_usage(FILE *out)
{
	fputs(_("usage: qifu uscc check CODE\n"
		"Checks an 18-character unified social credit code; spaces, hyphens, lower case\n"
		"and full-width characters are accepted. Prints 'valid' (exit 0) or 'invalid'\n"
		"and the position at fault (exit 1).\n"), out);
}

static int uscc_check_cmd(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, uscc_usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 1, _("the code")))
		return EXIT_USAGE;
	uscc_error e;
	uscc_status st = uscc_check(argv[optind], NULL, &e);
	if (st == USCC_VALID) {
		puts("valid");
		return EXIT_OK;
	}
	/* the verdict word for scripts on stdout, the reason for people on stderr */
	puts("invalid");
	strbuf msg = STRBUF_INIT;
	uscc_explain(st, &e, &msg);
	say_error("%s", sb_str(&msg));
	sb_free(&msg);
	return EXIT_NO;
}

int cmd_uscc(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = { { "check", uscc_check_cmd, NULL } };
	return cli_subcommand(ctx, argc, argv, subs, 1, uscc_usage);
}
