/* qifu appeal sheet and supervise-sheet: one appeal's dispatch sheet (交办单) or
 * supervision sheet (督办单), printed as text or written as text or a workbook. What
 * the sheets say is app/appeal_sheet.c's; this file parses and prints. */
#include "cli/cmd_appeal.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/appeal_sheet.h"
#include "core/i18n.h"
#include "core/say.h"
#include "core/xalloc.h"

static int sheet_cmd(app_ctx *ctx, int argc, char **argv, const char *usage,
		app_sheet_kind kind)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "txt", *path = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': path = optarg; break;
		case 'h':
			printf("%s\n", usage);
			return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	bool xlsx = strcmp(format, "xlsx") == 0;
	if (!xlsx && strcmp(format, "txt") != 0) {
		say_error(_("--format: '%s' is not one of txt, xlsx"), format);
		return EXIT_USAGE;
	}
	if (cli_operands(argc, argv, 1, _("the appeal number")))
		return EXIT_USAGE;
	appeal_record a;
	int rc = appeal_cli_load(ctx, argv[optind], false, &a);
	if (rc)
		return rc;
	app_sheet s;
	strbuf msg = STRBUF_INIT;
	rc = (int)app_sheet_fill(ctx, &a, kind, &s, &msg);
	if (rc == APP_OK && !xlsx && !path) {
		app_sheet_text(ctx, &a, &s, &msg);
		fputs(sb_str(&msg), stdout);
	} else if (rc == APP_OK) {
		char *fallback = xlsx && !path ? xasprintf("%s.xlsx", a.number) : NULL;
		rc = (int)app_sheet_write(ctx, &a, &s, xlsx, path ? path : fallback, &msg);
		if (rc == APP_OK)
			printf("%s\n", sb_str(&msg));
		free(fallback);
	}
	if (rc != APP_OK)
		say_error("%s", sb_str(&msg));
	app_sheet_clear(&s);
	sb_free(&msg);
	appeal_record_clear(&a);
	return rc;
}

int appeal_cmd_sheet(app_ctx *ctx, int argc, char **argv)
{
	return sheet_cmd(ctx, argc, argv,
		_("usage: qifu appeal sheet N --format txt|xlsx [--output FILE]"), APP_SHEET_DISPATCH);
}

int appeal_cmd_supervise_sheet(app_ctx *ctx, int argc, char **argv)
{
	return sheet_cmd(ctx, argc, argv,
		_("usage: qifu appeal supervise-sheet N [--format txt|xlsx] [--output FILE]"),
		APP_SHEET_SUPERVISE);
}
