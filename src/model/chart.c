/* The charts' arithmetic and glyphs; see chart.h. */
#include "model/chart.h"

#include "core/text.h"

chart_weeks chart_weeks_of(qdate from, qdate to)
{
	chart_weeks w = { from - (date_weekday(from) - 1), 0 };
	if (from <= to)
		w.n = (to - w.first) / 7 + 1;
	return w;
}

int chart_week_index(const chart_weeks *w, qdate d)
{
	if (d < w->first)
		return -1;
	int i = (d - w->first) / 7;
	return i < w->n ? i : -1;
}

qdate chart_week_start(const chart_weeks *w, int i)
{
	return w->first + 7 * i;
}

chart_months chart_months_of(qdate from, qdate to)
{
	int fy, fm, fd, ty, tm, td;
	date_to_ymd(from, &fy, &fm, &fd);
	date_to_ymd(to, &ty, &tm, &td);
	chart_months m = { fy, fm, 0 };
	if (from <= to)
		m.n = (ty - fy) * 12 + (tm - fm) + 1;
	return m;
}

int chart_month_index(const chart_months *m, int year, int month)
{
	int i = (year - m->year) * 12 + (month - m->month);
	return i >= 0 && i < m->n ? i : -1;
}

void chart_month_at(const chart_months *m, int i, int *year, int *month)
{
	int k = (m->year * 12 + m->month - 1) + i;
	*year = k / 12;
	*month = k % 12 + 1;
}

int chart_per_cell(int n, int cells)
{
	if (cells < 1 || n <= cells)
		return 1;
	return (n + cells - 1) / cells;
}

int chart_window(int n, int fit, int last)
{
	if (fit < 1 || n <= fit)
		return 0;
	int end = last >= 0 && last < n ? last : n - 1;
	int start = end - fit + 1;
	return start < 0 ? 0 : start;
}

int chart_scale(long value, long max, int steps)
{
	if (value <= 0 || max <= 0 || steps <= 0)
		return 0;
	if (value >= max)
		return steps;
	/* half up in integers: (2·value·steps + max) / (2·max) */
	long s = (2 * value * steps + max) / (2 * max);
	return s < 1 ? 1 : s > steps ? steps : (int)s;
}

int chart_spark_level(long value, long lo, long hi)
{
	if (value < 0)
		return 0;
	if (value <= lo || hi <= lo)
		return value > lo ? 8 : 1;
	if (value >= hi)
		return 8;
	/* 1 + share of 7, rounded half up, where value - lo > 0 yet may round to 0 */
	long s = (2 * (value - lo) * 7 + (hi - lo)) / (2 * (hi - lo));
	return 1 + (int)s;
}

const char *chart_spark_glyph(int level, bool utf8)
{
	static const char *const blocks[9] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char *const ascii[9] = { " ", "_", ".", ":", "-", "=", "+", "*", "#" };
	if (level < 0 || level > 8)
		level = 0;
	return utf8 ? blocks[level] : ascii[level];
}

void chart_spark_cell(int level, bool utf8, strbuf *out)
{
	const char *g = chart_spark_glyph(level, utf8);
	sb_add(out, g);
	if (utf8 && *g == ' ' && text_width("█") > 1)
		sb_addc(out, ' ');
}

void chart_bar(long value, long max, int width, bool utf8, strbuf *out)
{
	if (width <= 0)
		return;
	int used = 0;
	if (utf8) {
		static const char *const part[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
		int gw = text_width("█");
		if (gw < 1)
			gw = 1;
		int cells = width / gw;
		int eighths = chart_scale(value, max, cells * 8);
		for (int i = 0; i < eighths / 8; i++)
			sb_add(out, "█");
		used = eighths / 8 * gw;
		if (eighths % 8) {
			sb_add(out, part[eighths % 8]);
			used += text_width(part[eighths % 8]);
		}
	} else {
		used = chart_scale(value, max, width);
		for (int i = 0; i < used; i++)
			sb_addc(out, '#');
	}
	for (; used < width; used++)
		sb_addc(out, ' ');
}
