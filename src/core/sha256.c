/* SHA-256 through nettle (libnettle, Debian nettle-dev): a thin wrapper so that the
 * rest of the tree names one module and the hex form is written and read once. */
#include "core/sha256.h"

#include <nettle/sha2.h>
#include <string.h>

_Static_assert(sizeof(struct sha256_ctx) <= sizeof(((sha256_state *)0)->opaque),
               "nettle's sha256 context fits the opaque buffer");

void sha256_begin(sha256_state *c)
{
	nettle_sha256_init((struct sha256_ctx *)(void *)c->opaque);
}

void sha256_add(sha256_state *c, const void *data, size_t n)
{
	nettle_sha256_update((struct sha256_ctx *)(void *)c->opaque, n, data);
}

void sha256_end(sha256_state *c, uint8_t out[SHA256_BYTES])
{
	nettle_sha256_digest((struct sha256_ctx *)(void *)c->opaque, SHA256_BYTES, out);
}

void sha256(const void *data, size_t n, uint8_t out[SHA256_BYTES])
{
	sha256_state c;
	sha256_begin(&c);
	sha256_add(&c, data, n);
	sha256_end(&c, out);
}

void sha256_hex(const uint8_t d[SHA256_BYTES], char out[SHA256_HEX])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_BYTES; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[SHA256_HEX - 1] = '\0';
}

static int nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int sha256_unhex(const char *hex, uint8_t out[SHA256_BYTES])
{
	if (!hex || strlen(hex) != SHA256_HEX - 1)
		return -1;
	for (int i = 0; i < SHA256_BYTES; i++) {
		int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}
