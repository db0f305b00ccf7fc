/* Database life: init (create, and make the current login its first admin),
 * backup (SQLite's online backup API) and check (integrity, foreign keys, the
 * journal mode and why, holiday-file coverage, and how wide the terminal draws
 * ambiguous characters). */
#include "cli/cli.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/audit.h"
#include "app/store_text.h"
#include "config/settings.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/privilege.h"
#include "core/termprobe.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "model/perm.h"
#include "model/unit.h"
#include "store/db.h"
#include "store/staff_store.h"

int cmd_init(app_ctx *ctx, int argc, char **argv);
int cmd_backup(app_ctx *ctx, int argc, char **argv);
int cmd_check(app_ctx *ctx, int argc, char **argv);

static const char *full_name_of(const char *login)
{
	struct passwd *pw = getpwnam(login);
	if (pw && pw->pw_gecos && *pw->pw_gecos) {
		static char name[128];
		snprintf(name, sizeof name, "%s", pw->pw_gecos);
		char *comma = strchr(name, ',');
		if (comma)
			*comma = '\0';
		if (*name)
			return name;
	}
	return login;
}

int cmd_init(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "name", required_argument, NULL, 'n' },
		{ "unit", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL, *unit = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'd': ctx->db_path = optarg; break;
		case 'n': name = optarg; break;
		case 'u': unit = optarg; break;
		case 'h':
			printf(_("usage: qifu init [--db PATH] [--name NAME] [--unit UNIT]\n"
			         "Create a new database and make the current login (%s) its first "
			         "administrator.\n"), app_os_login());
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (!cli_unprotected(argv))
		return EXIT_NO;
	return cli_db_create(ctx, ctx->db_path, app_os_login(), name, unit);
}

