/* Allocation helpers that never return NULL: running out of memory is fatal, and
 * the message says so before the process ends (the UI's atexit hook restores the
 * terminal first). */
#ifndef QIFU_XALLOC_H
#define QIFU_XALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh allocation */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* free *p and set it to NULL */
void xfree(void *pp);
/* a copy of the NULL-terminated string array v (NULL gives an empty one) */
char **xstrvdup(const char *const *v);
/* free the NULL-terminated string array *v and its strings, and set *v to NULL */
void xstrvfree(char ***v);
/* print "qifu: MESSAGE" and exit(2) after running the registered atexit hooks */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
