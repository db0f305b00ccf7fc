/* A growable NUL-terminated byte string, for building SQL-free output, messages
 * and file contents. */
#ifndef QIFU_STRBUF_H
#define QIFU_STRBUF_H
#include <stddef.h>

typedef struct strbuf {
	char *s;
	size_t len;
	size_t cap;
} strbuf;

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(strbuf *b, const char *s);
void sb_addn(strbuf *b, const char *s, size_t n);
void sb_addc(strbuf *b, char c);
void sb_addf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_reset(strbuf *b);
/* the contents, never NULL */
const char *sb_str(const strbuf *b);
/* give up ownership of the buffer (caller frees) */
char *sb_steal(strbuf *b);
void sb_free(strbuf *b);

#endif
