/* SHA-256 (FIPS 180-4) through Debian's nettle: the digest of the event log's hash
 * chain, as raw bytes and as the lowercase hex the database and the anchor keep. */
#ifndef QIFU_SHA256_H
#define QIFU_SHA256_H
#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32
#define SHA256_HEX 65 /* 64 hex digits and the terminating NUL */

typedef struct sha256_state {
	/* nettle's context, kept opaque so that callers need not include nettle */
	_Alignas(16) unsigned char opaque[128];
} sha256_state;

void sha256_begin(sha256_state *c);
void sha256_add(sha256_state *c, const void *data, size_t n);
/* the digest of everything added; the context starts over */
void sha256_end(sha256_state *c, uint8_t out[SHA256_BYTES]);
/* the digest of n bytes at data */
void sha256(const void *data, size_t n, uint8_t out[SHA256_BYTES]);
/* the digest as 64 lowercase hex digits */
void sha256_hex(const uint8_t d[SHA256_BYTES], char out[SHA256_HEX]);
/* the 64 hex digits at hex (either case) as bytes; -1 when hex is not exactly that */
int sha256_unhex(const char *hex, uint8_t out[SHA256_BYTES]);

#endif
