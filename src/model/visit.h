/* Visits to enterprises (走访, DOMAIN §2): date, visiting unit, people, topics,
 * whether the service contact card (服务企业联系卡) was handed over, and the
 * problems found, each kept so that the appeals work can turn it into an appeal. */
#ifndef QIFU_VISIT_H
#define QIFU_VISIT_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/unit.h"

/* the most problems one visit records */
enum { VISIT_MAX_PROBLEMS = 50 };

typedef struct visit_problem {
	int64_t id;
	int seq;            /* 1, 2, … in the order given */
	char *text;
	int64_t appeal_id;  /* the appeal it became, 0 while none */
	char *appeal_number; /* that appeal's number, NULL while none */
} visit_problem;

/* one visit; strings are owned; enterprise, uscc, area and the created fields are
 * filled when read; nproblems is filled by lists, problems only by a single read */
typedef struct visit_rec {
	int64_t id;
	int64_t enterprise_id;
	char *enterprise;
	char *uscc;
	char *area;
	qdate date;
	char *unit;
	char *people;
	char *topics;
	bool card_handed;
	char *created_by;
	char *created_at;
	visit_problem *problems;
	int nproblems;
} visit_rec;

/* free what v owns and zero it */
void visit_rec_clear(visit_rec *v);
/* append a problem (copied) to v */
void visit_add_problem(visit_rec *v, const char *text);

/* clean and check v before it is stored: a known unit, people and topics given,
 * not in the future, problems non-empty; -1 with the reason in err */
int visit_validate(const unit_table *units, visit_rec *v, qdate today, strbuf *err);

#endif
