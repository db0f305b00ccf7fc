/* Calendar layout: wide panes put the day's list beside a grid of two-row cells
 * (">[ 1*]" over " 休 #3"), narrow ones put it below a grid of one-row cells
 * (">[ 1*休 #3]"); the weeks get spacing rows only when the list keeps its height.
 * Every string is measured through the text module, never by bytes. */
#include "ui/calendar/layout.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"
#include "ui/layout.h"

void callayout_columns(cal_layout *L, ui_rect r, int mark_w)
{
	memset(L, 0, sizeof *L);
	L->wide = r.w >= CALLAYOUT_WIDE_COLS;
	L->sep_x = -1;
	if (L->wide) {
		/* two rows a cell keep the cells narrow, so the list beside keeps room for
		 * the enterprise and the plan code */
		int cw_min = 1 + mark_w + 2 > 6 ? 1 + mark_w + 2 : 6;
		int cw = (r.w - CALLAYOUT_LIST_WANT_W - 3) / MONTH_DAYS_A_WEEK;
		L->cw = cw < cw_min ? cw_min : cw > CALLAYOUT_CELL_MAX ? CALLAYOUT_CELL_MAX : cw;
		L->two_row = true;
		L->left = 1;
		int gw = MONTH_DAYS_A_WEEK * L->cw + 2;
		L->grid = (ui_rect){ r.y, r.x, 0, gw };
		L->info = (ui_rect){ r.y, r.x, 0, gw };
		L->sep_x = r.x + gw;
		L->list = (ui_rect){ r.y, r.x + gw + 2, r.h, r.w - gw - 2 };
		return;
	}
	int cw = r.w / MONTH_DAYS_A_WEEK;
	L->cw = cw > CALLAYOUT_CELL_MAX ? CALLAYOUT_CELL_MAX : cw;
	L->left = (r.w - L->cw * MONTH_DAYS_A_WEEK) / 2;
	L->grid = (ui_rect){ r.y, r.x, 0, r.w };
	L->info = (ui_rect){ r.y, r.x, 0, r.w };
	L->list = (ui_rect){ r.y, r.x, 0, r.w };
}

int callayout_rows(cal_layout *L, ui_rect r, int weeks, int ninfo, int essential)
{
	if (weeks < 1)
		weeks = 1;
	int keep = ninfo;
	if (L->wide) {
		L->rpw = r.h >= 2 + weeks * 3 + ninfo + 1 ? 3 : 2;
		int grid_h = 2 + weeks * L->rpw < r.h ? 2 + weeks * L->rpw : r.h;
		/* one blank row between the grid and its text */
		while (keep > essential && keep > r.h - grid_h - 1)
			keep--;
		L->grid.h = grid_h;
		L->info = (ui_rect){ r.y + grid_h, r.x, r.h - grid_h, L->info.w };
		return keep < r.h - grid_h ? keep : r.h - grid_h;
	}
	L->rpw = r.h >= 2 + weeks * 2 + ninfo + CALLAYOUT_LIST_ROOMY_ROWS ? 2 : 1;
	int grid_h = 2 + weeks * L->rpw < r.h ? 2 + weeks * L->rpw : r.h;
	while (keep > essential && keep > r.h - grid_h - CALLAYOUT_LIST_MIN_ROWS)
		keep--;
	if (grid_h + keep > r.h)
		keep = r.h - grid_h;
	L->grid.h = grid_h;
	L->info = (ui_rect){ r.y + grid_h, r.x, keep, r.w };
	int list_y = r.y + grid_h + keep;
	L->list = (ui_rect){ list_y, r.x, r.y + r.h - list_y, r.w };
	return keep;
}

/* the mark and the count of a day in w columns, "休  #3": the mark on the left, the
 * count on the right; the mark gives way to the count when both do not fit */
static void marks(const month_cell *c, const char *mark, int w, strbuf *out)
{
	char n[16] = "";
	if (c->inspections)
		snprintf(n, sizeof n, "%s%d", CALLAYOUT_COUNT_MARK, c->inspections);
	int mw = w - text_width(n);
	if (mw < 0)
		mw = 0;
	text_fit_pad_sb(out, mark, mw, TEXT_LEFT);
	text_fit_pad_sb(out, n, w - mw, TEXT_RIGHT);
}

void callayout_cell(const cal_layout *L, const month_cell *c, const char *mark, bool selected,
                    int line, strbuf *out)
{
	int cw = L->cw;
	strbuf s = STRBUF_INIT;
	if (line == 0) {
		sb_addf(&s, "%s%s%2d%s", selected ? ">" : " ", c->today ? "[" : " ", c->day,
		        c->quiet ? CALLAYOUT_QUIET_MARK : " ");
		/* the counts of a row line up; a mark and a count too wide for that take the
		 * column kept for today's "]" on the other days */
		bool wider = false;
		if (!L->two_row) {
			int w = cw - 6;
			char n[16];
			snprintf(n, sizeof n, "%s%d", CALLAYOUT_COUNT_MARK, c->inspections);
			wider = !c->today && c->inspections && text_width(mark) + text_width(n) > w;
			marks(c, mark, wider ? w + 1 : w, &s);
		}
		if (!wider)
			sb_add(&s, c->today ? "]" : " ");
	} else {
		sb_add(&s, " ");
		marks(c, mark, cw - 1, &s);
	}
	text_fit_pad_sb(out, sb_str(&s), cw, TEXT_LEFT);
	sb_free(&s);
}

int callayout_items(const char *s, int room, char **rows, int max)
{
	enum { MAX_WRAP = 8 };
	int n = 0;
	if (room < 1)
		room = 1;
	strbuf line = STRBUF_INIT;
	const char *item = s;
	while (*item && n < max) {
		const char *gap = strstr(item, "  ");
		size_t len = gap ? (size_t)(gap - item) : strlen(item);
		char *one = xstrndup(item, len);
		if (line.len && text_width(sb_str(&line)) + 2 + text_width(one) > room) {
			rows[n++] = sb_steal(&line);
		}
		if (text_width(one) > room) {
			/* an item wider than the row wraps by itself; its last piece may share
			 * its row with the next item */
			size_t starts[MAX_WRAP], lens[MAX_WRAP];
			int k = layout_wrap(one, room, starts, lens, MAX_WRAP);
			/* a piece ends where layout_wrap broke it, at the space it broke at */
			for (int i = 0; i < k; i++)
				while (lens[i] && one[starts[i] + lens[i] - 1] == ' ')
					lens[i]--;
			for (int i = 0; i < k - 1 && n < max; i++)
				rows[n++] = xstrndup(one + starts[i], lens[i]);
			char *last = xstrndup(one + starts[k - 1], lens[k - 1]);
			sb_add(&line, last);
			xfree(&last);
		} else {
			if (line.len)
				sb_add(&line, "  ");
			sb_add(&line, one);
		}
		xfree(&one);
		item += len;
		while (*item == ' ')
			item++;
	}
	if (line.len && n < max)
		rows[n++] = sb_steal(&line);
	sb_free(&line);
	return n;
}
