/* qifu enterprise import: a spreadsheet of enterprises (CSV from Excel or WPS, any
 * of the encodings they write, or a sheet of an xlsx workbook) checked row by row
 * like every other way in and written in one transaction: all or nothing by
 * default, or the good rows with the bad ones set aside in a rejects file. The checking and the writing are shared with
 * the Enterprises pane's import (app/ent_io.h); this file's command prints. */
#include "cli/cmd_enterprise.h"
#include "cli/cli_args.h"
#include "cli/import_report.h"
#include "app/ent_io.h"

#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "model/ent_import.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/staff_store.h"

int ent_import(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", required_argument, NULL, 's' },
		{ "sheet", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool dry = false;
	const char *rejects = NULL, *sheet = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'n': dry = true; break;
		case 's': rejects = optarg; break;
		case 'S': sheet = optarg; break;
		case 'h':
			printf(_("usage: qifu enterprise import FILE.csv|FILE.xlsx [--sheet NAME] [--dry-run]\n"
			         "                              [--skip-bad REJECTS.csv]\n"
			         "Columns by header, in any order: 企业名称 统一社会信用代码 所属区域 企业类别 "
			         "(required), 所属系 航空类 引进单位 地址 法定代表人 联系人 联系电话 服务专员.\n"
			         "A title above the header is skipped. An xlsx workbook is read from its first "
			         "sheet, or the one --sheet names.\n"
			         "Any bad row: nothing is imported. --skip-bad imports the good rows and writes "
			         "the bad ones, with the reason, to REJECTS.csv.\n"));
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		say_error(_("usage: qifu enterprise import FILE.csv|FILE.xlsx [--sheet NAME] [--dry-run] "
		            "[--skip-bad REJECTS.csv]"));
		return EXIT_USAGE;
	}
	if (!cli_allowed(ctx, PERM_ENT_IMPORT, NULL, NULL))
		return EXIT_NO;
	ent_import_result imp = { 0 };
	import_cli cl;
	import_cli_init(&cl, argv[optind], dry ? NULL : rejects, &imp.rows);
	ent_import_hooks hooks = { .header = import_cli_header, .bad = import_cli_bad,
	                           .warn = import_cli_warn, .progress = import_cli_progress,
	                           .arg = &cl };
	strbuf err = STRBUF_INIT;
	int rc = EXIT_USAGE;
	int ran = ent_import_run(ctx, cl.path, sheet,
	                         dry ? ENT_IMPORT_CHECK : rejects ? ENT_IMPORT_GOOD : ENT_IMPORT_ALL,
	                         &hooks, &imp, &err);
	import_cli_done(&cl);
	if (ran < 0) {
		say_error("%s", sb_str(&err));
		goto out;
	}
	if (dry) {
		printf(_("%s (%s): %ld rows, %ld good, %ld bad, %ld with a field left empty; dry run, "
		         "nothing written\n"), cl.path, imp.encoding, imp.rows, imp.ngood, imp.nbad,
		       imp.nwarn);
		rc = imp.nbad ? EXIT_USAGE : EXIT_OK;
		goto out;
	}
	if (!imp.written) {
		say_error(P_("%s: %ld bad row; nothing imported (fix it, or use --skip-bad FILE)",
		             "%s: %ld bad rows; nothing imported (fix them, or use --skip-bad FILE)",
		             imp.nbad), cl.path, imp.nbad);
		goto out;
	}
	if (import_cli_close(&cl, true, &err) < 0)
		say_error("%s", sb_str(&err));
	printf(P_("%s (%s): imported %ld enterprise", "%s (%s): imported %ld enterprises",
	          imp.ngood), cl.path, imp.encoding, imp.ngood);
	if (imp.nwarn)
		printf(P_(", %ld with a field left empty", ", %ld with a field left empty", imp.nwarn),
		       imp.nwarn);
	if (rejects)
		printf(P_(", %ld rejected row written to %s", ", %ld rejected rows written to %s",
		          imp.nbad), imp.nbad, rejects);
	printf("\n");
	rc = EXIT_OK;
out:
	import_cli_close(&cl, false, &err);
	ent_import_free(&imp);
	sb_free(&err);
	return rc;
}
