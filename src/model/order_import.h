/* Work orders from other channels (12345 hotline, online platforms): the column map a
 * site edits (data/import/12345.tsv: which header holds which field, and which of
 * the channel's appeal types is which kind of appeal), one row turned into an order,
 * and the decision which enterprise an order is matched to, or why it is held for a
 * person to match. Pure; reading the files and the database is the caller's. */
#ifndef QIFU_ORDER_IMPORT_H
#define QIFU_ORDER_IMPORT_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "model/colmap.h"
#include "model/appeal.h"
#include "model/ticket.h"

/* the fields of a work order, in the order of a 12345 export */
typedef enum order_field {
	ORDER_F_NONE = -1,       /* the row as a whole */
	ORDER_F_NUMBER,          /* 工单编号 (required) */
	ORDER_F_RECEIVED,        /* 来电时间 */
	ORDER_F_CALLER,          /* 来电人 */
	ORDER_F_PHONE,           /* 联系电话 */
	ORDER_F_CONTENT,         /* 诉求内容 (required) */
	ORDER_F_ENTERPRISE,      /* 企业名称: a name, or a USCC typed there */
	ORDER_F_USCC,            /* 统一社会信用代码 */
	ORDER_F_KIND,            /* 诉求类型 */
	ORDER_F_DUE,             /* 办理时限 */
	/* written back by the export only (an export read again ignores them) */
	ORDER_F_RESULT,          /* 办理结果 */
	ORDER_F_ANSWERED_AT,     /* 办结时间 */
	ORDER_F_CALLBACK,        /* 回访结果 */
	ORDER_F__COUNT
} order_field;

/* "number", "received_at", … as the column map names them; NULL for ORDER_F_NONE */
const char *order_field_code(order_field f);
bool order_field_parse(const char *code, order_field *out);

enum { ORDER_KINDS_MAX = 32 };

/* how the enterprise answered the callback, as the export words it */
typedef enum order_callback {
	ORDER_CB_NONE,
	ORDER_CB_SATISFIED,
	ORDER_CB_DISSATISFIED,
	ORDER_CB__COUNT
} order_callback;

/* a column map as the data file gives it; strings owned */
typedef struct order_colmap {
	appeal_channel channel;
	bool has_channel;
	colmap cols;  /* the headers each order_field may have */
	struct { char *text; ticket_kind kind; } kinds[ORDER_KINDS_MAX];
	int nkinds;
	ticket_kind default_kind;   /* the kind of a type not listed ("*") */
	bool has_default;
	char *callback[ORDER_CB__COUNT]; /* the export's words for each callback; NULL "" */
} order_colmap;

/* what one row of the map file did */
typedef enum order_map_row {
	ORDER_MAP_OK,
	ORDER_MAP_WHAT,           /* the first field is not channel, column or kind */
	ORDER_MAP_SHAPE,          /* the wrong number of fields for what it is */
	ORDER_MAP_CHANNEL,        /* not a channel code an order comes by (hotline, online) */
	ORDER_MAP_FIELD,          /* not a field code */
	ORDER_MAP_KIND,           /* not a kind code (simple, general, complex) */
	ORDER_MAP_CALLBACK,       /* not satisfied or dissatisfied */
	ORDER_MAP_TWICE,          /* the field, header or type is given twice */
	ORDER_MAP_FULL,           /* more headers or types than the map holds */
} order_map_row;

/* add one row of the map file (fields v[0..n)): "channel CODE", "column FIELD
 * HEADER[|HEADER…]", "kind TYPE KIND" (TYPE * for every type not listed) or
 * "callback satisfied|dissatisfied WORDS" */
order_map_row order_colmap_add(order_colmap *m, char *const *v, int n);
/* the map is whole: a channel, the required fields (number, content, and the
 * enterprise's name or code) each with a header; else -1 with what lacks in err */
int order_colmap_check(const order_colmap *m, strbuf *err);
void order_colmap_free(order_colmap *m);

/* where each field is in a file's header row */
typedef struct order_cols {
	int col[ORDER_F__COUNT]; /* -1 when absent */
	int ncols;
} order_cols;

/* match a header row against the map; -1 with the missing columns (or one found
 * twice) in err. Columns the map does not name go to ignored (may be NULL). */
int order_cols_match(const order_colmap *m, const char *const *fields, int n, order_cols *c,
		strbuf *err, strbuf *ignored);

/* one order as read from a row; strings owned */
typedef struct order_in {
	char *number;
	char *received_at;   /* "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DD" or "" */
	char *caller;
	char *phone;
	char *content;
	char *enterprise;    /* the name given, "" none */
	char *uscc;          /* the code given, normalised; "" when none or not 18 characters */
	char *uscc_typed;    /* the code as given, "" none */
	bool uscc_valid;     /* the code passes the check (an early pilot code's too) */
	char *kind_text;     /* the channel's type as given */
	ticket_kind kind;
	char *due;           /* "YYYY-MM-DD" or "" */
} order_in;

/* fill o (cleared first) from one data row; -1 with the reason in err and the field
 * in *bad (ORDER_F_NONE: the row as a whole) */
int order_row_read(const order_colmap *m, const order_cols *c, const char *const *fields,
		int n, order_in *o, order_field *bad, strbuf *err);
void order_in_clear(order_in *o);

/* an order with its appeal's outcome, for the export back to the channel; strings
 * borrowed, "" where there is nothing yet */
typedef struct order_out {
	const char *field[ORDER_F_RESULT]; /* the order's own fields, as imported */
	const char *result;      /* the appeal's 办理结果 */
	const char *answered_at; /* when it was answered (办结) */
	order_callback callback;
	const char *callback_reason;
} order_out;

/* the fields the export writes, in the map's field order: those with a header;
 * their count */
int order_export_fields(const order_colmap *m, order_field out[ORDER_F__COUNT]);
/* the cell of field f for o, into out (reset first): the callback as the map words
 * it, with a dissatisfied one's reason after a full-width colon */
void order_export_cell(const order_colmap *m, const order_out *o, order_field f, strbuf *out);

/* where an order's enterprise was found, or why it waits for a person */
typedef enum order_match {
	ORDER_MATCH_USCC,          /* the code is in the register */
	ORDER_MATCH_NAME,          /* exactly one enterprise has the name */
	ORDER_HOLD_NO_ENTERPRISE,  /* neither a name nor a code given */
	ORDER_HOLD_USCC_INVALID,   /* the code given is no valid code, and the name no help */
	ORDER_HOLD_USCC_UNKNOWN,   /* the code is not in the register, the name no help */
	ORDER_HOLD_NAME_UNKNOWN,   /* no enterprise has the name */
	ORDER_HOLD_NAME_AMBIGUOUS, /* several enterprises have the name */
	ORDER_MATCH__COUNT
} order_match;

/* what the register said about an order's enterprise */
typedef struct order_lookup {
	bool uscc_given;       /* a code was given, valid or not */
	bool uscc_valid;
	bool uscc_found;       /* the valid code is in the register */
	bool name_given;
	int name_hits;         /* enterprises with exactly the name (2: two or more) */
} order_lookup;

/* by USCC, else by exact name, else held, with the reason nearest the trouble */
order_match order_match_decide(const order_lookup *l);
bool order_match_held(order_match m);
/* the stable code of a hold reason ("name_unknown"), "" for a match */
const char *order_match_code(order_match m);
bool order_match_parse(const char *code, order_match *out);
/* untranslated msgid of the reason */
const char *order_match_label(order_match m);

#endif
