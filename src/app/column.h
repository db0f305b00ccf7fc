/* One column of a list, the one description both faces read (htop's one field table):
 * the key scripts read in CSV and JSON, the header people read on the screen and in
 * the command's table, the kind of value, and where the screen puts it. The list
 * widget ignores key and kind, the command's output ignores the geometry. A column the
 * command line does not print has no key; one the screen does not show has width 0. */
#ifndef QIFU_APP_COLUMN_H
#define QIFU_APP_COLUMN_H
#include <stdbool.h>

#include "core/text.h"

typedef enum app_column_kind {
	COL_STR,
	COL_INT,  /* printed bare in JSON, to the right in the table */
	COL_BOOL, /* "1"/"0" in; true/false in JSON, 是/否 in the table and CSV */
	COL_LIST, /* '|'-separated in; a JSON array, "a、b" in the table and CSV */
} app_column_kind;

typedef struct app_column {
	const char *key;     /* JSON key and CSV header: stable, English; NULL: screen only */
	const char *header;  /* N_() msgid of the header, on the screen and in the table */
	app_column_kind kind;
	/* the screen's geometry; width 0 keeps the column off the screen */
	int width;           /* fixed width; the minimum for the stretching column */
	bool stretch;        /* takes what the others leave */
	int align;           /* TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER */
	int min_pane_cols;   /* shown only when the pane is at least this wide; 0 always */
} app_column;

/* Which value of a cell a face wants: the code scripts read (CSV, JSON: a state's
 * code, a commissioner's login) or the words people read (the screen and the
 * command's table: the state's translated name, the commissioner's name). Most
 * columns are the same in both. */
typedef enum app_cell_form { CELL_CODE, CELL_WORDS } app_cell_form;

#endif
