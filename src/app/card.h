/* The service contact card (服务企业联系卡, 送企入户), once for both faces: the card of
 * an enterprise (its commissioner with their work phone, the lead unit and its
 * contact, the centre's hotline and the appeal channels of [card] in the settings),
 * the cards of an area or a lead unit as text (one a page) or as a workbook (four A6
 * cards a page), and the record of a card handed over. */
#ifndef QIFU_APP_CARD_H
#define QIFU_APP_CARD_H
#include <stdbool.h>

#include "app/records.h"
#include "core/xlsx_cards.h"
#include "model/enterprise.h"

/* the fields of a card after its title, as label and value */
enum { APP_CARD_FIELDS = XLSX_CARD_LINES - 1 };

typedef struct app_card {
	char *title;
	const char *label[APP_CARD_FIELDS]; /* msgids, translated when printed */
	char *value[APP_CARD_FIELDS];
	int n;
} app_card;

/* which enterprises get a card: one by its USCC, those of a list of USCCs (in its
 * order: the TUI's coverage list), or every one of an area or of a lead unit (in the
 * register's order), those gone from the zone left out */
typedef struct app_card_pick {
	const char *uscc;
	const char *const *usccs;
	int nusccs;
	const char *area;
	const char *unit;
} app_card_pick;

/* the cards of what pick names that the actor sees into *cards (app_cards_free): APP_OK;
 * APP_NO with the reason (no such enterprise, not theirs to see, none in the area);
 * APP_BAD on a store failure */
app_status app_cards_of(app_ctx *ctx, const app_card_pick *pick, app_card **cards, int *n,
		strbuf *msg);
void app_cards_free(app_card **cards, int n);
/* the cards as printed text: a page each, a form feed between them */
void app_cards_text(const app_card *cards, int n, strbuf *out);
/* the cards as a workbook at path, four A6 cards to an A4 page: APP_OK with "wrote N
 * cards to PATH" in msg, or APP_BAD with why */
app_status app_cards_xlsx(const app_card *cards, int n, const char *path, strbuf *msg);
/* the cards written to path, text (a page each) or a workbook (xlsx), through
 * "path.tmp" renamed when whole: APP_OK with "wrote N cards to PATH" in msg, or APP_BAD
 * with why and naming the file, path untouched */
app_status app_cards_save(const app_card *cards, int n, bool xlsx, const char *path,
		strbuf *msg);
/* the card handed to e on day on by *by (cleaned in place; empty: the acting staff
 * member's name): who may record a visit to e may */
app_record_rc app_card_deliver(app_ctx *ctx, const ent_record *e, qdate on, char **by,
		strbuf *err);

#endif
