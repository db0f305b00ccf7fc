/* Financing needs (融资需求, DOMAIN §2): the amount in fen, the status a need moves
 * through while the zone matches it with a financing institution, and the rules of
 * those moves. Pure. */
#ifndef QIFU_FINANCING_H
#define QIFU_FINANCING_H
#include <stdbool.h>
#include <stdint.h>

#include "core/strbuf.h"

/* the status codes are stored in the database: append, never renumber or rename */
typedef enum fin_status {
	FIN_NEED,       /* need: recorded, no institution contacted yet */
	FIN_MATCHING,   /* matching: being matched with institutions */
	FIN_MATCHED,    /* matched: an institution has taken it up */
	FIN_FUNDED,     /* funded: the money has arrived */
	FIN_CLOSED,     /* closed: withdrawn or given up */
	FIN__COUNT
} fin_status;

/* the status a new need is given; FIN__COUNT as "from" means "a new need" */
enum { FIN_NEW = FIN__COUNT };

typedef enum fin_verdict {
	FIN_OK,
	FIN_SAME,              /* the need already has that status */
	FIN_NOT_NEXT,          /* that status does not follow this one */
	FIN_NEEDS_INSTITUTION, /* matched and funded name the institution */
	FIN_NEEDS_FUNDED,      /* funded says how much money arrived */
	FIN_FUNDED_ONLY,       /* an amount funded belongs to a funded need only */
} fin_verdict;

/* how an amount reads best: in yuan, 万元 or 亿元 */
typedef enum fin_scale { FIN_YUAN, FIN_WAN, FIN_YI } fin_scale;

/* the largest amount accepted: 1万亿元, in fen; anything larger is a typing error */
#define FIN_MAX_FEN INT64_C(100000000000000)

/* one financing need; strings are owned; enterprise, uscc and area are filled when read */
typedef struct fin_rec {
	int64_t id;
	int64_t enterprise_id;
	char *enterprise;
	char *uscc;
	char *area;
	int64_t amount_fen;
	char *purpose;
	fin_status status;
	char *institution;  /* "" when none */
	int64_t funded_fen; /* the money that arrived; 0 until funded */
	int term_months;    /* 融资期限 in months; 0 not known yet */
	char *guarantee;    /* 担保方式 (信用, 抵押, 保证, …); "" not known yet */
	char *created_by;
	char *created_at;
	char *updated_at;
} fin_rec;

/* free what f owns and zero it */
void fin_rec_clear(fin_rec *f);

/* one step of a need's status history (the first is its recording); strings owned */
typedef struct fin_step {
	int64_t id;
	int64_t financing_id;
	char *at;           /* YYYY-MM-DD HH:MM:SS */
	char *by;           /* the login */
	int from;           /* a fin_status, -1 for the need's first step */
	fin_status to;
	char *institution;  /* as the step left it, "" for none */
	int64_t funded_fen; /* as the step left it, 0 for none */
	char *note;         /* "" for none */
} fin_step;

void fin_step_clear(fin_step *s);

/* what an update of a need asks; strings owned */
typedef struct fin_change {
	int status;         /* a fin_status, -1 to keep it */
	char *institution;  /* NULL keeps it */
	int64_t funded_fen; /* 0 keeps it */
	int term_months;    /* 0 keeps it */
	char *guarantee;    /* NULL keeps it */
	char *note;         /* why, or what happened; NULL or "" for none */
} fin_change;

void fin_change_clear(fin_change *c);
/* clean the institution and the note as typed; -1 with the reason naming the field */
int fin_change_clean(fin_change *c, strbuf *err);

/* "need", "matching", … as stored */
const char *fin_status_code(fin_status s);
/* the English label (a msgid), translated by the caller */
const char *fin_status_label(fin_status s);
/* a code, the English label or its translation */
bool fin_status_parse(const char *s, fin_status *out);
/* "need, matching, …" for "allowed values" messages */
void fin_status_list(strbuf *out);
/* the statuses a need in status from (FIN_NEW: a new need) may move to, as codes
 * joined by ", " */
void fin_status_next(fin_status from, strbuf *out);
/* matched and funded name the institution */
bool fin_status_needs_institution(fin_status s);

/* may a need move from (FIN_NEW for a new one) to to, with this institution (NULL or
 * "" for none) once the move is made? */
fin_verdict fin_change_check(int from, fin_status to, const char *institution);
/* fin_change_check, and the amount funded given with the move (0 none): a move to
 * funded says how much arrived, a move to any other status gives none (a funded need
 * that is closed keeps the amount it had) */
fin_verdict fin_move_check(int from, fin_status to, const char *institution,
                           int64_t funded_fen);
/* is the need still waiting for money (need, matching, matched), the coordination
 * desk's list? */
bool fin_status_open(fin_status s);

/* "5000000", "5,000,000", "500万", "500万元", "1.5亿", "3456.78元" (full-width digits
 * too) into fen; -1 with the reason in err */
int fin_amount_parse(const char *s, int64_t *fen, strbuf *err);
/* "5000000.00": yuan with two decimals, for files and scripts; returns buf */
char *fin_amount_yuan(int64_t fen, char buf[32]);
/* the number as people read it ("500" of 500万, "1.5" of 1.5亿) and its scale */
fin_scale fin_amount_scaled(int64_t fen, char buf[32]);
/* an amount as people read it: 500万元, 1.5亿元, 3456.78元 (translated; caller frees) */
char *fin_amount_for_people(int64_t fen);

/* the longest term accepted: 50 years, in months */
#define FIN_TERM_MAX 600
/* a term as people write it: "12", "12个月", "18 months", "3年", "2 years" (full-width
 * digits too) into months, 1 to FIN_TERM_MAX; -1 with the reason in err */
int fin_term_parse(const char *s, int *months, strbuf *err);

/* clean purpose and institution; -1 with the reason when a field is bad */
int fin_validate(fin_rec *f, strbuf *err);

#endif
