/* Han characters to toneless pinyin, and the pinyin "index form" stored next to
 * each enterprise name so that a plain substring search finds it by initials
 * (hqjs) or full pinyin (huaqin). The readings come from Unihan through
 * scripts/gen-pinyin.py (pinyin_table.c). */
#ifndef QIFU_PINYIN_H
#define QIFU_PINYIN_H
#include <stdint.h>

/* no character has more readings than this (checked when the table is built) */
#define PINYIN_MAX_READINGS 8

/* at most this many initial-letter variants and as many full-pinyin variants */
#define PINYIN_MAX_VARIANTS 16

/* up to max readings of cp into out, customary first (ü as v, lüe also lue); returns how many */
int pinyin_readings(uint32_t cp, const char **out, int max);

/* the index form of a UTF-8 name, e.g. 重庆 → "zq cq zhongqing chongqing"; caller frees */
char *pinyin_index_form(const char *name);

#endif
