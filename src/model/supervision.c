/* Rates of the supervision report in permille, their cells, ASCII bars and the
 * aligned report table. Every width is measured by the text module on the
 * translated text, since the headers are Chinese in use. */
#include "model/supervision.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"

static const struct { const char *code; const char *label; } figures[SUP_FIGURE__COUNT] = {
	[SUP_DISPATCHED_ON_TIME] = { "dispatched_on_time", N_("on-time dispatch rate") },
	[SUP_SIGNED_ON_TIME] = { "signed_on_time", N_("on-time signing rate") },
	[SUP_RETURNED] = { "returned", N_("rate of returns to the centre") },
	[SUP_ANSWERED_ON_TIME] = { "answered_on_time", N_("on-time answer rate") },
	[SUP_EXTENDED] = { "extended", N_("extension rate") },
	[SUP_SATISFIED] = { "satisfied", N_("satisfaction rate at callback") },
};

/* short headers: the table is eleven columns and must stay readable on a terminal */
static const char *const col_headers[SUP_COL__COUNT] = {
	[SUP_COL_UNIT] = N_("Unit"),
	[SUP_COL_RECEIVED] = N_("Received"),
	[SUP_COL_DISPATCHED] = N_("Dispatched on time"),
	[SUP_COL_SIGNED] = N_("Signed on time"),
	[SUP_COL_RETURNED] = N_("Return rate"),
	[SUP_COL_ANSWERED] = N_("Answered on time"),
	[SUP_COL_EXTENDED] = N_("Extended"),
	[SUP_COL_OVERDUE] = N_("Overdue now"),
	[SUP_COL_SATISFIED] = N_("Satisfied"),
	[SUP_COL_LEVEL2] = N_("To level 2"),
	[SUP_COL_LEVEL1] = N_("To level 1"),
};

const char *supervision_figure_code(supervision_figure f)
{
	return f < SUP_FIGURE__COUNT ? figures[f].code : "?";
}

const char *supervision_figure_label(supervision_figure f)
{
	return f < SUP_FIGURE__COUNT ? figures[f].label : "?";
}

bool supervision_figure_parse(const char *code, supervision_figure *out)
{
	for (int i = 0; code && i < SUP_FIGURE__COUNT; i++)
		if (strcmp(code, figures[i].code) == 0) {
			*out = (supervision_figure)i;
			return true;
		}
	return false;
}

int supervision_permille(int part, int whole)
{
	if (whole <= 0)
		return SUP_NO_RATE;
	/* half up in integers; long long so that no count of appeals can overflow */
	return (int)(((long long)part * 2000 + whole) / (2LL * whole));
}

int supervision_rate(const supervision_counts *c, supervision_figure f)
{
	switch (f) {
	case SUP_DISPATCHED_ON_TIME:
		return supervision_permille(c->dispatched_on_time, c->received);
	case SUP_SIGNED_ON_TIME:
		return supervision_permille(c->signed_on_time, c->received);
	case SUP_RETURNED:
		return supervision_permille(c->returned, c->received);
	case SUP_ANSWERED_ON_TIME:
		return supervision_permille(c->answered_on_time, c->answered);
	case SUP_EXTENDED:
		return supervision_permille(c->extended, c->received);
	case SUP_SATISFIED:
		return supervision_permille(c->satisfied, c->callbacks);
	case SUP_FIGURE__COUNT:
		break;
	}
	return SUP_NO_RATE;
}

char *supervision_rate_format(int permille, char *buf)
{
	if (permille < 0)
		snprintf(buf, SUP_CELL_SIZE, "-");
	else
		snprintf(buf, SUP_CELL_SIZE, "%d.%d%%", permille / 10, permille % 10);
	return buf;
}

