/* What the record files of the Enterprises pane share (records.c: the sections and
 * forms of visits, pools, warnings and the operating status; financing_records.c:
 * financing needs, their status changes and history; whistle_records.c: whistles).
 * Nothing else includes this. */
#ifndef QIFU_UI_ENTERPRISES_RECORDS_PRIVATE_H
#define QIFU_UI_ENTERPRISES_RECORDS_PRIVATE_H

#include "app/records.h"
#include "store/db.h"
#include "ui/enterprises/records.h"

/* records of each kind a 360 view shows; the commands list them all */
#define ENTREC_SHOWN 10

/* the fields of the open record form */
enum { F_DATE, F_UNIT, F_PEOPLE, F_TOPICS, F_CARD, F_PROBLEMS, F_AMOUNT, F_PURPOSE, F_STATUS,
	F_INSTITUTION, F_POOL, F_REASON, F_SOURCE, F_LEVEL, F_SIGNAL, F_WARNING, F_PROBLEM, F_KIND,
	F_NEED, F_FUNDED, F_NOTE, F_VIA, F_CALLER, F_TEXT, F_WHISTLE, F_TERM, F_GUARANTEE, F__COUNT };

struct entrec {
	shell *sh;
	form_option *pool_opts;
	int npool_opts;
	entrec_kind kind;
	int fld[F__COUNT];
};

/* records.c: the database */
db *entrec_db(entrec *r);
/* how a save ended, shown where it belongs: 0 saved (done on the status line), -1 */
int entrec_saved(entrec *r, form *f, int field, app_record_rc rc, const strbuf *err,
                 const char *done);

/* financing_records.c: the form of a new need and of a change of one (need: the one
 * chosen first, 0 for the latest), and their saving */
void entrec_financing_form(entrec *r, form *f);
/* false, with the reason on the status line, when e has no need to change */
bool entrec_financing_update_form(entrec *r, form *f, const ent_record *e, int64_t need);
int entrec_financing_save(entrec *r, form *f, const ent_record *e, strbuf *err);
int entrec_financing_update_save(entrec *r, form *f, strbuf *err);

/* whistle_records.c: the forms of a whistle, its report-in and its appeal (whistle:
 * the one chosen first, 0 for the latest); false, with the reason on the status line,
 * when there is nothing to act on */
bool entrec_whistle_fill(entrec *r, form *f, const ent_record *e, int64_t whistle);
int entrec_whistle_save(entrec *r, form *f, const ent_record *e, strbuf *err);

#endif
