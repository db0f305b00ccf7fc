/* The words for what the store reports: each store_err code worded once, here, for
 * both faces (the store itself builds no sentence), and the database check's lines. */
#ifndef QIFU_APP_STORE_TEXT_H
#define QIFU_APP_STORE_TEXT_H
#include "core/strbuf.h"
#include "store/db.h"

/* the sentence for e appended to out (nothing for STORE_OK); returns out's text, for
 * handing straight to a message */
const char *app_store_text(const store_err *e, strbuf *out);
/* rc, a store call's result, handed on with the words of e (nothing when e holds no
 * error) appended to out: for callers that answer with a result and a message */
int app_store_rc(int rc, const store_err *e, strbuf *out);
/* why the database uses the journal mode it does (db_journal_mode), in one line */
const char *app_journal_why(const db *d);
/* the database check (db_check): each problem found appended to out as a line;
 * returns their count */
int app_db_check(db *d, strbuf *out);

#endif
