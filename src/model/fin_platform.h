/* Financing needs out to the provincial financing credit platform (江西省融资信用服务平台,
 * issue 19): the fields it collects of each need, the column map a site keeps of them
 * (data/export/financing_platform.tsv: the header of each field in the platform's
 * template, in its order), the cell of each field and which fields a need still lacks.
 * Pure. */
#ifndef QIFU_FIN_PLATFORM_H
#define QIFU_FIN_PLATFORM_H
#include <stdbool.h>

#include "core/strbuf.h"
#include "model/financing.h"

/* the fields the platform collects; the codes are the map's: append only */
typedef enum fin_pf_field {
	FPF_ENTERPRISE, /* 企业名称 */
	FPF_USCC,       /* 统一社会信用代码 */
	FPF_AMOUNT,     /* 融资金额, yuan with two decimals */
	FPF_TERM,       /* 融资期限, months */
	FPF_PURPOSE,    /* 用途 */
	FPF_GUARANTEE,  /* 担保方式 */
	FPF_CONTACT,    /* 联系人: the enterprise's contact, personal */
	FPF_PHONE,      /* 联系电话: the contact's phone, personal */
	FPF__COUNT
} fin_pf_field;

/* "enterprise", "uscc", … as the map writes them */
const char *fin_pf_field_code(fin_pf_field f);
bool fin_pf_field_parse(const char *s, fin_pf_field *out);

/* the columns of the export, in the map's order */
typedef struct fin_pf_map {
	int n;
	fin_pf_field field[FPF__COUNT];
	char *header[FPF__COUNT]; /* owned */
} fin_pf_map;

typedef enum fin_pf_map_row {
	FPF_MAP_OK,
	FPF_MAP_WHAT,   /* the first field is not "column" */
	FPF_MAP_SHAPE,  /* not three fields */
	FPF_MAP_FIELD,  /* not a field of fin_pf_field */
	FPF_MAP_TWICE,  /* a field or a header given twice */
	FPF_MAP_EMPTY,  /* an empty header */
} fin_pf_map_row;

/* add one row of the map file (v[0..n)): "column FIELD HEADER" */
fin_pf_map_row fin_pf_map_add(fin_pf_map *m, char **v, int n);
/* the map as a whole: it names the enterprise's uscc and the amount, which the
 * platform cannot take a need without; -1 with the reason in why */
int fin_pf_map_check(const fin_pf_map *m, strbuf *why);
void fin_pf_map_free(fin_pf_map *m);

/* the enterprise's side of a need: its contact and phone as they go out (masked or
 * not, the caller's rule) */
typedef struct fin_pf_contact {
	const char *name;
	const char *phone;
} fin_pf_contact;

/* the cell of field fd of need f ("" when it holds nothing) into out */
void fin_pf_cell(fin_pf_field fd, const fin_rec *f, const fin_pf_contact *c, strbuf *out);
/* the fields of the map need f lacks (bit 1 << field): a need the platform would take
 * with blanks, which the export names rather than writing blanks silently */
unsigned fin_pf_missing(const fin_pf_map *m, const fin_rec *f, const fin_pf_contact *c);

#endif