int cli_db_create(app_ctx *ctx, const char *path, const char *login, const char *name,
		  const char *unit)
{
	unit_table *units = app_units(ctx);
	if (!unit) {
		const unit_def *centre = units_centre(units);
		unit = centre ? centre->name : units->v[0].name;
	} else if (!units_find(units, unit)) {
		strbuf allowed = STRBUF_INIT;
		units_list(units, -1, &allowed);
		say_error(_("unknown unit '%s'; allowed: %s"), unit, sb_str(&allowed));
		sb_free(&allowed);
		return EXIT_USAGE;
	}
	strbuf err = STRBUF_INIT;
	if (paths_mkdir_parent(path, &err) < 0) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	store_err se = { 0 };
	db *d = db_open(path, DB_OPEN_CREATE, &se);
	if (!d) {
		say_error("%s", app_store_text(&se, &err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	db_set_today(d, ctx->today);
	app_db_watch(ctx, d);
	staff admin = { 0 };
	admin.login = (char *)login;
	admin.name = (char *)(name ? name : full_name_of(login));
	admin.unit = (char *)unit;
	admin.role = ROLE_ADMIN;
	/* the notices the installation ships become the database's calendar */
	if (staff_store_add(d, login, &admin, &se) < 0 || app_holiday_seed(ctx, d, &err) < 0) {
		say_error("%s", app_store_text(&se, &err));
		sb_free(&err);
		db_close(&d);
		db_unlink(path);
		return EXIT_USAGE;
	}
	sb_free(&err);
	db_close(&d);
	printf(_("created %s; %s is its administrator\n"), path, login);
	return EXIT_OK;
}

static void backup_usage(FILE *fp)
{
	fputs(_("usage: qifu backup FILE\n"
	        "Copy the live database to FILE with SQLite's online backup; FILE must "
	        "not exist.\n"), fp);
}

int cmd_backup(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, backup_usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 1, _("the file to write")))
		return EXIT_USAGE;
	if (!cli_allowed(ctx, PERM_DB_BACKUP, NULL, NULL))
		return EXIT_NO;
	strbuf err = STRBUF_INIT;
	store_err se = { 0 };
	if (db_backup(app_db(ctx), argv[optind], &se) < 0) {
		say_error("%s", app_store_text(&se, &err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	printf(_("backed up %s to %s\n"), ctx->db_path, argv[optind]);
	return EXIT_OK;
}

static void check_usage(FILE *fp)
{
	fputs(_("usage: qifu check\n"
	        "Check the database (integrity, foreign keys, the event log's hash chain "
	        "as 'qifu audit verify' does), report the journal mode "
	        "and why, which years have holiday files, and how many columns the "
	        "terminal takes for ambiguous characters (asked of it, as the "
	        "full-screen program does, when [display] ambiguous_width is auto).\n"), fp);
}

int cmd_check(app_ctx *ctx, int argc, char **argv)
{
	int rc = cli_help_only(argc, argv, check_usage);
	if (rc >= 0)
		return rc;
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	/* first, while nothing is printed yet: the probe writes on the terminal's line
	 * (keys typed meanwhile are dropped: this command reads none) */
	int setting = (int)cfg_int(ctx->cfg, SET_AMBIGUOUS_WIDTH);
	bool ask = setting == 0 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	char typed[64];
	size_t ntyped;
	fflush(stdout);
	int answer = ask ? termprobe_ask(STDIN_FILENO, STDOUT_FILENO, TERMPROBE_TIMEOUT_MS, typed,
	                                 sizeof typed, &ntyped) : 0;
	ambiguous_found found = termprobe_decide(setting, ask, answer);
	db *d = app_db(ctx);
	app_actor(ctx);
	int problems = 0;
	const char *mode = db_journal_mode(d), *why = app_journal_why(d);
	printf(_("database:     %s\n"), db_path(d));
	printf(_("schema:       version %d (this qifu writes %d)\n"), db_schema_version(d),
	       db_schema_latest());
	printf(_("SQLite:       %s\n"), db_sqlite_version());
	printf(_("journal mode: %s (%s)\n"), mode, why);
	if (priv_protected())
		printf(_("protection:   setgid; the database is reached only through qifu, in %s\n"),
		       priv_dir());
	else
		printf(_("protection:   none (not setgid): whoever can write the database file can "
		         "change it without qifu, so role checks are advisory only; see README, "
		         "Running it for a zone\n"));
	strbuf out = STRBUF_INIT;
	int bad = app_db_check(d, &out);
	if (bad) {
		fputs(sb_str(&out), stdout);
		problems += bad;
	} else {
		printf(_("integrity:    ok\n"));
	}
	sb_reset(&out);
	audit_verdict v;
	app_status audit = app_audit_verify(d, &v, &out);
	printf(_("event log:    %s\n"), sb_str(&out));
	if (audit != APP_OK)
		problems++;
	sb_reset(&out);
	termprobe_describe(&found, &out);
	printf(_("terminal:     %s\n"), sb_str(&out));
	sb_free(&out);
	calendar *cal = app_calendar(ctx);
	int y, m, dd;
	date_to_ymd(ctx->today, &y, &m, &dd);
	/* the years around today: which have their notice, which count provisionally */
	for (int year = y - 1; year <= y + 1; year++) {
		switch (calendar_source(cal, year)) {
		case CAL_SOURCE_NOTICE: {
			const char *n = calendar_notice(cal, year);
			printf(_("holidays %d: notice: %s\n"), year, n && *n ? n : "-");
			break;
		}
		case CAL_SOURCE_PROVISIONAL:
			printf(_("holidays %d: provisional (暂定): no State Council notice yet; the statutory holidays count, make-up working days are not known\n"),
			       year);
			break;
		case CAL_SOURCE_NONE:
			printf(_("holidays %d: neither a notice nor statutory days: weekends only\n"), year);
			break;
		}
	}
	if (problems) {
		printf(P_("%d problem found\n", "%d problems found\n", problems), problems);
		return EXIT_NO;
	}
	printf(_("no problems found\n"));
	return EXIT_OK;
}
