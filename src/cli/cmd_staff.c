/* qifu staff add|edit|list|disable|enable: who may use qifu, in which unit and role. */
#include "cli/cli.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "app/staff.h"
#include "app/store_text.h"
#include "cli/cli_args.h"
#include "cli/output.h"
#include "core/i18n.h"
#include "model/perm.h"
#include "store/staff_store.h"

int cmd_staff(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu staff add --login L --name N --unit U --role R [--area A] "
	              "[--level 1|2] [--oversees U1,U2] [--phone P]\n"
	              "       qifu staff edit LOGIN [--name N] [--unit U] [--role R] [--area A] "
	              "[--level 1|2] [--oversees U1,U2] [--phone P]\n"
	              "       qifu staff list [--format table|csv|json]\n"
	              "       qifu staff disable LOGIN\n"
	              "       qifu staff enable LOGIN\n"
	              "roles: frontdesk, area_officer, unit_staff, supervisor, leader, admin\n"));
}

/* the option that typed field f */
static const char *field_option(staff_field f)
{
	static const char *const opt[] = {
		[STAFF_F_NONE] = NULL,          [STAFF_F_LOGIN] = "--login",
		[STAFF_F_NAME] = "--name",      [STAFF_F_UNIT] = "--unit",
		[STAFF_F_ROLE] = "--role",      [STAFF_F_AREA] = "--area",
		[STAFF_F_LEVEL] = "--level",    [STAFF_F_OVERSEES] = "--oversees",
		[STAFF_F_PHONE] = "--phone",
	};
	return opt[f];
}

/* the options of add and edit into in; 0, or an exit code (help, a bad option) + 1 */
static int read_options(int argc, char **argv, staff_typed *in)
{
	static const struct option opts[] = {
		{ "login", required_argument, NULL, 'l' },
		{ "name", required_argument, NULL, 'n' },
		{ "unit", required_argument, NULL, 'u' },
		{ "role", required_argument, NULL, 'r' },
		{ "area", required_argument, NULL, 'a' },
		{ "level", required_argument, NULL, 'v' },
		{ "oversees", required_argument, NULL, 'o' },
		{ "phone", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'l': in->login = optarg; break;
		case 'n': in->name = optarg; break;
		case 'u': in->unit = optarg; break;
		case 'r': in->role = optarg; break;
		case 'a': in->area = optarg; break;
		case 'v': in->level = optarg; break;
		case 'o': in->oversees = optarg; break;
		case 'p': in->phone = optarg; break;
		case 'h': usage(stdout); return EXIT_OK + 1;
		default: return EXIT_USAGE + 1;
		}
	}
	return 0;
}

/* print the outcome of add or edit (verb) */
static int staff_said(const char *verb, app_status st, staff_field bad, const strbuf *msg)
{
	if (st == APP_OK)
		printf("%s\n", sb_str(msg));
	else if (field_option(bad))
		say_error("staff %s: %s: %s", verb, field_option(bad), sb_str(msg));
	else
		say_error("staff %s: %s", verb, sb_str(msg));
	return st == APP_BAD ? EXIT_USAGE : (int)st;
}

static int staff_add(app_ctx *ctx, int argc, char **argv)
{
	staff_typed in = { 0 };
	int rc = read_options(argc, argv, &in);
	if (rc)
		return rc - 1;
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--login --name --unit --role"))
		return EXIT_USAGE;
	strbuf msg = STRBUF_INIT;
	staff_field bad;
	app_status st = app_staff_add(ctx, &in, &bad, &msg);
	rc = staff_said("add", st, bad, &msg);
	sb_free(&msg);
	return rc;
}

/* staff edit LOGIN [--name N] [--unit U] [--role R] [--phone P] … */
static int staff_edit(app_ctx *ctx, int argc, char **argv)
{
	staff_typed in = { 0 };
	int rc = read_options(argc, argv, &in);
	if (rc)
		return rc - 1;
	if (cli_operands(argc, argv, 1, _("the login")))
		return EXIT_USAGE;
	if (in.login) {
		say_error(_("staff edit: a login is never renamed (the history keeps it); name "
		            "the login to change as the operand"));
		return EXIT_USAGE;
	}
	strbuf msg = STRBUF_INIT;
	staff_field bad;
	app_status st = app_staff_edit(ctx, argv[optind], &in, &bad, &msg);
	rc = staff_said("edit", st, bad, &msg);
	sb_free(&msg);
	return rc;
}

static const app_column staff_cols[] = {
	{ .key = "login", .header = N_("Login"), .kind = COL_STR },
	{ .key = "name", .header = N_("Name"), .kind = COL_STR },
	{ .key = "unit", .header = N_("Unit"), .kind = COL_STR },
	{ .key = "role", .header = N_("Role"), .kind = COL_STR },
	{ .key = "area", .header = N_("Area"), .kind = COL_STR },
	{ .key = "level", .header = N_("Level"), .kind = COL_INT },
	{ .key = "oversees", .header = N_("Oversees"), .kind = COL_LIST },
	{ .key = "disabled_on", .header = N_("Disabled"), .kind = COL_STR },
	{ .key = "phone", .header = N_("Work phone"), .kind = COL_STR },
};

static void list_row(const staff *s, void *arg)
{
	out_table *t = arg;
	char level[4];
	strbuf ov = STRBUF_INIT;
	app_staff_leader_text(s, "|", level, &ov);
	const char *cells[] = { s->login, s->name, s->unit, role_code(s->role),
	                        s->area ? s->area : "", level, sb_str(&ov),
	                        s->disabled_on ? s->disabled_on : "", s->phone };
	out_row(t, cells);
	sb_free(&ov);
}

static int staff_list(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	out_format fmt = OUT_TABLE;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!out_parse_format(optarg, &fmt)) {
				say_error(_("--format: '%s' is not one of table, csv, json"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_STAFF_LIST, NULL, NULL))
		return EXIT_NO;
	out_table *t = out_new(staff_cols, (int)(sizeof staff_cols / sizeof staff_cols[0]));
	store_err err = { 0 };
	int rc = staff_store_each(app_db(ctx), list_row, t, &err);
	if (rc == 0)
		out_print(t, fmt, false, stdout);
	else
		cli_store_error(&err);
	out_free(&t);
	return rc == 0 ? EXIT_OK : EXIT_USAGE;
}

/* staff disable|enable LOGIN */
static int staff_toggle(app_ctx *ctx, int argc, char **argv, bool disable)
{
	int rc = cli_help_only(argc, argv, usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 1, _("the login")))
		return EXIT_USAGE;
	strbuf msg = STRBUF_INIT;
	app_status st = app_staff_set_disabled(ctx, argv[optind], disable, &msg);
	if (st == APP_OK)
		printf("%s\n", sb_str(&msg));
	else
		say_error("staff %s: %s", disable ? "disable" : "enable", sb_str(&msg));
	sb_free(&msg);
	return (int)st;
}

static int staff_disable(app_ctx *ctx, int argc, char **argv)
{
	return staff_toggle(ctx, argc, argv, true);
}

static int staff_enable(app_ctx *ctx, int argc, char **argv)
{
	return staff_toggle(ctx, argc, argv, false);
}

int cmd_staff(app_ctx *ctx, int argc, char **argv)
{
	static const cli_sub subs[] = {
		{ "add", staff_add, NULL },         { "edit", staff_edit, NULL },
		{ "list", staff_list, NULL },
		{ "disable", staff_disable, NULL }, { "enable", staff_enable, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
