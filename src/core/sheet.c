/* Printed text sheets: the layout every sheet shares, measured in display columns
 * (core/text), so that Chinese labels and values line up on paper as on screen. */
#include "core/sheet.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

void sheet_head(strbuf *out, const char *title, const char *left, const char *right)
{
	text_fit_pad_sb(out, title, SHEET_WIDTH, TEXT_CENTER);
	sb_addc(out, '\n');
	text_fit_pad_sb(out, left, SHEET_WIDTH - text_width(right), TEXT_LEFT);
	sb_add(out, right);
	sb_addc(out, '\n');
}

static bool word_char(char c)
{
	return c != ' ' && (unsigned char)c < 0x80;
}

/* bytes of the next line of para (cut at most room columns in): inside a run of ASCII
 * letters it backs up to the space before it, so English wraps between words */
static size_t line_bytes(const char *para, size_t len, int room)
{
	size_t cut = text_prefix_bytes(para, room);
	/* a character wider than the whole room still moves the line on */
	if (cut == 0 && len)
		return text_next_char(para, 0);
	if (cut < len && cut > 0 && word_char(para[cut]) && word_char(para[cut - 1])) {
		size_t sp = cut;
		while (sp > 0 && para[sp - 1] != ' ')
			sp--;
		if (sp > 0)
			cut = sp;
	}
	return cut;
}

void sheet_hang(strbuf *out, const char *label, int indent, const char *value)
{
	int room = SHEET_WIDTH - indent;
	const char *p = value ? value : "";
	bool first = true;
	/* a label that leaves no space before the value gets a line of its own */
	if (text_width(label) >= indent && text_width(label) <= SHEET_WIDTH) {
		sb_add(out, label);
		sb_addc(out, '\n');
		first = false;
	} else {
		text_fit_pad_sb(out, label, indent, TEXT_LEFT);
	}
	do {
		if (!first)
			text_fit_pad_sb(out, "", indent, TEXT_LEFT);
		first = false;
		size_t nl = strcspn(p, "\n");
		char *para = xstrndup(p, nl);
		size_t cut = line_bytes(para, nl, room), end = cut;
		while (end > 0 && para[end - 1] == ' ')
			end--;
		sb_addn(out, para, end);
		sb_addc(out, '\n');
		free(para);
		p += cut;
		if (cut == nl && p[0] == '\n')
			p++;
		else if (cut < nl)
			while (*p == ' ')
				p++;
	} while (*p);
}

void sheet_line(strbuf *out, const char *label, const char *value)
{
	sheet_hang(out, label, SHEET_LABEL, value);
}

void sheet_centre(strbuf *out, const char *s)
{
	int pad = (SHEET_WIDTH - text_width(s)) / 2;
	for (int i = 0; i < pad; i++)
		sb_addc(out, ' ');
	sb_add(out, s);
	sb_addc(out, '\n');
}

void sheet_sign(strbuf *out, const char *left, const char *right)
{
	text_fit_pad_sb(out, left, SHEET_WIDTH / 2, TEXT_LEFT);
	sb_add(out, right);
	sb_addc(out, '\n');
}

void sheet_rule(strbuf *out)
{
	for (int i = 0; i < SHEET_WIDTH; i++)
		sb_addc(out, '-');
	sb_addc(out, '\n');
}

int sheet_save(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (!fp)
		return -1;
	size_t n = strlen(text);
	bool ok = fwrite(text, 1, n, fp) == n;
	int saved = errno;
	if (fclose(fp) != 0 || !ok) {
		errno = ok ? errno : saved;
		return -1;
	}
	return 0;
}
