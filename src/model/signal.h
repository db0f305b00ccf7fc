/* Signals for relocation early warning (迁出预警) from the tax and market-supervision
 * bureaus' lists: the kinds of signal and the column map a site edits
 * (data/import/signals.tsv), one row read into a signal, and the rule what a signal
 * does to the enterprise's warning of its kind. Pure. */
#ifndef QIFU_SIGNAL_H
#define QIFU_SIGNAL_H
#include <stdbool.h>

#include "core/date.h"
#include "core/strbuf.h"
#include "model/colmap.h"
#include "model/enterprise.h"
#include "model/warning.h"

typedef enum signal_field {
	SIG_F_NONE = -1,  /* the row as a whole */
	SIG_F_USCC,       /* 统一社会信用代码 (required) */
	SIG_F_KIND,       /* the signal's kind (required unless every row's kind is given) */
	SIG_F_DATE,       /* the day or month of the signal (required) */
	SIG_F_NAME,       /* 企业名称, for messages */
	SIG_F_DETAIL,     /* what the bureau says */
	SIG_F__COUNT
} signal_field;

/* "uscc", "kind", … as the map names them */
const char *signal_field_code(signal_field f);

enum { SIG_KINDS_MAX = 16, SIG_WORDS_MAX = 6 };

/* one kind of signal; strings owned */
typedef struct signal_kind {
	char *code;                    /* kept with the warning: zero_declaration, … */
	warn_source source;
	warn_level level;              /* the level a new warning opens at */
	bool has_status;
	ent_status status;             /* the operating status that follows */
	char *words[SIG_WORDS_MAX];    /* the list's words for it */
	int nwords;
} signal_kind;

typedef struct signal_map {
	signal_kind kinds[SIG_KINDS_MAX];
	int nkinds;
	colmap cols;  /* the headers of each signal_field */
} signal_map;

typedef enum signal_map_row {
	SIG_MAP_OK,
	SIG_MAP_WHAT,     /* the first field is not kind or column */
	SIG_MAP_SHAPE,    /* the wrong number of fields */
	SIG_MAP_SOURCE,   /* not tax or market */
	SIG_MAP_LEVEL,    /* not low, medium or high */
	SIG_MAP_STATUS,   /* not an operating status other than operating, nor - */
	SIG_MAP_FIELD,    /* not a field code */
	SIG_MAP_TWICE,    /* a kind, word, field or header given twice */
	SIG_MAP_FULL,     /* more kinds, words or headers than the map holds */
} signal_map_row;

/* add one row of the map file (fields v[0..n)): "kind CODE SOURCE LEVEL STATUS
 * WORDS" or "column FIELD HEADER[|HEADER…]" */
signal_map_row signal_map_add(signal_map *m, char *const *v, int n);
/* the map is whole: a kind, and uscc and date each with a header; else -1 with what
 * lacks in err */
int signal_map_check(const signal_map *m, strbuf *err);
void signal_map_free(signal_map *m);
/* the kind whose code (or, when words, one of whose words) is s; NULL none */
const signal_kind *signal_kind_find(const signal_map *m, const char *s, bool words);
/* "zero_declaration, abnormal, …" for messages */
void signal_kind_list(const signal_map *m, strbuf *out);

/* where each field is in a header row */
typedef struct signal_cols {
	int col[SIG_F__COUNT]; /* -1 when absent */
} signal_cols;

/* match a header row; the kind column may be absent when fixed (--kind) gives every
 * row's kind. -1 with the missing columns (or one found twice) in err; columns the
 * map does not name go to ignored (may be NULL). */
int signal_cols_match(const signal_map *m, bool fixed, const char *const *fields, int n,
		signal_cols *c, strbuf *err, strbuf *ignored);

/* one signal as read from a row; strings owned, kind borrowed from the map */
typedef struct signal_in {
	char uscc[19];          /* normalised */
	char *uscc_typed;
	char *name;             /* "" none */
	const signal_kind *kind;
	qdate on;
	char *detail;           /* "" none */
} signal_in;

/* fill s (cleared first) from one data row, fixed (may be NULL) the kind of every
 * row; -1 with the reason in err and the field at fault in *bad: no or an invalid
 * code, a kind not in the map, no date, a date that is none or lies after today */
int signal_row_read(const signal_map *m, const signal_kind *fixed, const signal_cols *c,
		const char *const *fields, int n, qdate today, signal_in *s, signal_field *bad,
		strbuf *err);
void signal_in_clear(signal_in *s);

/* what a signal does to the enterprise's warning of its kind */
typedef enum signal_action {
	SIG_OPEN,     /* no open warning of the kind: one opens at the kind's level */
	SIG_RAISE,    /* an open one: it rises one level */
	SIG_AT_TOP,   /* an open one already at the highest level: the signal is only noted */
	SIG_KNOWN,    /* this signal (enterprise, kind, day) was imported before: nothing */
} signal_action;

/* what the store holds about the signal's enterprise and kind */
typedef struct signal_state {
	bool seen;          /* the same signal was recorded before */
	bool open;          /* a warning of the kind is open */
	warn_level level;   /* its level */
} signal_state;

/* the action, and in *level the warning's level after it */
signal_action signal_decide(const signal_state *s, warn_level kind_level, warn_level *level);

/* the status the enterprise gets after a signal of kind k when it has status from:
 * true with *to when it changes (the kind sets one, it differs, and the change is
 * allowed: a deregistered enterprise stays so) */
bool signal_status_follows(const signal_kind *k, ent_status from, ent_status *to);

#endif
