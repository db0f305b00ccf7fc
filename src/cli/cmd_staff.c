/* qifu staff add|list: who may use qifu, in which unit and role. */
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
#include "core/text.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/staff_store.h"

int cmd_staff(app_ctx *ctx, int argc, char **argv);

static void usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu staff add --login L --name N --unit U --role R [--area A] "
	              "[--level 1|2] [--oversees U1,U2]\n"
	              "       qifu staff list [--format table|csv|json]\n"
	              "       qifu staff disable LOGIN\n"
	              "       qifu staff enable LOGIN\n"
	              "roles: frontdesk, area_officer, unit_staff, supervisor, leader, admin\n"));
}

/* split "a,b，c" (ASCII or full-width commas, 、 too) into a NULL-terminated list */
static char **split_units(const char *s)
{
	char **v = NULL;
	int n = 0;
	char *copy = xstrdup(s);
	char *p = copy;
	while (*p) {
		size_t len = strcspn(p, ",");
		const char *fw = strstr(p, "，");
		const char *dun = strstr(p, "、");
		if (fw && (size_t)(fw - p) < len)
			len = (size_t)(fw - p);
		if (dun && (size_t)(dun - p) < len)
			len = (size_t)(dun - p);
		char *item = xstrndup(p, len);
		char *trimmed = text_trim(item);
		free(item);
		if (*trimmed) {
			v = xrealloc(v, sizeof *v * (size_t)(n + 2));
			v[n++] = trimmed;
			v[n] = NULL;
		} else {
			free(trimmed);
		}
		p += len;
		if (*p == ',')
			p++;
		else if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0)
			p += 3;
	}
	free(copy);
	return v;
}

static int staff_add(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "login", required_argument, NULL, 'l' },
		{ "name", required_argument, NULL, 'n' },
		{ "unit", required_argument, NULL, 'u' },
		{ "role", required_argument, NULL, 'r' },
		{ "area", required_argument, NULL, 'a' },
		{ "level", required_argument, NULL, 'v' },
		{ "oversees", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *login = NULL, *name = NULL, *unit = NULL, *role = NULL, *area = NULL,
	           *level = NULL, *oversees = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'l': login = optarg; break;
		case 'n': name = optarg; break;
		case 'u': unit = optarg; break;
		case 'r': role = optarg; break;
		case 'a': area = optarg; break;
		case 'v': level = optarg; break;
		case 'o': oversees = optarg; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL) ||
	    cli_required(argv, "--login --name --unit --role"))
		return EXIT_USAGE;
	unit_table *units = app_units(ctx);
	staff s = { 0 };
	int rc = EXIT_USAGE;
	strbuf allowed = STRBUF_INIT, err = STRBUF_INIT;
	char *clean_name = NULL, *clean_login = NULL;
	if (!role_parse(role, &s.role)) {
		say_error(_("staff add: unknown role '%s'; allowed: frontdesk, area_officer, "
		            "unit_staff, supervisor, leader, admin"), role);
		goto out;
	}
	if (!units_find(units, unit)) {
		units_list(units, -1, &allowed);
		say_error(_("staff add: --unit: unknown unit '%s'; allowed: %s"), unit,
		          sb_str(&allowed));
		goto out;
	}
	clean_login = text_trim(login);
	clean_name = text_sanitize(name, strlen(name), 0);
	char *t = text_trim(clean_name);
	free(clean_name);
	clean_name = t;
	if (!*clean_login || strpbrk(clean_login, " \t:/")) {
		say_error(_("staff add: --login '%s' is not a usable login name"), login);
		goto out;
	}
	if (!*clean_name) {
		say_error(_("staff add: --name is empty"));
		goto out;
	}
	if (s.role == ROLE_AREA_OFFICER) {
		if (!area || !units_is_area(units, area)) {
			units_list(units, UNIT_AREA, &allowed);
			say_error(_("staff add: an area officer needs --area, one of: %s"),
			          sb_str(&allowed));
			goto out;
		}
		s.area = (char *)area;
	} else if (area) {
		say_error(_("staff add: --area is only for the area_officer role"));
		goto out;
	}
	if (s.role == ROLE_LEADER) {
		if (!level || (strcmp(level, "1") != 0 && strcmp(level, "2") != 0)) {
			say_error(_("staff add: a leader needs --level 1 (principal) or 2 "
			            "(committee leader in charge)"));
			goto out;
		}
		s.level = level[0] - '0';
		if (s.level == 2 && !oversees) {
			say_error(_("staff add: a level-2 leader needs --oversees with the units "
			            "they are in charge of"));
			goto out;
		}
	} else if (level || oversees) {
		say_error(_("staff add: --level and --oversees are only for the leader role"));
		goto out;
	}
	if (oversees) {
		s.oversees = split_units(oversees);
		for (char **u = s.oversees; u && *u; u++)
			if (!units_find(units, *u)) {
				units_list(units, -1, &allowed);
				say_error(_("staff add: --oversees: unknown unit '%s'; allowed: %s"), *u,
				          sb_str(&allowed));
				goto out;
			}
	}
	if (!cli_allowed(ctx, PERM_STAFF_ADD, NULL, NULL)) {
		rc = EXIT_NO;
		goto out;
	}
	s.login = clean_login;
	s.name = clean_name;
	s.unit = (char *)unit;
	store_err se = { 0 };
	if (staff_store_add(app_db(ctx), app_actor(ctx)->login, &s, &se) < 0) {
		say_error("staff add: %s", app_store_text(&se, &err));
		rc = EXIT_NO;
		goto out;
	}
	printf(_("added %s (%s, %s, %s)\n"), s.login, s.name, s.unit, _(role_label(s.role)));
	rc = EXIT_OK;
out:
	for (char **u = s.oversees; u && *u; u++)
		free(*u);
	free(s.oversees);
	free(clean_name);
	free(clean_login);
	sb_free(&allowed);
	sb_free(&err);
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
};

static void list_row(const staff *s, void *arg)
{
	out_table *t = arg;
	char level[4] = "";
	if (s->level)
		snprintf(level, sizeof level, "%d", s->level);
	strbuf ov = STRBUF_INIT;
	for (char **u = s->oversees; u && *u; u++)
		sb_addf(&ov, "%s%s", u == s->oversees ? "" : "|", *u);
	const char *cells[] = { s->login, s->name, s->unit, role_code(s->role),
	                        s->area ? s->area : "", level, sb_str(&ov),
	                        s->disabled_on ? s->disabled_on : "" };
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
		{ "add", staff_add, NULL },         { "list", staff_list, NULL },
		{ "disable", staff_disable, NULL }, { "enable", staff_enable, NULL },
	};
	return cli_subcommand(ctx, argc, argv, subs, (int)(sizeof subs / sizeof subs[0]), usage);
}
