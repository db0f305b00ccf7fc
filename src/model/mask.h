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

#endif
