/* The cultivation pools (科技型企业培育库, 五上企业培育库; DOMAIN §2), membership
 * periods with their entry and exit, and the rules of entering and leaving a pool.
 * Pure over the table, which policy/pools.c fills from data/pools.tsv. */
#ifndef QIFU_POOL_H
#define QIFU_POOL_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/codes.h"

/* the pool table is a code table (model/codes.h): tech, upscale */
enum { POOL_CODE_MAX = CODE_MAX };
typedef code_def pool_def;
typedef code_table pool_table;

/* add a pool; anything but CODE_ROW_OK leaves the table as it was */
code_fault pools_add(pool_table *t, const char *code, const char *name);
/* free the table and leave it empty */
void pools_free(pool_table *t);
/* by code (tech) or name (科技型企业培育库) */
const pool_def *pools_find(const pool_table *t, const char *s);
/* the name for a stored code, or the code itself when the data no longer has it */
const char *pools_name(const pool_table *t, const char *code);
/* "tech (科技型企业培育库), upscale (…)" for "allowed values" messages */
void pools_list(const pool_table *t, strbuf *out);

/* one membership period of an enterprise in a pool; strings are owned */
typedef struct pool_period {
	int64_t id;
	int64_t enterprise_id;
	char *enterprise;   /* name, uscc and area are filled when read */
	char *uscc;
	char *area;
	char *pool;         /* code */
	qdate entered_on;
	qdate left_on;      /* DATE_NONE while a member */
	char *reason_in;    /* "" when none given */
	char *reason_out;
	char *entered_by;
	char *left_by;      /* "" while a member */
} pool_period;

/* free what p owns and zero it */
void pool_period_clear(pool_period *p);

typedef enum pool_verdict {
	POOL_OK,
	POOL_ALREADY_MEMBER,  /* enter: there is an open period */
	POOL_NOT_MEMBER,      /* leave: there is no open period */
	POOL_BEFORE_LAST_EXIT,/* enter: the date lies before the end of the last period */
	POOL_BEFORE_ENTRY,    /* leave: the date lies before the open period began */
	POOL_FUTURE,          /* the date lies after today */
} pool_verdict;

/* may an enterprise enter on day on? member: it has an open period; last_left: the
 * end of its latest period, or DATE_NONE */
pool_verdict pool_enter_check(bool member, qdate last_left, qdate on, qdate today);
/* may it leave on day on? entered_on: start of the open period when member */
pool_verdict pool_leave_check(bool member, qdate entered_on, qdate on, qdate today);

/* clean the reasons of p; leaving needs one. -1 with the reason in err */
int pool_validate_reason(char **reason, bool required, strbuf *err);

#endif
