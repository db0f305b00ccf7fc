/* An enterprise of the register (DOMAIN §2) as the model and the store exchange
 * it. Strings are owned by the record. */
#ifndef QIFU_ENTERPRISE_H
#define QIFU_ENTERPRISE_H
#include <stdbool.h>
#include <stdint.h>

typedef struct ent_record {
	int64_t id;
	char *name;
	char *uscc;
	char *uscc_override;   /* reason a failing code was accepted, or NULL */
	char *address;
	char *area;
	char *category;        /* code */
	char *group;           /* "" when none */
	bool aviation;
	char *introduced_by;   /* "" when none */
	char *legal_rep;
	char *contact;
	char *phone;
	int64_t commissioner_id; /* 0 when none */
	char *commissioner;    /* login, filled when read */
	char *status;          /* operating, … */
	char *lead_unit;
	char *coop_units;      /* '|'-separated */
	char *lead_override;   /* reason a supervisor set the lead unit, or NULL */
	/* what the register's list shows beside the record, filled when read */
	char *commissioner_name; /* the commissioner's display name, "" when none */
	int open_appeals;
	bool warning;          /* an open relocation warning */
} ent_record;

void ent_record_clear(ent_record *e);

#include "core/strbuf.h"
#include "model/category.h"
#include "model/routing.h"
#include "model/unit.h"

/* the policy tables an enterprise is checked and routed against */
typedef struct ent_rules {
	const unit_table *units;
	const catalog *cat;
	const routing *rt;
} ent_rules;

/* the fields people fill in, for naming the one at fault (import column, form field) */
typedef enum ent_field {
	ENT_F_NONE,
	ENT_F_NAME,
	ENT_F_USCC,
	ENT_F_AREA,
	ENT_F_CATEGORY,
	ENT_F_GROUP,
	ENT_F_AVIATION,
	ENT_F_INTRODUCED,
	ENT_F_ADDRESS,
	ENT_F_LEGAL_REP,
	ENT_F_CONTACT,
	ENT_F_PHONE,
	ENT_F_COMMISSIONER,
	ENT_F__COUNT
} ent_field;

typedef enum ent_verdict {
	ENT_OK,
	ENT_INVALID,        /* err says which field and why */
	ENT_USCC_FAILS,     /* the code fails its check; a supervisor may accept it with a reason */
} ent_verdict;

/* clean (sanitise, trim), check and route e in place; *bad (may be NULL) names the
 * field at fault. category may be given as code or
 * label and is stored as the code. uscc_reason, when set, accepts a code that fails
 * only its check characters. The lead and cooperating units are recomputed unless
 * e->lead_override is set. Pure over the tables. */
ent_verdict ent_validate(const ent_rules *r, ent_record *e, const char *uscc_reason,
                         ent_field *bad, strbuf *err);
/* The operating status (经营状态): in business, moved out of the zone, deregistered,
 * suspended. One that has moved out or been deregistered leaves the default list. */
typedef enum ent_status {
	ENT_ST_OPERATING,
	ENT_ST_MOVED_OUT,
	ENT_ST_DEREGISTERED,
	ENT_ST_SUSPENDED,
	ENT_ST__COUNT
} ent_status;
/* "operating", "moved_out", … as stored; "?" out of range */
const char *ent_status_code(ent_status s);
/* 在营, 迁出, 注销, 停业 (msgids) */
const char *ent_status_label(ent_status s);
bool ent_status_parse(const char *code, ent_status *out);
/* whether an enterprise of status s is gone from the zone (left out of the list
 * unless asked for) */
bool ent_status_gone(ent_status s);
/* whether a change from one status to another may be made and what it needs: false
 * with the reason (no change, or a deregistered one) */
bool ent_status_change_ok(ent_status from, ent_status to, strbuf *why);

/* copy src into dst (dst cleared first) */
void ent_record_copy(ent_record *dst, const ent_record *src);

#endif
