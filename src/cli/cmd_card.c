/* qifu card: the service contact card (服务企业联系卡) of an enterprise, or of every
 * enterprise of an area or a lead unit, as text (a page each) or a workbook (four A6
 * cards to an A4 page); qifu card deliver records one handed over (送企入户). */
#include "app/card.h"
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/unit.h"

int cmd_card(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fputs(_("usage: qifu card USCC [--format txt|xlsx] [--output FILE]\n"
	        "       qifu card --area AREA | --unit UNIT [--format txt|xlsx] [--output FILE]\n"
	        "       qifu card deliver USCC [--date YYYY-MM-DD] [--by NAME]\n"
	        "The card names the enterprise, its service commissioner with their work phone,\n"
	        "its lead unit and that unit's contact (its head, else a member, with a work\n"
	        "phone), the centre's hotline and the appeal channels ([card] hotline and\n"
	        "channels in the settings). --area or --unit (the lead unit) print the cards of\n"
	        "every enterprise there: as text a page each, as xlsx four A6 cards to an A4\n"
	        "page. Text goes to standard output unless --output names a file; xlsx needs\n"
	        "--output. deliver records the card handed to the enterprise on --date (today)\n"
	        "by --by (you).\n"), fp);
}

enum { OPT_FORMAT = 1, OPT_OUTPUT, OPT_AREA, OPT_UNIT, OPT_DATE, OPT_BY, OPT_HELP };

static int card_deliver(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, OPT_DATE },
		{ "by", required_argument, NULL, OPT_BY },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	qdate on = ctx->today;
	char *by = xstrdup("");
	int c, rc = EXIT_USAGE;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_DATE:
			if (cli_arg_date("--date", optarg, &on))
				goto out;
			break;
		case OPT_BY: free(by); by = xstrdup(optarg); break;
		case OPT_HELP: usage(stdout); rc = EXIT_OK; goto out;
		default: goto out;
		}
	}
	if (cli_operands(argc, argv, 1, _("the enterprise's USCC")))
		goto out;
	ent_record e = { 0 };
	if ((rc = cli_arg_enterprise(ctx, argv[optind], &e, PERM_VISIT_ADD)) != 0)
		goto out;
	strbuf err = STRBUF_INIT;
	app_record_rc saved = app_card_deliver(ctx, &e, on, &by, &err);
	if (saved != APP_RECORD_SAVED) {
		say_error("%s", sb_str(&err));
		rc = app_record_exit(saved);
	} else {
		char day[11];
		printf(_("recorded the contact card of %s delivered on %s by %s\n"), e.name,
		       date_format(on, day), by);
		rc = EXIT_OK;
	}
	sb_free(&err);
	ent_record_clear(&e);
out:
	free(by);
	return rc;
}

int cmd_card(app_ctx *ctx, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "deliver") == 0)
		return card_deliver(ctx, argc - 1, argv + 1);
	static const struct option opts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ "area", required_argument, NULL, OPT_AREA },
		{ "unit", required_argument, NULL, OPT_UNIT },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	app_card_pick pick = { 0 };
	const char *output = NULL;
	bool xlsx = false;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (strcmp(optarg, "txt") != 0 && strcmp(optarg, "xlsx") != 0) {
				say_error(_("--format: '%s' is not one of txt, xlsx"), optarg);
				return EXIT_USAGE;
			}
			xlsx = strcmp(optarg, "xlsx") == 0;
			break;
		case OPT_OUTPUT: output = optarg; break;
		case OPT_AREA: case OPT_UNIT:
			if (cli_arg_place(ctx, c == OPT_AREA, optarg, &pick.area, &pick.unit))
				return EXIT_USAGE;
			break;
		case OPT_HELP: usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	bool batch = pick.area || pick.unit;
	if (pick.area && pick.unit) {
		say_error(_("card: --area and --unit do not go together; give one"));
		return EXIT_USAGE;
	}
	if (cli_operands(argc, argv, batch ? 0 : 1, batch ? NULL : _("the enterprise's USCC")))
		return EXIT_USAGE;
	if (xlsx && !output) {
		say_error(_("card: --format xlsx needs --output FILE"));
		return EXIT_USAGE;
	}
	if (!batch)
		pick.uscc = argv[optind];
	if (!cli_allowed(ctx, PERM_ENT_VIEW, NULL, NULL))
		return EXIT_NO;
	app_card *cards = NULL;
	int n = 0;
	strbuf msg = STRBUF_INIT;
	app_status st = app_cards_of(ctx, &pick, &cards, &n, &msg);
	if (st == APP_OK && (xlsx || output)) {
		sb_reset(&msg);
		st = app_cards_save(cards, n, xlsx, output, &msg);
		if (st == APP_OK)
			printf("%s\n", sb_str(&msg));
	} else if (st == APP_OK) {
		strbuf text = STRBUF_INIT;
		app_cards_text(cards, n, &text);
		fputs(sb_str(&text), stdout);
		sb_free(&text);
	}
	if (st != APP_OK)
		say_error("%s", sb_str(&msg));
	app_cards_free(&cards, n);
	sb_free(&msg);
	return (int)st;
}
