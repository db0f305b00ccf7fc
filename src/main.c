/* qifu: parse the global options, load settings, then run a command or the TUI. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "qifu-build.h"
#include "cli/cli.h"
#include "core/i18n.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	bindtextdomain("qifu", QIFU_LOCALEDIR);
	textdomain("qifu");
	cli_ctx ctx = { 0 };
	ctx.today = date_system_today();
	if (argc < 2) {
		fprintf(stderr, "usage: qifu COMMAND\n");
		return EXIT_USAGE;
	}
	return cli_run(&ctx, argc - 1, argv + 1);
}
