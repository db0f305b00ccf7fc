/* What the financing command shares with the Enterprises pane's 360 view. */
#ifndef QIFU_CMD_FINANCING_H
#define QIFU_CMD_FINANCING_H
#include <stdint.h>

/* an amount as people read it: 500万元, 1.5亿元, 3456.78元 (translated; caller frees) */
char *fin_amount_for_people(int64_t fen);

#endif
