/* What the pieces of `qifu demo` share (cmd_demo.c: the command; demo_staff.c,
 * demo_enterprises.c, demo_appeals.c, and demo_inspect.c on its own header): the demo
 * staff, the seeded draws and the progress line. Every draw comes from the one seed,
 * so the order of the pieces' draws is part of the database they make. */
#ifndef QIFU_DEMO_INTERNAL_H
#define QIFU_DEMO_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

#include "cli/cli.h"
#include "core/strbuf.h"
#include "model/enterprise.h"
#include "model/perm.h"
#include "store/db.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* a demo login: who it is, where and what it may do */
typedef struct demo_staff {
	const char *login;
	const char *unit;
	role_t role;
	const char *area;
	int level;
	const char *oversees;
} demo_staff;

/* the demo's staff, one for every role, unit and level the appeals need */
extern const demo_staff demo_people[];
extern const size_t demo_npeople;

/* one element of arr; every draw is its own statement, so the sequence does not
 * depend on the compiler's order of evaluating arguments */
const char *demo_pick(uint64_t *s, const char *const *arr, size_t n);
/* a Chinese personal name */
char *demo_person_name(uint64_t *s);
/* "what done/total (percent)" on stderr when it is a terminal, every thousand */
void demo_progress(const char *what, long done, long total);

/* write demo_people and the login running the demo (with role me, a supervisor
 * unless asked otherwise); ids[i] gets the id of demo_people[i], 0 for the one that
 * is the login running the demo */
int demo_add_staff(db *d, uint64_t *seed, int64_t *ids, role_t me_role, strbuf *err);
/* count enterprises with names, USCCs, areas, categories and commissioners */
int demo_add_enterprises(db *d, const ent_rules *rules, const int64_t *staff_ids, long count,
		uint64_t *seed, strbuf *err);
/* count appeals lived through the ticket rules, the most overdue taken up the ladder;
 * *open, *overdue and *escalated count what came of them */
int demo_add_appeals(app_ctx *ctx, db *d, const int64_t *staff_ids, long count,
		uint64_t *seed, long *open, long *overdue, long *escalated, strbuf *err);
/* whistles of enterprises with a commissioner in every state (waiting, overdue,
 * reported in on time and late), from a draw of their own of seed */
int demo_whistles(app_ctx *ctx, db *d, uint64_t seed, strbuf *err);

/* the demo's outreach events over the months before today, attended by enterprises of
 * the count written (ids 1..count) */
int demo_add_outreach(app_ctx *ctx, db *d, long count, strbuf *err);
/* the demo's talent programmes and requests, of enterprises 1..count */
int demo_add_talent(app_ctx *ctx, db *d, long count, strbuf *err);

#endif
