/* Pure layout decisions of the list and message drawing, kept apart from curses so the
 * unit tests can check them: which columns a width can show and how wide each is, and
 * where text wraps (between Chinese characters, at spaces, never inside a word). */
#include "ui/layout.h"

#include <stdlib.h>

#include <string.h>

#include "core/text.h"

/* Widths for a pane w cells wide. Columns are separated by one space; when the
 * stretching column would fall below its minimum, the rightmost fixed column goes. A
 * column of width 0 (one only the command line prints) never shows. */
void layout_columns(const app_column *cols, int ncols, int w, int *width)
{
	int stretch = -1;
	for (int i = 0; i < ncols; i++) {
		bool shown = cols[i].min_pane_cols <= w;
		width[i] = shown ? cols[i].width : 0;
		if (shown && cols[i].stretch)
			stretch = i;
	}
	for (;;) {
		int used = 0, shown = 0;
		for (int i = 0; i < ncols; i++)
			if (width[i] > 0 && i != stretch) {
				used += width[i];
				shown++;
			}
		if (stretch < 0) {
			if (used + shown - 1 <= w || shown <= 1)
				return;
		} else {
			int left = w - used - shown; /* one separator per fixed column */
			if (left >= cols[stretch].width || shown == 0) {
				width[stretch] = left > 0 ? left : 0;
				return;
			}
		}
		for (int i = ncols - 1; i >= 0; i--)
			if (width[i] > 0 && i != stretch) {
				width[i] = 0;
				break;
			}
	}
}

/* inside a run of Latin letters, digits or punctuation: breaking at off would cut a
 * word in two (Chinese text may break between any two characters) */
static bool inside_word(const char *s, size_t off)
{
	unsigned char before = (unsigned char)s[off - 1], after = (unsigned char)s[off];
	return before > ' ' && before < 0x80 && after > ' ' && after < 0x80;
}

int layout_wrap(const char *s, int w, size_t *starts, size_t *lens, int max)
{
	int n = 0;
	size_t off = 0, total = strlen(s);
	while (off < total && n < max) {
		size_t take = text_prefix_bytes(s + off, w);
		if (take == 0) /* a wide character in a 1-column space: take it anyway */
			take = text_next_char(s, off) - off;
		if (off + take < total) {
			/* move the break back to a space or a Chinese character boundary */
			size_t cut = take;
			while (cut > 0 && inside_word(s, off + cut))
				cut = text_prev_char(s, off + cut) - off;
			if (cut > 0)
				take = cut;
		}
		starts[n] = off;
		lens[n] = take;
		n++;
		off += take;
		while (off < total && s[off] == ' ')
			off++;
	}
	return n;
}

int layout_parse_size(const char *s, int *cols, int *rows)
{
	char *end;
	long c = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X'))
		return -1;
	const char *r_at = end + 1;
	long r = strtol(r_at, &end, 10);
	if (end == r_at || *end || c < 1 || c > 1000 || r < 1 || r > 1000)
		return -1;
	*cols = (int)c;
	*rows = (int)r;
	return 0;
}

int layout_tab_cap(const int *w, int n, int cur, int room, int min)
{
	int total = 0, widest = 0;
	for (int i = 0; i < n; i++) {
		total += w[i] + 2;
		if (i != cur && w[i] > widest)
			widest = w[i];
	}
	if (total <= room)
		return -1;
	for (int cap = widest - 1; cap > min; cap--) {
		int sum = 0;
		for (int i = 0; i < n; i++)
			sum += (i == cur || w[i] < cap ? w[i] : cap) + 2;
		if (sum <= room)
			return cap;
	}
	return min;
}

int layout_pick_fit(const int *cols, const int *rows, int n, int w, int h)
{
	for (int i = 0; i < n; i++)
		if (cols[i] <= w && rows[i] <= h)
			return i;
	return -1;
}
