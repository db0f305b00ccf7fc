/* qifu inspect notice: the printed inspection notice (入企检查告知单) of an approved plan,
 * its plan code drawn as a QR code that a phone scans at the door, on standard output
 * or into a file. app/inspection_notice.c builds it, so the TUI prints the same one. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/inspection_notice.h"
#include "cli/cli_args.h"
#include "cli/cmd_inspect.h"
#include "core/i18n.h"
#include "core/qr.h"

static void notice_usage(FILE *out)
{
	fputs(_("usage: qifu inspect notice NUMBER|CODE [--output FILE] [--invert]\n"
		"Prints the inspection notice (入企检查告知单) of an approved plan: the plan, its\n"
		"plan code as a QR code with the line that verifies it, and what the enterprise\n"
		"may do. A plan not yet approved has no code and so no notice (exit 1).\n"
		"The QR code is drawn dark on light, for paper and light terminals; --invert\n"
		"draws it for a terminal with light text on a dark background, so that a phone\n"
		"can scan it from the screen. [display] ambiguous_width = 2 draws it one module\n"
		"a character, twice as wide.\n"), out);
}

int inspection_cmd_notice(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "invert", no_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL;
	unsigned flags = inspection_qr_width();
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'o': path = optarg; break;
		case 'i': flags |= QR_INVERT; break;
		case 'h': notice_usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 1, _("the inspection number or plan code")))
		return EXIT_USAGE;
	inspection_record r;
	int rc = inspection_load(ctx, argv[optind], &r);
	if (rc)
		return rc;
	inspection_reason_table *t = inspection_reasons_load();
	strbuf text = STRBUF_INIT, msg = STRBUF_INIT;
	app_status st = path ? inspection_notice_write(ctx, &r, t, flags, path, &msg)
	                     : inspection_notice(ctx, &r, t, flags, &text, &msg);
	if (st != APP_OK) {
		say_error("%s", sb_str(&msg));
		rc = (int)st;
	} else if (!path) {
		fputs(sb_str(&text), stdout);
	} else {
		printf("%s\n", sb_str(&msg));
	}
	sb_free(&text);
	sb_free(&msg);
	inspection_reason_table_free(&t);
	inspection_record_clear(&r);
	return rc;
}
