/* The printable sheets of one appeal, once for both faces: the dispatch sheet (交办单)
 * the lead unit signs for, and the supervision sheet (督办单) of an overdue appeal.
 * A sheet is filled (its words translated, its fields in print order), then laid out
 * as text (core/sheet) or written as text or an xlsx workbook. */
#ifndef QIFU_APP_APPEAL_SHEET_H
#define QIFU_APP_APPEAL_SHEET_H
#include <stdbool.h>

#include "app/app.h"
#include "store/appeal_store.h"

typedef enum app_sheet_kind {
	APP_SHEET_DISPATCH,   /* 交办单: a dispatched appeal */
	APP_SHEET_SUPERVISE,  /* 督办单: an overdue appeal, for who may see the reports */
} app_sheet_kind;

enum { APP_SHEET_FIELDS = 24 };
typedef struct app_sheet {
	const char *title;         /* the heading; the workbook's title row adds the number */
	const char *name;          /* what it is: "dispatch sheet", in file names too */
	const char *signature;     /* who signs, on the last line */
	int n;
	struct {
		const char *label;
		char *value;               /* owned */
	} f[APP_SHEET_FIELDS];
} app_sheet;

/* fill s with the sheet of a: APP_OK, or APP_NO with why a has no such sheet (not
 * dispatched, not overdue) or the actor may not print it */
app_status app_sheet_fill(app_ctx *ctx, const appeal_record *a, app_sheet_kind kind,
		app_sheet *s, strbuf *why);
void app_sheet_clear(app_sheet *s);
/* the sheet laid out as a page of text */
void app_sheet_text(app_ctx *ctx, const appeal_record *a, const app_sheet *s, strbuf *out);
/* write it to path, as a workbook when xlsx: APP_OK with "wrote the … of N to PATH" in
 * msg, or APP_BAD with what went wrong (nothing half-written is left as the file) */
app_status app_sheet_write(app_ctx *ctx, const appeal_record *a, const app_sheet *s,
		bool xlsx, const char *path, strbuf *msg);
/* a file name for it: "交办单-2026-000184.txt" (the sheet's name in the reader's
 * language), fresh */
char *app_sheet_file_name(const appeal_record *a, const app_sheet *s, bool xlsx);

#endif
