/* The plan code at the door (法码同行): the text its QR code carries, the code drawn as a
 * QR code, and the printed inspection notice (入企检查告知单) of an approved plan, built
 * once for the command line (qifu inspect notice) and the full-screen program. */
#ifndef QIFU_APP_INSPECTION_NOTICE_H
#define QIFU_APP_INSPECTION_NOTICE_H
#include "app/app.h"
#include "core/qr.h"
#include "model/inspection_reason.h"
#include "store/inspection_store.h"

/* QR_WIDE where [display] ambiguous_width = 2 has the block elements drawn two columns
 * wide, else 0: how every face draws a plan's QR code for this display */
unsigned inspection_qr_width(void);
/* what a plan code's QR code says, translated, in two lines without a final newline:
 * the code, and the command that verifies it (qifu inspect verify), which whoever the
 * enterprise forwards the scan to can paste */
void inspection_qr_text(const char *code, strbuf *out);
/* r's plan code as a QR code drawn with flags (enum qr_flags): APP_OK; APP_NO with why in
 * msg when r has no valid code (not approved yet, or cancelled) */
app_status inspection_qr(const inspection_record *r, unsigned flags, qr_art *out, strbuf *msg);
/* the printed notice of plan r (t names its reason) as lines of text onto out: the plan,
 * its code drawn with flags and the verify line, what the enterprise may do. APP_OK;
 * APP_NO with why in msg when the actor may not read plans or r has no valid code */
app_status inspection_notice(app_ctx *ctx, const inspection_record *r, const inspection_reason_table *t,
			     unsigned flags, strbuf *out, strbuf *msg);
/* the notice written to path (created or emptied): APP_OK with "wrote the notice of
 * inspection N (CODE) to PATH" in msg; what inspection_notice refuses, or APP_BAD when
 * the file cannot be written */
app_status inspection_notice_write(app_ctx *ctx, const inspection_record *r,
		const inspection_reason_table *t, unsigned flags, const char *path, strbuf *msg);
/* a file name for r's notice: "入企检查告知单-JC26-000123-G.txt" (the notice's name in the
 * reader's language), fresh; r has a code */
char *inspection_notice_file_name(const inspection_record *r);

#endif
