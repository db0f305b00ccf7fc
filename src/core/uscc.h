/* The unified social credit code (统一社会信用代码, GB 32100-2015): normalising what
 * people type or paste, checking it position by position, and completing a code's two
 * check characters. Pure; the one text builder translates for the UI and the CLI. */
#ifndef QIFU_USCC_H
#define QIFU_USCC_H
#include "core/strbuf.h"

/* in the order they are checked: a code fails with the first that applies */
typedef enum uscc_status {
	USCC_VALID,
	USCC_BAD_LENGTH,     /* not 18 characters after normalising */
	USCC_BAD_CHAR,       /* a character outside 0-9 A-H J-N P-R T U W-Y */
	USCC_BAD_REGION,     /* positions 3–8 (administrative region) not all digits */
	USCC_BAD_CHECK,      /* position 18 is not the GB 32100 check character */
	USCC_BAD_ORG_CHECK,  /* GB check passes, but position 17 is not the GB 11714 check of
	                      * the embedded organisation code; some early pilot codes do this */
} uscc_status;

typedef struct uscc_error {
	int pos;        /* 1-based position at fault; 0 for USCC_BAD_LENGTH */
	int length;     /* characters after normalising (USCC_BAD_LENGTH) */
	char found[5];  /* the character at pos, UTF-8, for the position kinds */
	char expected;  /* the check character that belongs at pos (the two check kinds) */
} uscc_error;

/* normalise in (spaces, hyphens, full-width forms, case) into norm when it is 18 ASCII
 * characters long (else norm is ""), then check it; e (may be NULL) gets the details */
uscc_status uscc_check(const char *in, char norm[19], uscc_error *e);
/* fill positions 17 and 18 of a code whose first 16 characters are from the alphabet */
void uscc_complete(char code[19]);
/* a translated one-line explanation of a failed check, appended to out */
void uscc_explain(uscc_status st, const uscc_error *e, strbuf *out);

#endif
