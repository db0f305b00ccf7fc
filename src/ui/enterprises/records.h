/* The enterprise records in the Enterprises pane: the forms that add them (a visit, a
 * financing need and its progress, entering or leaving a pool, opening or closing a
 * warning, a visit problem turned into an appeal, a whistle, its report-in and its
 * appeal), each saved through its model check
 * and store. */
#ifndef QIFU_UI_ENTERPRISES_RECORDS_H
#define QIFU_UI_ENTERPRISES_RECORDS_H

#include "model/enterprise.h"
#include "ui/detail.h"
#include "ui/form.h"

typedef enum entrec_kind {
	ENTREC_VISIT,
	ENTREC_FINANCING,
	ENTREC_POOL_ENTER,
	ENTREC_POOL_LEAVE,
	ENTREC_WARNING_OPEN,
	ENTREC_WARNING_RESPOND,  /* what was done about an open warning (处置) */
	ENTREC_WARNING_CLOSE,
	ENTREC_VISIT_APPEAL,     /* a visit's problem becomes an appeal (转为诉求) */
	ENTREC_STATUS,           /* the operating status: 在营, 迁出, 注销, 停业 */
	ENTREC_FINANCING_UPDATE, /* a need's status, institution, amount funded (a step) */
	ENTREC_WHISTLE,          /* the enterprise calls its commissioner (企业吹哨) */
	ENTREC_WHISTLE_REPORT,   /* the commissioner's report-in (专员报到) */
	ENTREC_WHISTLE_APPEAL,   /* a whistle into an appeal (转为诉求) */
	ENTREC__COUNT
} entrec_kind;

typedef struct entrec entrec;

entrec *entrec_new(shell *sh);
void entrec_free(entrec **r);

/* the pool options of a filter form: "" (all) then every pool; the strings belong to r */
int entrec_pool_options(entrec *r, form_option **opts);
/* the name of a stored pool code */
const char *entrec_pool_name(entrec *r, const char *code);

/* a form asking which kind of record to add, and to which enterprise (e, or another
 * picked by typing its name, pinyin or code) */
form *entrec_chooser(entrec *r, const ent_record *e);
/* the kind the chooser's form chose */
entrec_kind entrec_chosen(const form *f);
/* the enterprise the chooser's form names */
int64_t entrec_chosen_enterprise(const form *f);
/* the form for a record of kind k about e; NULL, with the reason on the status line,
 * when the actor may not or there is nothing to act on (no open warning to close) */
form *entrec_form(entrec *r, entrec_kind k, const ent_record *e);
/* the form changing need (of e) as the coordination list asks; NULL as entrec_form */
form *entrec_need_form(entrec *r, const ent_record *e, int64_t need);
/* the form of a report-in (ENTREC_WHISTLE_REPORT) or an appeal (ENTREC_WHISTLE_APPEAL)
 * of whistle (of e) as the whistle list asks; NULL as entrec_form */
form *entrec_whistle_form(entrec *r, const ent_record *e, entrec_kind k, int64_t whistle);
/* check and save the record the form holds: 0 saved (the message is on the status
 * line), -1 with the error under its field and the form still open */
int entrec_save(entrec *r, form *f, const ent_record *e);

#endif
