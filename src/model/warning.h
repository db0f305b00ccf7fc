/* Relocation early warnings (迁出预警, DOMAIN §2): where the signal came from, how
 * serious it is, the responses taken, and when a warning may take a response or be
 * closed. Pure. */
#ifndef QIFU_WARNING_H
#define QIFU_WARNING_H
#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/strbuf.h"

/* source codes are stored in the database: append, never rename */
typedef enum warn_source {
	WARN_TAX,      /* tax: 高新税务局 */
	WARN_MARKET,   /* market: 高新市场监管局 */
	WARN_VISIT,    /* visit: found on a visit */
	WARN_OTHER,
	WARN_SOURCE__COUNT
} warn_source;

/* stored as the number; 3 is the most serious so that sorting descending puts it first */
typedef enum warn_level {
	WARN_LOW = 1,
	WARN_MEDIUM = 2,
	WARN_HIGH = 3,
} warn_level;

typedef enum warn_verdict {
	WARN_OK,
	WARN_IS_CLOSED,      /* the warning is closed: no more responses, no second close */
	WARN_BEFORE_OPENED,  /* the date lies before the warning was opened */
	WARN_FUTURE,         /* the date lies after today */
} warn_verdict;

/* one response taken, in the order given; strings are owned */
typedef struct warn_response {
	qdate on;
	char *text;
	char *by;
	bool closing;        /* given when the warning was closed */
} warn_response;

/* one warning; enterprise, uscc, area, latest and responses are filled when read */
typedef struct warn_rec {
	int64_t id;
	int64_t enterprise_id;
	char *enterprise;
	char *uscc;
	char *area;
	warn_source source;
	warn_level level;
	char *signal;
	qdate opened_on;
	qdate closed_on;      /* DATE_NONE while open */
	char *latest;         /* the latest response's text, "" when none */
	char *created_by;
	char *created_at;
	warn_response *responses;
	int nresponses;
} warn_rec;

/* free what w owns, responses included, and zero it */
void warn_rec_clear(warn_rec *w);

/* "tax", "market", "visit", "other" as stored */
const char *warn_source_code(warn_source s);
/* the English label (a msgid) */
const char *warn_source_label(warn_source s);
/* code, English label or its translation */
bool warn_source_parse(const char *s, warn_source *out);
/* "tax, market, visit, other" for "allowed values" messages */
void warn_source_list(strbuf *out);

/* "low", "medium", "high" */
const char *warn_level_code(warn_level l);
/* the English label (a msgid) */
const char *warn_level_label(warn_level l);
/* low|medium|high, 低|中|高, the English label or its translation. Digits are
 * refused: a Chinese 一级预警 is the most serious, an English "level 1" the least. */
bool warn_level_parse(const char *s, warn_level *out);

/* a new warning opened on day on */
warn_verdict warn_open_check(qdate on, qdate today);
/* a response or the close, on day on, of a warning opened on opened and closed on
 * closed (DATE_NONE while open) */
warn_verdict warn_change_check(qdate opened, qdate closed, qdate on, qdate today);

/* clean signal; -1 with the reason in err */
int warn_validate(warn_rec *w, strbuf *err);
/* clean a response text; required unless it only accompanies a close */
int warn_validate_response(char **text, bool required, strbuf *err);

#endif
