/* Personal fields shown to those who do not need them: a phone number with its
 * middle hidden (138****4392), a name with all but its first character hidden
 * (王*). Pure; who sees them in full is perm_sees_personal (model/perm.h). */
#ifndef QIFU_MASK_H
#define QIFU_MASK_H

typedef enum mask_kind {
	MASK_PHONE,   /* 8 characters or more keep the first 3 and last 4; 5 to 7 the
	               * last 2; shorter ones are hidden whole */
	MASK_NAME,    /* the first character, then one * for each of the others */
} mask_kind;

/* s masked as kind, counted in characters (UTF-8); "" stays ""; fresh */
char *mask_personal(mask_kind kind, const char *s);

struct ent_record;
/* the enterprise's personal fields masked in place: its legal representative and
 * contact person as names, its phone as a phone (who sees them in full:
 * perm_sees_ent_personal) */
void mask_enterprise(struct ent_record *e);

/* what an edit of a masked field means: typed when it differs from old masked as kind
 * (the person wrote a new value), else old (they left the masked text as shown, which
 * must not overwrite the value it hides); borrowed from old or typed */
const char *mask_kept(mask_kind kind, const char *old, const char *typed);

#endif
