/* Who serves an enterprise: the lead and cooperating units, decided by the
 * ordered rule table in data/routing.tsv (DOMAIN §2; first matching row wins).
 * routing_decide is pure. */
#ifndef QIFU_ROUTING_H
#define QIFU_ROUTING_H
#include <stdbool.h>

#include "core/strbuf.h"
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

/* load and check the table against the units; -1 with file:line in err */
int routing_load(routing *r, const char *path, const unit_table *units, strbuf *err);
void routing_free(routing *r);
/* first matching rule; -1 when none matches (the data lacks a row for a category) */
int routing_decide(const routing *r, const route_input *in, route_result *out);

#endif
