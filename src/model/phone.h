/* A staff member's work phone (issue 18, the contact card): a Chinese mobile number
 * (11 digits starting with 1) or a landline with its area code (0791-88881234),
 * checked and written one way whatever separators were typed. Pure. */
#ifndef QIFU_PHONE_H
#define QIFU_PHONE_H
#include "core/strbuf.h"

/* check typed as a work phone: NULL when it is one (or empty: no phone), its one
 * spelling in out ("13812345678", "0791-88881234", "0791-88881234-801"; "" for none);
 * else the untranslated reason (N_() msgid) and out untouched */
const char *phone_work_check(const char *typed, strbuf *out);

#endif
