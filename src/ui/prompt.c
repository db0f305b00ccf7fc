/* The one line editor of qifu, for the status-line prompt and every text field of a
 * form: insert at the caret, Backspace (all three spellings arrive as one qkey),
 * Delete, Left/Right, Home/End (also C-a/C-e), C-u clears, C-w deletes a word. A long
 * text scrolls so the caret stays visible. */
#include "ui/prompt.h"

#include <string.h>
#include <unistr.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "ui/draw.h"

struct prompt {
	char *label;
	strbuf text;
	size_t caret;  /* byte offset into text */
	size_t scroll; /* first byte shown */
	size_t limit;  /* characters at most */
};

prompt *prompt_new(const char *label, const char *initial)
{
	prompt *p = xcalloc(1, sizeof *p);
	p->label = xstrdup(label);
	sb_add(&p->text, initial ? initial : ""); /* allocates, so text.s is never NULL */
	p->caret = p->text.len;
	p->limit = PROMPT_MAX_CHARS;
	return p;
}

void prompt_set_limit(prompt *p, int max_chars)
{
	p->limit = max_chars > 0 ? (size_t)max_chars : PROMPT_MAX_CHARS;
}

void prompt_free(prompt **p)
{
	if (!*p)
		return;
	xfree(&(*p)->label);
	sb_free(&(*p)->text);
	xfree(p);
}

static void delete_range(prompt *p, size_t from, size_t to)
{
	if (to <= from)
		return;
	char *s = p->text.s;
	memmove(s + from, s + to, p->text.len - to + 1);
	p->text.len -= to - from;
	if (p->caret > from)
		p->caret = p->caret >= to ? p->caret - (to - from) : from;
	if (p->scroll > p->caret)
		p->scroll = p->caret;
}

static void insert_char(prompt *p, qkey k)
{
	if (text_chars(sb_str(&p->text)) >= p->limit)
		return;
	uint8_t enc[6];
	int n = u8_uctomb(enc, (ucs4_t)k, (ptrdiff_t)sizeof enc);
	if (n <= 0)
		return;
	size_t tail = p->text.len - p->caret;
	char *rest = xstrndup(sb_str(&p->text) + p->caret, tail);
	p->text.len = p->caret;
	p->text.s[p->caret] = '\0';
	sb_addn(&p->text, (const char *)enc, (size_t)n);
	sb_add(&p->text, rest);
	p->caret += (size_t)n;
	xfree(&rest);
}

static size_t word_start(const prompt *p)
{
	const char *s = sb_str(&p->text);
	size_t off = p->caret;
	while (off > 0 && s[text_prev_char(s, off)] == ' ')
		off = text_prev_char(s, off);
	while (off > 0 && s[text_prev_char(s, off)] != ' ')
		off = text_prev_char(s, off);
	return off;
}

prompt_state prompt_key(prompt *p, qkey k)
{
	const char *s = sb_str(&p->text);
	switch (k) {
	case QK_ENTER:
		return PROMPT_ACCEPTED;
	case QK_ESC:
		return PROMPT_CANCELLED;
	case QK_BACKSPACE:
		delete_range(p, text_prev_char(s, p->caret), p->caret);
		break;
	case QK_DELETE:
		delete_range(p, p->caret, text_next_char(s, p->caret));
		break;
	case QK_LEFT:
		p->caret = text_prev_char(s, p->caret);
		break;
	case QK_RIGHT:
		p->caret = text_next_char(s, p->caret);
		break;
	case QK_HOME: case 1: /* C-a */
		p->caret = 0;
		break;
	case QK_END: case 5: /* C-e */
		p->caret = p->text.len;
		break;
	case 21: /* C-u */
		delete_range(p, 0, p->text.len);
		break;
	case 23: /* C-w */
		delete_range(p, word_start(p), p->caret);
		break;
	default:
		if (k >= 0x20 && k < QK__NAMED && k != 0x7f && (k < 0x80 || k > 0x9f))
			insert_char(p, k);
		break;
	}
	if (p->scroll > p->caret)
		p->scroll = p->caret;
	return PROMPT_EDITING;
}

char *prompt_text(const prompt *p)
{
	return text_trim(sb_str(&p->text));
}

const char *prompt_raw(const prompt *p)
{
	return sb_str(&p->text);
}

size_t prompt_caret(const prompt *p)
{
	return p->caret;
}

void prompt_set(prompt *p, const char *text, size_t caret)
{
	sb_reset(&p->text);
	sb_add(&p->text, text ? text : "");
	if (caret > p->text.len)
		caret = p->text.len;
	/* back to the start of the character the offset falls in */
	while (caret > 0 && ((unsigned char)p->text.s[caret] & 0xC0) == 0x80)
		caret--;
	p->caret = caret;
	p->scroll = 0;
}

void prompt_draw(prompt *p, int y, int x, int w, int *caret_x)
{
	int lw = text_width(p->label);
	if (lw > w / 2)
		lw = w / 2;
	draw_text(y, x, lw, p->label, TEXT_LEFT, STYLE_NORMAL);
	prompt_draw_field(p, y, x + lw, w - lw, STYLE_NORMAL, caret_x);
}

void prompt_draw_field(prompt *p, int y, int x, int w, ui_style st, int *caret_x)
{
	const char *s = sb_str(&p->text);
	/* keep the caret inside the field, one cell left for it at the end */
	while (p->scroll < p->caret &&
	       text_cursor_col(s + p->scroll, p->caret - p->scroll) > w - 1)
		p->scroll = text_next_char(s, p->scroll);
	draw_text(y, x, w, s + p->scroll, TEXT_LEFT, st);
	*caret_x = x + text_cursor_col(s + p->scroll, p->caret - p->scroll);
}

void prompt_seed(const keymap *km, qkey k, char *buf)
{
	buf[0] = '\0';
	if (k < 0x20 || k >= QK__NAMED || keymap_action(km, k) != ACT_NONE)
		return;
	int n = u8_uctomb((uint8_t *)buf, (ucs4_t)k, 7);
	buf[n > 0 ? n : 0] = '\0';
}

bool prompt_yes(qkey k)
{
	return k == 'y' || k == 'Y' || k == 0xFF59 || k == 0xFF39; /* ｙ Ｙ */
}
