/* The headless door: a keys file read up front (one token a line: a key name,
 * "text 华勤", "resize 100x30", "dump"; blank lines and # comments skipped) and played
 * into the shell, drawing once per token as a real session draws once per key. */
#ifndef QIFU_DOOR_H
#define QIFU_DOOR_H
#include <stdio.h>

#include "core/strbuf.h"
#include "ui/shell.h"

typedef struct door_script door_script;

/* parse path; NULL with "FILE:LINE: reason" in err for the first bad line */
door_script *door_load(const char *path, strbuf *err);
void door_free(door_script **s);
/* play every token into sh (stopping early if the user quits); dumps go to out */
void door_play(const door_script *s, shell *sh, FILE *out);

#endif
