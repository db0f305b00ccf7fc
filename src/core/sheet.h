/* Printed text sheets (交办单, 督办单, 入企检查告知单): SHEET_WIDTH columns of a monospaced
 * page; a centred title over a line with something on the left and the print date on
 * the right, label-value lines whose values wrap under themselves, rules. Pure text:
 * the caller translates the words and writes the result (sheet_save). */
#ifndef QIFU_SHEET_H
#define QIFU_SHEET_H
#include "core/strbuf.h"

enum { SHEET_WIDTH = 72, SHEET_LABEL = 18 };

/* title centred, then left and right at the two ends of the next line */
void sheet_head(strbuf *out, const char *title, const char *left, const char *right);
/* label padded to SHEET_LABEL columns, then value wrapped to the rest of the page,
 * each line under the first ('\n' in value starts a new line); a label as wide as its
 * column has a line of its own, the value starting under it in the column */
void sheet_line(strbuf *out, const char *label, const char *value);
/* the same with the value indent columns in: a numbered paragraph ("1. ", 3) */
void sheet_hang(strbuf *out, const char *label, int indent, const char *value);
/* s centred on the page (a wider s starts at the margin), then a newline */
void sheet_centre(strbuf *out, const char *s);
/* the line to sign at the foot: left on the left half, right (the date's label) after */
void sheet_sign(strbuf *out, const char *left, const char *right);
/* a rule of SHEET_WIDTH '-' */
void sheet_rule(strbuf *out);
/* text written into path (created or emptied first); -1 with errno when it cannot be */
int sheet_save(const char *path, const char *text);

#endif
