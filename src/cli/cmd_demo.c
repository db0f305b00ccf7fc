/* qifu demo: a deterministic, realistic database for demonstrations, screen tests
 * and benchmarks: staff for every role (demo_staff.c), enterprises (demo_enterprises.c),
 * appeals lived through the real state machine and the ladder (demo_appeals.c), and
 * inspections (demo_inspect.c), written in that order from one seed. The same seed
 * always gives the same database. */
#include "cli/demo_internal.h"
#include "cli/demo_inspect.h"
#include "cli/demo_projects.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/store_text.h"
#include "core/i18n.h"
#include "core/paths.h"
#include "core/xalloc.h"
#include "store/appeal_store.h"
#include "store/db.h"
#include "store/staff_store.h"

int cmd_demo(app_ctx *ctx, int argc, char **argv);

int cmd_demo(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "enterprises", required_argument, NULL, 'e' },
		{ "appeals", required_argument, NULL, 'a' },
		{ "seed", required_argument, NULL, 's' },
		{ "role", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long count = 300, appeals = 0, open = 0, overdue = 0, escalated = 0, nprojects = 0;
	uint64_t seed = 1;
	role_t role = ROLE_SUPERVISOR;
	int c;
	char *end;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'e':
			count = strtol(optarg, &end, 10);
			if (*end || count < 0 || count > 10000000) {
				say_error(_("demo: --enterprises: '%s' is not a count from 0 to 10000000"),
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case 'a':
			appeals = strtol(optarg, &end, 10);
			if (*end || !*optarg || appeals < 0 || appeals > 10000000) {
				say_error(_("demo: --appeals: '%s' is not a count from 0 to 10000000"),
				          optarg);
				return EXIT_USAGE;
			}
			break;
		case 's':
			seed = strtoull(optarg, &end, 10);
			if (*end || !*optarg) {
				say_error(_("demo: --seed: '%s' is not a whole number"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'r':
			if (!role_parse(optarg, &role)) {
				say_error(_("demo: --role: '%s' is not one of frontdesk, area_officer, "
				            "unit_staff, supervisor, leader, admin"), optarg);
				return EXIT_USAGE;
			}
			break;
		case 'h':
			printf(_("usage: qifu demo --db PATH [--enterprises N] [--appeals M] [--seed S]\n"
			         "                 [--role ROLE]\n"
			         "Write a new demonstration database (default 300 enterprises, no "
			         "appeals); the current login becomes a supervisor in it, or --role "
			         "(admin: then --as LOGIN opens it as any of its staff). Appeals are "
			         "registered over the 400 days up to --today and moved through the "
			         "appeal rules.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (!cli_unprotected(argv))
		return EXIT_NO;
	const ent_rules *rules = app_ent_rules(ctx);
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	db *d = NULL;
	char *tmp = NULL;
	int64_t *staff_ids = NULL;
	store_err se = { 0 };
	/* built beside the path and moved there when complete: the appeals are written
	 * without a rollback journal (db_build_begin) */
	if (paths_mkdir_parent(ctx->db_path, &err) < 0 ||
	    !(d = db_open_build(ctx->db_path, &tmp, &se))) {
		say_error("%s", app_store_text(&se, &err));
		goto out;
	}
	db_set_today(d, ctx->today);
	app_db_watch(ctx, d);
	if (app_calendar_reload(ctx, d, &err) < 0) {
		say_error("%s", sb_str(&err));
		db_close(&d);
		db_unlink(tmp);
		goto out;
	}
	staff_ids = xcalloc(demo_npeople, sizeof *staff_ids);
	uint64_t s = seed;
	if (app_store_rc(appeal_store_bulk_mode(d, &se), &se, &err) < 0 ||
	    demo_add_staff(d, &s, staff_ids, role, &err) < 0 ||
	    demo_add_enterprises(d, rules, staff_ids, count, &s, &err) < 0 ||
	    demo_add_appeals(ctx, d, staff_ids, appeals, &s, &open, &overdue, &escalated, &err) < 0 ||
	    demo_inspections(ctx, d, seed, &err) < 0 ||
	    demo_projects(ctx, d, seed, &nprojects, &err) < 0 ||
	    demo_add_outreach(ctx, d, count, &err) < 0 ||
	    demo_add_talent(ctx, d, count, &err) < 0 ||
	    demo_whistles(ctx, d, seed, &err) < 0) {
		say_error("%s", sb_str(&err));
		db_close(&d);
		db_unlink(tmp);
		goto out;
	}
	long nstaff = 0;
	if (staff_store_count(d, &nstaff, &se) < 0)
		say_error("%s", app_store_text(&se, &err));
	if (db_build_publish(&d, tmp, ctx->db_path, &se) < 0) {
		say_error("%s", app_store_text(&se, &err));
		db_unlink(tmp);
		goto out;
	}
	printf(_("wrote %s: %ld enterprises, %d staff; you (%s): %s\n"), ctx->db_path, count,
	       (int)nstaff, app_os_login(), _(role_label(role)));
	printf(P_("and %ld pre-investment project at every stage\n",
	          "and %ld pre-investment projects at every stage\n", nprojects), nprojects);
	if (appeals > 0)
		printf(_("and %ld appeals: %ld open, %ld of them overdue\n"), appeals, open, overdue);
	if (escalated > 0)
		printf(P_("%ld appeal was escalated to level 2 or 1, with its dispatch records\n",
		          "%ld appeals were escalated to level 2 or 1, with their dispatch records\n",
		          escalated), escalated);
	rc = EXIT_OK;
out:
	free(tmp);
	free(staff_ids);
	sb_free(&err);
	return rc;
}