int supervision_counts_check(const supervision_counts *c, strbuf *err)
{
	/* each count beside the count it is part of, in the order of the header */
	const struct { const char *part; int n; const char *whole; int of; } parts[] = {
		{ "dispatched_on_time", c->dispatched_on_time, "received", c->received },
		{ "signed_on_time", c->signed_on_time, "received", c->received },
		{ "returned", c->returned, "received", c->received },
		{ "answered", c->answered, "received", c->received },
		{ "answered_on_time", c->answered_on_time, "answered", c->answered },
		{ "extended", c->extended, "received", c->received },
		{ "callbacks", c->callbacks, "answered", c->answered },
		{ "satisfied", c->satisfied, "callbacks", c->callbacks },
		{ "escalated2", c->escalated2, "received", c->received },
		{ "escalated1", c->escalated1, "escalated2", c->escalated2 },
	};
	const char *unit = c->unit ? c->unit : "?";
	if (c->received < 0 || c->overdue_now < 0) {
		sb_addf(err, _("%s: a count is negative (%s)."), unit,
			c->received < 0 ? "received" : "overdue_now");
		return -1;
	}
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i].n < 0) {
			sb_addf(err, _("%s: a count is negative (%s)."), unit, parts[i].part);
			return -1;
		}
		if (parts[i].n > parts[i].of) {
			sb_addf(err, _("%s: %s (%d) is more than %s (%d)."), unit, parts[i].part,
				parts[i].n, parts[i].whole, parts[i].of);
			return -1;
		}
	}
	return 0;
}

void supervision_total(const supervision_counts *rows, int n, const char *unit,
		supervision_counts *total)
{
	memset(total, 0, sizeof *total);
	total->unit = unit;
	for (int i = 0; i < n; i++) {
		const supervision_counts *r = &rows[i];
		total->received += r->received;
		total->dispatched_on_time += r->dispatched_on_time;
		total->signed_on_time += r->signed_on_time;
		total->returned += r->returned;
		total->answered += r->answered;
		total->answered_on_time += r->answered_on_time;
		total->extended += r->extended;
		total->callbacks += r->callbacks;
		total->satisfied += r->satisfied;
		total->escalated2 += r->escalated2;
		total->escalated1 += r->escalated1;
		total->overdue_now += r->overdue_now;
	}
}

const char *supervision_col_header(supervision_col c)
{
	return c < SUP_COL__COUNT ? col_headers[c] : "?";
}

bool supervision_col_numeric(supervision_col c)
{
	return c != SUP_COL_UNIT;
}

static const char *count_cell(int n, char *buf)
{
	snprintf(buf, SUP_CELL_SIZE, "%d", n);
	return buf;
}

static const char *rate_cell(const supervision_counts *c, supervision_figure f, char *buf)
{
	return supervision_rate_format(supervision_rate(c, f), buf);
}

const char *supervision_cell(const supervision_counts *c, supervision_col col, char *buf)
{
	switch (col) {
	case SUP_COL_UNIT:
		return c->unit ? c->unit : "";
	case SUP_COL_RECEIVED:
		return count_cell(c->received, buf);
	case SUP_COL_DISPATCHED:
		return rate_cell(c, SUP_DISPATCHED_ON_TIME, buf);
	case SUP_COL_SIGNED:
		return rate_cell(c, SUP_SIGNED_ON_TIME, buf);
	case SUP_COL_RETURNED:
		return rate_cell(c, SUP_RETURNED, buf);
	case SUP_COL_ANSWERED:
		return rate_cell(c, SUP_ANSWERED_ON_TIME, buf);
	case SUP_COL_EXTENDED:
		return count_cell(c->extended, buf);
	case SUP_COL_OVERDUE:
		return count_cell(c->overdue_now, buf);
	case SUP_COL_SATISFIED:
		return rate_cell(c, SUP_SATISFIED, buf);
	case SUP_COL_LEVEL2:
		return count_cell(c->escalated2, buf);
	case SUP_COL_LEVEL1:
		return count_cell(c->escalated1, buf);
	case SUP_COL__COUNT:
		break;
	}
	buf[0] = '\0';
	return buf;
}

