/* qifu workday: working-day arithmetic on the command line, for scripts and for staff
 * checking a deadline by hand. Answers go to stdout in a fixed English form scripts can
 * match; warnings about years without holiday data go to stderr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_args.h"
#include "core/i18n.h"
#include "core/workday.h"

/* about 40 years of working days: far beyond any time limit, and the answer stays
 * inside the dates qifu can print */
enum { WORKDAY_MAX_N = 10000 };

int cmd_workday(app_ctx *ctx, int argc, char **argv);

static void workday_usage(FILE *out)
{
	fputs(_("usage: qifu workday add DATE N       the N-th working day after DATE\n"
		"       qifu workday between FROM TO  working days after FROM up to and including TO\n"
		"       qifu workday is DATE          workday, weekend, holiday NAME [provisional] or makeup-workday NAME\n"
		"Dates are YYYY-MM-DD. The starting day is never counted.\n"), out);
}

/* argument what (DATE, FROM, TO) as a real date, or a message and false */
static bool arg_date(const char *what, const char *s, qdate *d)
{
	if (date_parse(s, d))
		return true;
	say_error(_("%s '%s' is not a real date of the form YYYY-MM-DD"), what, s);
	return false;
}

static bool arg_count(const char *s, int *n)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end || errno || v > WORKDAY_MAX_N) {
		say_error(_("N '%s' is not a whole number from 0 to %d"), s, WORKDAY_MAX_N);
		return false;
	}
	*n = (int)v;
	return true;
}

static int workday_add(app_ctx *ctx, char **args)
{
	qdate d;
	int n;
	if (!arg_date("DATE", args[0], &d) || !arg_count(args[1], &n))
		return EXIT_USAGE;
	qdate r = calendar_add(app_calendar(ctx), d, n);
	int y, m, dd;
	date_to_ymd(r, &y, &m, &dd);
	if (y > 9999) {
		say_error(_("the result lies after the year 9999"));
		return EXIT_USAGE;
	}
	cli_warn_missing_year(ctx, d, r);
	char buf[11];
	printf("%s\n", date_format(r, buf));
	return EXIT_OK;
}

static int workday_between(app_ctx *ctx, char **args)
{
	qdate from, to;
	if (!arg_date("FROM", args[0], &from) || !arg_date("TO", args[1], &to))
		return EXIT_USAGE;
	int n = calendar_between(app_calendar(ctx), from, to);
	cli_warn_missing_year(ctx, from, to);
	printf("%d\n", n);
	return EXIT_OK;
}

static int workday_is(app_ctx *ctx, char **args)
{
	qdate d;
	if (!arg_date("DATE", args[0], &d))
		return EXIT_USAGE;
	const char *name;
	day_kind k = calendar_day(app_calendar(ctx), d, &name);
	cli_warn_missing_year(ctx, d, d);
	/* the kind words are an interface for scripts and stay English; the name is data */
	switch (k) {
	case DAY_WORKDAY:
		puts("workday");
		break;
	case DAY_WEEKEND:
		puts("weekend");
		break;
	case DAY_HOLIDAY:
		/* a statutory day of a year whose notice is not out yet: the word is last, so
		 * that scripts reading the first two words see the same answer */
		printf("holiday %s%s\n", name,
		       calendar_day_provisional(app_calendar(ctx), d)
		       ? " provisional" : "");
		break;
	case DAY_MAKEUP_WORKDAY:
		printf("makeup-workday %s\n", name);
		break;
	}
	return EXIT_OK;
}

static const struct {
	const char *name;
	int nargs;
	int (*run)(app_ctx *ctx, char **args);
	const char *operands;   /* msgid: what the operands are */
} workday_subs[] = {
	{ "add", 2, workday_add, N_("a date and a number of working days") },
	{ "between", 2, workday_between, N_("two dates, FROM and TO") },
	{ "is", 1, workday_is, N_("a date") },
};

/* workday add|between|is and their operands, read by hand: N may look like an option
 * (-1), and is then refused as a number, not as an unknown option */
static int workday_sub(app_ctx *ctx, int argc, char **argv)
{
	size_t i = 0;
	while (strcmp(argv[0], workday_subs[i].name) != 0)
		i++;
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		workday_usage(stdout);
		return EXIT_OK;
	}
	if (argc - 1 != workday_subs[i].nargs) {
		optind = 1;
		return cli_operands(argc, argv, workday_subs[i].nargs, _(workday_subs[i].operands));
	}
	return workday_subs[i].run(ctx, argv + 1);
}

int cmd_workday(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", workday_sub, NULL }, { "between", workday_sub, NULL },
		{ "is", workday_sub, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]),
	                      workday_usage);
}
