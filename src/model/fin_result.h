/* Matching results from the provincial financing credit platform (江西省融资信用服务平台,
 * issue 19): the column map and the words of the platform's states a site keeps
 * (data/import/financing_results.tsv), one result row read, which of an enterprise's
 * needs a result is about, and whether the need already reads as the result says.
 * Pure. */
#ifndef QIFU_FIN_RESULT_H
#define QIFU_FIN_RESULT_H
#include <stdbool.h>
#include <stdint.h>

#include "core/strbuf.h"
#include "model/colmap.h"
#include "model/financing.h"

typedef enum fin_res_field {
	FRF_NONE = -1,    /* the row as a whole */
	FRF_USCC,         /* 统一社会信用代码 (this or need) */
	FRF_NEED,         /* our need's number, when the platform's file carries it */
	FRF_NAME,         /* 企业名称, for messages */
	FRF_INSTITUTION,  /* 金融机构 (required) */
	FRF_AMOUNT,       /* 金额: the money lent for a funded state, else noted */
	FRF_STATE,        /* 状态 (required) */
	FRF_NOTE,         /* 备注: kept in the need's history */
	FRF__COUNT
} fin_res_field;

/* "uscc", "need", … as the map names them */
const char *fin_res_field_code(fin_res_field f);

enum { FRES_STATES_MAX = 16, FRES_WORDS_MAX = 6 };

/* one status of a need and the platform's words for it; words owned */
typedef struct fin_res_state {
	fin_status status;
	char *words[FRES_WORDS_MAX];
	int nwords;
} fin_res_state;

typedef struct fin_res_map {
	fin_res_state states[FRES_STATES_MAX];
	int nstates;
	colmap cols;  /* the headers of each fin_res_field */
} fin_res_map;

typedef enum fin_res_map_row {
	FRES_MAP_OK,
	FRES_MAP_WHAT,    /* the first field is not state or column */
	FRES_MAP_SHAPE,   /* not three fields, or no word or header */
	FRES_MAP_STATUS,  /* not a status of a need */
	FRES_MAP_FIELD,   /* not a field code */
	FRES_MAP_TWICE,   /* a word, field or header given twice */
	FRES_MAP_FULL,    /* more states, words or headers than the map holds */
} fin_res_map_row;

/* add one row of the map file (v[0..n)): "state STATUS WORD[|WORD…]" or
 * "column FIELD HEADER[|HEADER…]" */
fin_res_map_row fin_res_map_add(fin_res_map *m, char *const *v, int n);
/* the map is whole: a state, and headers for state, institution and the uscc or the
 * need; else -1 with what lacks in why */
int fin_res_map_check(const fin_res_map *m, strbuf *why);
void fin_res_map_free(fin_res_map *m);
/* the state whose word is s; NULL none */
const fin_res_state *fin_res_state_find(const fin_res_map *m, const char *s);
/* "已对接, 已放款, …" for messages */
void fin_res_state_list(const fin_res_map *m, strbuf *out);

/* where each field is in a header row */
typedef struct fin_res_cols {
	int col[FRF__COUNT]; /* -1 when absent */
} fin_res_cols;

/* match a header row: state, institution, and the uscc or the need are required;
 * -1 with the missing columns (or one found twice) in err; columns the map does not
 * name go to ignored (may be NULL) */
int fin_res_cols_match(const fin_res_map *m, const char *const *fields, int n,
		fin_res_cols *c, strbuf *err, strbuf *ignored);

/* one result as read from a row; strings owned, state borrowed from the map */
typedef struct fin_res_in {
	char uscc[19];          /* normalised; "" none given */
	char *uscc_typed;
	int64_t need_id;        /* 0 none given */
	char *name;             /* "" none */
	char *institution;
	int64_t amount_fen;     /* 0 none given */
	const fin_res_state *state;
	char *state_typed;      /* the platform's word */
	char *note;             /* "" none */
} fin_res_in;

/* fill r (cleared first) from one data row; -1 with the reason in err and the field
 * at fault in *bad: neither code nor need, an invalid code, a need that is no number,
 * a state not in the map, no institution for a state that names one, an amount that
 * is none, or no amount for a funded state */
int fin_res_row_read(const fin_res_map *m, const fin_res_cols *c, const char *const *fields,
		int n, fin_res_in *r, fin_res_field *bad, strbuf *err);
void fin_res_in_clear(fin_res_in *r);

/* does need f already read as result r says (its status, institution, and for a
 * funded need the amount funded)? Then importing r changes nothing. */
bool fin_res_known(const fin_rec *f, const fin_res_in *r);

/* which of an enterprise's needs a result without a need number is about */
typedef enum fin_res_pick_rc {
	FRES_PICKED,   /* *index is the need */
	FRES_NO_OPEN,  /* no need open, none already as the result says */
	FRES_MANY,     /* several open needs, none or several of the result's amount */
} fin_res_pick_rc;

/* among v[0..n) (taken[i]: need i has a result on an earlier line of the file; NULL
 * none): a need already as r says, else the one open need, else the one open need
 * of r's amount */
fin_res_pick_rc fin_res_pick(const fin_rec *v, int n, const bool *taken, const fin_res_in *r,
		int *index);

#endif
