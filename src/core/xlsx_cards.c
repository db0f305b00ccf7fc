/* The card sheet (core/xlsx_cards.h). A card is CARD_ROWS rows of one column, boxed
 * by its cells' borders; the left cards in column A, the right ones in column C with
 * a narrow gap between. Rows are written in order, so the workbook streams in
 * libxlsxwriter's constant-memory mode as the table exports do. */
#include "core/xlsx_cards.h"

#include <errno.h>
#include <string.h>

#include "core/i18n.h"

#ifdef HAVE_XLSXWRITER

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "core/xlsx_internal.h"

/* an A6 card (105 x 148 mm) is half the width and half the height of A4 portrait:
 * rows of 34 points fill it between the margins */
enum { CARD_ROWS = XLSX_CARD_LINES + 1, CARD_ROW_POINTS = 34, CARD_WIDTH = 46, GAP_WIDTH = 2,
       PAPER_A4 = 9 };

/* the border formats of a card's cells: its first row (the title), the middle, the last */
typedef struct card_formats {
	lxw_format *title, *middle, *last;
} card_formats;

static lxw_format *boxed(lxw_workbook *wb, bool top, bool bottom)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_left(f, LXW_BORDER_MEDIUM);
	format_set_right(f, LXW_BORDER_MEDIUM);
	if (top)
		format_set_top(f, LXW_BORDER_MEDIUM);
	if (bottom)
		format_set_bottom(f, LXW_BORDER_MEDIUM);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	format_set_num_format(f, "@");
	return f;
}

/* row r (0 .. CARD_ROWS-1) of card c into column col of the sheet's row at */
static lxw_error card_cell(lxw_worksheet *ws, lxw_row_t at, lxw_col_t col, const xlsx_card *c,
		int r, const card_formats *fm)
{
	const char *s = "";
	bool ended = false;
	for (int i = 0; i <= r && i < XLSX_CARD_LINES; i++)
		if (!c->lines[i])
			ended = true;
	if (!ended && r < XLSX_CARD_LINES && c->lines[r])
		s = c->lines[r];
	lxw_format *f = r == 0 ? fm->title : r == CARD_ROWS - 1 ? fm->last : fm->middle;
	char *clean = text_sanitize(s, strlen(s), TEXT_KEEP_NEWLINES);
	lxw_error e = worksheet_write_string(ws, at, col, clean, f);
	free(clean);
	return e;
}

int xlsx_cards_write(const char *path, const xlsx_card *cards, int n, strbuf *err)
{
	char *tmp;
	lxw_worksheet *ws;
	lxw_workbook *wb = xlsx_workbook_start(path, &tmp, &ws, err);
	if (!wb)
		return -1;
	card_formats fm = { boxed(wb, true, false), boxed(wb, false, false),
		boxed(wb, false, true) };
	format_set_bold(fm.title);
	format_set_font_size(fm.title, 14);
	format_set_align(fm.title, LXW_ALIGN_CENTER);
	worksheet_set_paper(ws, PAPER_A4);
	worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.3, 0.3, 0.3, 0.3);
	worksheet_center_horizontally(ws);
	worksheet_set_column(ws, 0, 0, CARD_WIDTH, NULL);
	worksheet_set_column(ws, 1, 1, GAP_WIDTH, NULL);
	worksheet_set_column(ws, 2, 2, CARD_WIDTH, NULL);
	/* a break after every second row of cards: four cards a page */
	int pairs = (n + 1) / 2, nbreaks = (pairs - 1) / 2;
	lxw_row_t *breaks = xcalloc((size_t)nbreaks + 1, sizeof *breaks);
	for (int i = 0; i < nbreaks; i++)
		breaks[i] = (lxw_row_t)((i + 1) * 2 * CARD_ROWS);
	lxw_error e = nbreaks ? worksheet_set_h_pagebreaks(ws, breaks) : LXW_NO_ERROR;
	free(breaks);
	for (int p = 0; p < pairs && e == LXW_NO_ERROR; p++) {
		for (int r = 0; r < CARD_ROWS && e == LXW_NO_ERROR; r++) {
			lxw_row_t at = (lxw_row_t)(p * CARD_ROWS + r);
			worksheet_set_row(ws, at, CARD_ROW_POINTS, NULL);
			e = card_cell(ws, at, 0, &cards[2 * p], r, &fm);
			if (e == LXW_NO_ERROR && 2 * p + 1 < n)
				e = card_cell(ws, at, 2, &cards[2 * p + 1], r, &fm);
		}
	}
	lxw_error ce = workbook_close(wb);
	if (e == LXW_NO_ERROR)
		e = ce;
	int rc = 0;
	if (e != LXW_NO_ERROR) {
		sb_addf(err, _("%s: cannot write: %s"), path, lxw_strerror(e));
		rc = -1;
	} else if (rename(tmp, path) != 0) {
		sb_addf(err, _("%s: cannot write: %s"), path, strerror(errno));
		rc = -1;
	}
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

#else

int xlsx_cards_write(const char *path, const xlsx_card *cards, int n, strbuf *err)
{
	sb_addf(err, _("%s: this qifu was built without xlsx support; print the cards as text "
	               "instead"), path);
	return -1;
}

#endif
