/* The progress line of long work on a terminal (qifu enterprise import): a bar, the
 * share done, the rows so far, their rate and the time left. Words only: the command
 * decides when (stderr a terminal) and how often to draw it. */
#ifndef QIFU_CLI_PROGRESS_H
#define QIFU_CLI_PROGRESS_H
#include "core/strbuf.h"

/* cells of the bar */
#define PROGRESS_BAR 20

/* the line for what: rows read so far, done of total (bytes: the share of the file),
 * elapsed seconds since the start. The rate and the time left are left out ("--")
 * until a tenth of a second has passed and something is done. */
void progress_line(strbuf *out, const char *what, long rows, double done, double total,
                   double elapsed);
/* seconds as m:ss, or h:mm:ss from an hour */
void progress_clock(strbuf *out, double seconds);

#endif
