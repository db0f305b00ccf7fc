/* splitmix64 (Steele, Lea and Flood): one 64-bit state, a constant step and a
 * mixing function; small enough to read, and the same on every platform, which is
 * what a reproducible demo needs. */
#include "core/rng.h"

uint64_t rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int rng_below(uint64_t *s, int n)
{
	return (int)(rng_next(s) % (uint64_t)n);
}
