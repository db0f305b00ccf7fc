/* Reading and playing a keys file. The whole file is parsed before the screen starts,
 * so a bad token fails with its line number and no screen work done. Text tokens are
 * delivered code point by code point and drawn once, as an input method's commit
 * arrives as one burst. */
#include "ui/keyscript.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "config/keymap.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "ui/term.h"
#include "ui/layout.h"

typedef enum tok_kind { TOK_KEY, TOK_TEXT, TOK_RESIZE, TOK_DUMP } tok_kind;

typedef struct keyscript_tok {
	tok_kind kind;
	qkey key;
	qkey *text;
	int ntext;
	int cols, rows;
} keyscript_tok;

struct keyscript {
	keyscript_tok *tok;
	int n, cap;
};

static keyscript_tok *add_tok(keyscript *s, tok_kind kind)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->tok = xrealloc(s->tok, (size_t)s->cap * sizeof *s->tok);
	}
	keyscript_tok *t = &s->tok[s->n++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	return t;
}

static int parse_text(keyscript_tok *t, const char *s)
{
	size_t len = strlen(s);
	t->text = xcalloc(len ? len : 1, sizeof *t->text);
	for (size_t off = 0; off < len;) {
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, (const uint8_t *)s + off, len - off);
		if (n <= 0)
			return -1;
		t->text[t->ntext++] = (qkey)uc;
		off += (size_t)n;
	}
	return t->ntext > 0 ? 0 : -1;
}

static int parse_line(keyscript *s, char *line, strbuf *why)
{
	char *end = line + strlen(line);
	while (end > line && (end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	char *p = line;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '#')
		return 0;
	if (strncmp(p, "text ", 5) == 0) {
		keyscript_tok *t = add_tok(s, TOK_TEXT);
		if (parse_text(t, p + 5) < 0) {
			sb_add(why, _("text needs valid UTF-8 after 'text '"));
			return -1;
		}
		return 0;
	}
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	if (strncmp(p, "resize ", 7) == 0) {
		keyscript_tok *t = add_tok(s, TOK_RESIZE);
		if (layout_parse_size(p + 7, &t->cols, &t->rows) < 0) {
			sb_addf(why, _("resize needs COLSxROWS, not '%s'"), p + 7);
			return -1;
		}
		return 0;
	}
	if (strcmp(p, "dump") == 0) {
		add_tok(s, TOK_DUMP);
		return 0;
	}
	qkey k;
	strbuf err = STRBUF_INIT;
	if (key_parse(p, &k, &err) < 0) {
		sb_addf(why, _("unknown token: %s"), sb_str(&err));
		sb_free(&err);
		return -1;
	}
	sb_free(&err);
	add_tok(s, TOK_KEY)->key = k;
	return 0;
}

keyscript *keyscript_read(FILE *f, const char *path, strbuf *err)
{
	keyscript *s = xcalloc(1, sizeof *s);
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		strbuf why = STRBUF_INIT;
		if (parse_line(s, line, &why) < 0) {
			sb_addf(err, "%s:%d: %s", path, lineno, sb_str(&why));
			sb_free(&why);
			keyscript_free(&s);
			break;
		}
		sb_free(&why);
	}
	free(line);
	return s;
}

keyscript *keyscript_load(const char *path, strbuf *err)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		sb_addf(err, _("cannot open keys file %s: %s"), path, strerror(errno));
		return NULL;
	}
	keyscript *s = keyscript_read(f, path, err);
	fclose(f);
	return s;
}

void keyscript_free(keyscript **s)
{
	if (!*s)
		return;
	for (int i = 0; i < (*s)->n; i++)
		xfree(&(*s)->tok[i].text);
	xfree(&(*s)->tok);
	xfree(s);
}

void keyscript_play(const keyscript *s, shell *sh, FILE *out)
{
	shell_draw(sh);
	for (int i = 0; i < s->n && !shell_done(sh); i++) {
		const keyscript_tok *t = &s->tok[i];
		switch (t->kind) {
		case TOK_KEY:
			shell_key(sh, t->key);
			break;
		case TOK_TEXT:
			for (int k = 0; k < t->ntext && !shell_done(sh); k++)
				shell_key(sh, t->text[k]);
			break;
		case TOK_RESIZE:
			term_resize(t->cols, t->rows);
			shell_key(sh, QK_RESIZE);
			break;
		case TOK_DUMP:
			term_dump(out);
			continue;
		}
		shell_draw(sh);
	}
}
