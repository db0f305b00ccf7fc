/* The full-screen program: on the real terminal, or headless with keys from a file
 * and screen dumps as text (the key script the golden tests and benchmarks go through). */
#ifndef QIFU_UI_H
#define QIFU_UI_H

#include "app/app.h"

typedef struct ui_headless {
	const char *keys_file; /* one token a line: a key name, text …, resize WxH, dump */
	int cols, rows;        /* screen size */
	const char *dump_file; /* where dump writes; NULL = standard output */
} ui_headless;

/* run the TUI until the user quits (h NULL) or the keys file ends; an exit code */
int ui_run(app_ctx *ctx, const ui_headless *h);

#endif
