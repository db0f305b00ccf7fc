/* A small, fast pseudo-random generator (splitmix64) that gives the same numbers on
 * every platform: the demo database and anything else that must be reproducible from
 * a seed draw from it. Not for secrets. */
#ifndef QIFU_RNG_H
#define QIFU_RNG_H
#include <stdint.h>

/* the next number of the stream whose state is *s */
uint64_t rng_next(uint64_t *s);
/* a number in [0, n) from the stream; n must be at least 1 */
int rng_below(uint64_t *s, int n);

#endif
