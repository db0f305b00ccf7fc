/* What the xlsx writers share (xlsx.c: the table exports; xlsx_cards.c: the cards):
 * the start of a workbook through its temporary file. Only for builds with
 * libxlsxwriter; nothing outside src/core includes this. */
#ifndef QIFU_XLSX_INTERNAL_H
#define QIFU_XLSX_INTERNAL_H
#include <xlsxwriter.h>

#include "core/lazy_libs.h"
#include "core/strbuf.h"

/* a workbook in constant-memory mode writing "path.tmp" (*tmp, the caller frees it),
 * the file created at once so that an unwritable place is reported first, and its one
 * worksheet in *ws; NULL with the reason in err and nothing left behind */
lxw_workbook *xlsx_workbook_start(const char *path, char **tmp, lxw_worksheet **ws,
				  strbuf *err);

#endif
