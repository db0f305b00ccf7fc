/* The whistle (企业吹哨、专员报到, policy 二(一)): an enterprise calls its service
 * commissioner (by phone, on a visit, by message); the commissioner must report in
 * (报到: contact the enterprise and record what was done) within [whistle]
 * report_days working days. What the rules decide is here, pure: the deadline, the
 * state of a whistle on a day, and the checks of what was typed. */
#ifndef QIFU_WHISTLE_H
#define QIFU_WHISTLE_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "core/workday.h"
#include "model/appeal.h"
#include "model/perm.h"

/* how the enterprise blew the whistle; codes are stable for the CLI, JSON and the
 * database */
typedef enum whistle_via {
	WHISTLE_VIA_PHONE,
	WHISTLE_VIA_VISIT,
	WHISTLE_VIA_MESSAGE,
	WHISTLE_VIA__COUNT
} whistle_via;

/* where a whistle stands on a day; codes are stable for the CLI and JSON */
typedef enum whistle_state {
	WHISTLE_ST_WAITING,     /* not reported in, the deadline not passed */
	WHISTLE_ST_OVERDUE,     /* not reported in, the deadline passed (red) */
	WHISTLE_ST_REPORTED,    /* reported in by the deadline */
	WHISTLE_ST_LATE,        /* reported in after the deadline */
	WHISTLE_ST__COUNT
} whistle_state;

/* one whistle; strings owned. The enterprise's and commissioner's names, the area and
 * the appeal number are filled when read. */
typedef struct whistle_rec {
	int64_t id;
	int64_t enterprise_id;
	char *enterprise;
	char *uscc;
	char *area;
	int64_t commissioner_id;
	char *commissioner;       /* login */
	char *commissioner_name;
	char *unit;               /* the commissioner's unit when the whistle was blown */
	char *lead_unit;          /* the enterprise's lead unit then: it is told when late */
	qdate called_on;
	whistle_via via;
	char *caller;             /* who at the enterprise */
	char *text;               /* what they asked for */
	qdate due;                /* report in by this day */
	qdate reported_on;        /* DATE_NONE while not reported in */
	char *report;             /* what was done; NULL while not reported in */
	char *reported_by;        /* login */
	int64_t appeal_id;        /* the appeal it became, 0 while none */
	char *appeal_number;
	char *created_by;
	char *created_at;
} whistle_rec;

/* the longest caller, text and report, in characters */
enum { WHISTLE_CALLER_MAX = 50, WHISTLE_TEXT_MAX = 500, WHISTLE_REPORT_MAX = 500 };

void whistle_rec_clear(whistle_rec *w);

const char *whistle_via_code(whistle_via v);
/* 电话, 上门, 消息 (msgids) */
const char *whistle_via_label(whistle_via v);
bool whistle_via_parse(const char *code, whistle_via *out);
/* the appeal channel a whistle that becomes an appeal arrived by */
appeal_channel whistle_via_channel(whistle_via v);

const char *whistle_state_code(whistle_state s);
/* 待报到, 逾期未报到, 已报到, 逾期报到 (msgids) */
const char *whistle_state_label(whistle_state s);
bool whistle_state_parse(const char *code, whistle_state *out);

/* the last day to report in on a whistle blown on day called: report_days working
 * days after it on the calendar (a whistle on a rest day counts from the next
 * working day's end as any other) */
qdate whistle_report_due(const calendar *cal, qdate called, int report_days);
/* where a whistle due on day due, reported on day reported (DATE_NONE: not yet),
 * stands on day today */
whistle_state whistle_state_on(qdate due, qdate reported, qdate today);

/* whether a staff member (login, unit, role) may report in on a whistle of the
 * commissioner (login) of unit: the commissioner, a colleague of the unit standing
 * in, or a supervisor or administrator recording it for them; NULL when they may,
 * else the reason (a msgid) */
const char *whistle_may_report(const char *login, const char *unit, role_t role,
		const char *commissioner, const char *commissioner_unit);

/* clean and check a new whistle: a via, the caller and what was asked given, the day
 * not after today; -1 with the reason in err */
int whistle_validate(whistle_rec *w, qdate today, strbuf *err);
/* clean and check a report in on day on of a whistle blown on day called: what was
 * done given, the day neither before the whistle nor after today; -1 with err */
int whistle_validate_report(char **report, qdate on, qdate called, qdate today, strbuf *err);

#endif
