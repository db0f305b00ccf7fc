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
} ent_record;

void ent_record_clear(ent_record *e);

#endif
