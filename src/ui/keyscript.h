/* The key script of headless runs (--keys): a keys file read up front (one token a line: a key name,
 * "text 华勤", "resize 100x30", "dump"; blank lines and # comments skipped) and played
 * into the shell, drawing once per token as a real session draws once per key. */
#ifndef QIFU_KEYSCRIPT_H
#define QIFU_KEYSCRIPT_H
#include <stdio.h>

#include "core/strbuf.h"
#include "ui/shell.h"

typedef struct keyscript keyscript;

/* parse path; NULL with "FILE:LINE: reason" in err for the first bad line */
keyscript *keyscript_load(const char *path, strbuf *err);
/* the same from f, whose lines are named path in messages */
keyscript *keyscript_read(FILE *f, const char *path, strbuf *err);
void keyscript_free(keyscript **s);
/* play every token into sh (stopping early if the user quits); dumps go to out */
void keyscript_play(const keyscript *s, shell *sh, FILE *out);

#endif