void supervision_bar(double rate, int width, strbuf *out)
{
	if (width <= 0)
		return;
	/* !(rate > 0) also catches NaN */
	if (!(rate > 0))
		rate = 0;
	if (rate > 1)
		rate = 1;
	int filled = (int)(rate * width + 0.5);
	if (filled > width)
		filled = width;
	for (int i = 0; i < width; i++)
		sb_addc(out, i < filled ? '#' : '.');
}

/* the rate column of a chart: "100.0%" is the widest */
enum { RATE_COLS = 6 };

void supervision_chart(const supervision_counts *rows, int n, supervision_figure f, int width,
		strbuf *out)
{
	text_fit_pad_sb(out, _(supervision_figure_label(f)), width > 0 ? width : 0, TEXT_LEFT);
	sb_addc(out, '\n');
	int unitw = 0;
	for (int i = 0; i < n; i++) {
		int w = text_width(rows[i].unit);
		if (w > unitw)
			unitw = w;
	}
	/* the unit gives way first: a bar of 10 says more than a name's last characters */
	int barw = width - unitw - 2 - RATE_COLS;
	if (barw < 10) {
		unitw -= 10 - barw;
		if (unitw < 4)
			unitw = 4;
		barw = width - unitw - 2 - RATE_COLS;
	}
	for (int i = 0; i < n; i++) {
		char buf[SUP_CELL_SIZE];
		int pm = supervision_rate(&rows[i], f);
		text_fit_pad_sb(out, rows[i].unit, unitw, TEXT_LEFT);
		sb_addc(out, ' ');
		supervision_bar(pm < 0 ? 0.0 : pm / 1000.0, barw, out);
		sb_addc(out, ' ');
		text_fit_pad_sb(out, supervision_rate_format(pm, buf), RATE_COLS, TEXT_RIGHT);
		sb_addc(out, '\n');
	}
}

/* two spaces: a Chinese header next to a number stays legible */
static const char gap[] = "  ";

static void table_line(const supervision_counts *c, const int w[SUP_COL__COUNT], strbuf *out)
{
	for (int col = 0; col < SUP_COL__COUNT; col++) {
		char buf[SUP_CELL_SIZE];
		if (col)
			sb_add(out, gap);
		text_fit_pad_sb(out, supervision_cell(c, (supervision_col)col, buf), w[col],
			supervision_col_numeric((supervision_col)col) ? TEXT_RIGHT : TEXT_LEFT);
	}
	sb_addc(out, '\n');
}

void supervision_table(const supervision_counts *rows, int n, strbuf *out)
{
	supervision_counts total;
	supervision_total(rows, n, _("Total"), &total);
	int w[SUP_COL__COUNT];
	int linew = 0;
	for (int col = 0; col < SUP_COL__COUNT; col++) {
		char buf[SUP_CELL_SIZE];
		w[col] = text_width(_(col_headers[col]));
		for (int i = 0; i < n + (n > 1); i++) {
			const supervision_counts *c = i < n ? &rows[i] : &total;
			int cw = text_width(supervision_cell(c, (supervision_col)col, buf));
			if (cw > w[col])
				w[col] = cw;
		}
		linew += w[col] + (col ? text_width(gap) : 0);
	}
	for (int col = 0; col < SUP_COL__COUNT; col++) {
		if (col)
			sb_add(out, gap);
		text_fit_pad_sb(out, _(col_headers[col]), w[col],
			supervision_col_numeric((supervision_col)col) ? TEXT_RIGHT : TEXT_LEFT);
	}
	sb_addc(out, '\n');
	for (int i = 0; i < linew; i++)
		sb_addc(out, '-');
	sb_addc(out, '\n');
	for (int i = 0; i < n; i++)
		table_line(&rows[i], w, out);
	if (n > 1)
		table_line(&total, w, out);
}
