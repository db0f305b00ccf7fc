/* Who serves an enterprise: the lead and cooperating units, decided by the
 * ordered rule table (DOMAIN §2; first matching row wins). Pure: policy/routing.c
 * fills the table from data/routing.tsv, a checked row at a time. */
#ifndef QIFU_ROUTING_H
#define QIFU_ROUTING_H
#include <stdbool.h>

#include "model/unit.h"

typedef enum route_cond {
	ROUTE_AVIATION,
	ROUTE_GROUP,
	ROUTE_INTRODUCED,
	ROUTE_CATEGORY,
} route_cond;

typedef struct route_rule {
	route_cond cond;
	char *category;  /* ROUTE_CATEGORY only */
	char *lead;      /* a unit, or "@introduced_by" / "@area" */
	char **coop;     /* NULL-terminated, possibly empty */
	char *why;       /* shown with the routing in the 360 view */
} route_rule;

typedef struct routing {
	route_rule *v;
	int n;
} routing;

typedef struct route_input {
	const char *category;      /* code */
	const char *group;         /* "" or NULL when none */
	bool aviation;
	const char *introduced_by; /* "" or NULL when none */
	const char *area;
} route_input;

typedef struct route_result {
	const char *lead;
	const char *const *coop;   /* NULL-terminated */
	const char *why;
	int rule;                  /* index of the matching row */
} route_result;

/* what keeps a rule out of the table */
typedef enum route_fault {
	ROUTE_ROW_OK,
	ROUTE_ROW_COND,  /* none of aviation, group, introduced, category:CODE */
	ROUTE_ROW_LEAD,  /* the lead is neither a unit nor @introduced_by / @area */
	ROUTE_ROW_COOP,  /* a cooperating unit is not a unit */
} route_fault;

/* the rule as the file spells it: the condition, the lead, the cooperating units
 * (NULL-terminated, copied) and why */
typedef struct route_row {
	const char *cond;
	const char *lead;
	const char *const *coop;
	const char *why;
} route_row;

/* add a rule, checked against the units; anything but ROUTE_ROW_OK leaves the table
 * as it was, and ROUTE_ROW_COOP sets *bad to the index of the unknown unit in coop */
route_fault routing_add(routing *r, const route_row *row, const unit_table *units, int *bad);
void routing_free(routing *r);
/* first matching rule; -1 when none matches (the data lacks a row for a category) */
int routing_decide(const routing *r, const route_input *in, route_result *out);

#endif
