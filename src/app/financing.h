/* Financing needs (融资需求), once for both faces: a change of a need's status with
 * the institution, the amount funded and a note, checked and then written with its
 * history step and event row; and the words of a need and of a step of its history,
 * which the 360 view, the coordination list and the command line all print. */
#ifndef QIFU_APP_FINANCING_H
#define QIFU_APP_FINANCING_H
#include <stdint.h>

#include "app/column.h"
#include "app/records.h"
#include "model/financing.h"

/* change need id as c asks (c's texts are cleaned in place): who may edit the need's
 * enterprise may; the move is checked against the stored status. need (NULL: not
 * wanted) gets the need as it was read before the change, when it exists. */
app_record_rc app_financing_update(app_ctx *ctx, int64_t id, fin_change *c, fin_rec *need,
                                   strbuf *err);
/* the columns of a list of needs: the coordination list on the screen (those with a
 * width) and qifu financing list (those with a key, in this order) */
typedef enum app_fin_col {
	FIN_COL_ID, FIN_COL_ENTERPRISE, FIN_COL_USCC, FIN_COL_AREA, FIN_COL_AMOUNT,
	FIN_COL_PURPOSE, FIN_COL_STATUS, FIN_COL_INSTITUTION, FIN_COL_CREATED_BY,
	FIN_COL_CREATED_AT, FIN_COL_RECORDED_ON, FIN_COL_UPDATED_AT, FIN_COL_FUNDED,
	FIN_COL_TERM, FIN_COL_GUARANTEE, FIN_COL__COUNT
} app_fin_col;

extern const app_column app_fin_columns[FIN_COL__COUNT];
/* the text of column col of need f into out: amounts as people read them (500万元) and
 * the status in words for CELL_WORDS, yuan with two decimals and the code for CELL_CODE */
void app_fin_cell(const fin_rec *f, int col, app_cell_form form, strbuf *out);

/* "2026-12-01 500万元 for 设备更新: being matched, with 江西银行, 450万元 funded, term 36
 * months, guarantee 抵押" (the term and guarantee once known) */
void app_fin_need_text(const fin_rec *f, strbuf *out);
/* "2026-12-01 awaiting a match → matched, with 江西银行; note" */
void app_fin_step_text(const fin_step *s, strbuf *out);

#endif
