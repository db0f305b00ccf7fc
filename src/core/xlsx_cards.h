/* Printed cards in a workbook: A6 cards laid out four to an A4 portrait page, two
 * across and two down, each a boxed block of lines whose first is its title, with a
 * page break after every second row of cards. Built on libxlsxwriter when available;
 * without it the write fails politely. */
#ifndef QIFU_XLSX_CARDS_H
#define QIFU_XLSX_CARDS_H
#include "core/strbuf.h"

/* the lines a card holds; more are cut */
enum { XLSX_CARD_LINES = 10 };

typedef struct xlsx_card {
	const char *lines[XLSX_CARD_LINES]; /* [0] the title; NULL ends the card early */
} xlsx_card;

/* write the n cards to path (through "path.tmp", renamed when whole): 0, or -1 with
 * the reason in err and path untouched */
int xlsx_cards_write(const char *path, const xlsx_card *cards, int n, strbuf *err);

#endif
