/* Released migrations are never edited (src/store/schema.c): a database made by an
 * earlier release has run them, and runs only the ones after. Each released
 * migration's SQL text must stay byte for byte what it was, wherever in the source it
 * is kept: its SHA-256 is listed here when it is released. Migrations appended after
 * the list are not checked until their hash is added. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/sha256.h"
#include "store/schema.h"

/* the SHA-256 of each released migration's text, from version 1 on */
static const char *const released[] = {
	"04b66f2c5cc210ed4e8bb54cb3287a95b8940604e3f649909ccc9980aaae422e", /* 1 */
	"64d4fec1464898738cf29f8b40de20144a1a4e54c054afd2ff11953a7b65dbe9", /* 2 */
	"fe224b109e2d0b79fdb84294a7676ef7d885fa701e1a4ec5fec0b3653725f5f3", /* 3 */
	"14c74d87c885962674350421f5faf4153dfb8387524dea142cf01dc25c56a577", /* 4 */
	"d9e19557deea45694ac206bdb0fe98ef6e15cb931d5fdea4927dd377adb27a38", /* 5 */
	"2e90ffe3df997763ce63e8cfb01f0c09a2e99deb56278f9dda986487702a01b2", /* 6 */
	"7a96fa56f91b20405ba1be9040d0822ce9ce829cf59acfe5dee9908cd173b4ba", /* 7 */
	"e8f504841b18c3d7b2a846d053336a8e734180d1f302e18cd519a1638944a907", /* 8 */
	"b6229ac15c79eed014cd74640a40830ed0495e1f730947ee4b9ff1c5091f2853", /* 9 */
	"1b8a7476fe65c2bbd75f41cfa05b52de8d3283da6afc77faf82bfe6faaa41fa8", /* 10 */
	"6ef1f73d8275d6310b1f96519609e6b126366e6f26984a7d98350f3334c600ad", /* 11 */
	"bd7b4d9088582418c924ac2f1617e85a76da1a1e4db4d41b6b334a80ff0e1a58", /* 12 */
	"33e93024d03a8fe510995284f7d263a922d97f6449b3e0cc7985e82513157e4e", /* 13 */
	"dc06899d79c8d426a7cbcd744cda902ed95d3bf25b8cc1cdd04df0cad9bbd4d3", /* 14 */
	"78d75384f31047f7887f84de8d101826ebb40e7e3eef389051bf6d97b9b375f0", /* 15 */
	"1475cc36409cac6957c8d95e2f6d4af1c12ec94dcdd32479d51099e07b422c0d", /* 16 */
	"c9cb737a8a30e1a065ae286decc3932f6ffd7ca339ac4384756b9ebe135687f7", /* 17 */
	"5a0d9195fbc490e528e329671539ecc563fbe2a532b976bc99ee000c72de3d73", /* 18 */
	"bbee00f0b088a713b5d4fb49a9e119fc0f695cad1d6c2d8b1a63eab3508abacf", /* 19 */
	"d0cbca99d42443396f4b2e4c69c2874e6ebe33e6e6382f87fd56382d9f9641db", /* 20 */
	"1d730689c9f2e71c964367dbda1dd7f395c39f0a59ada5b3497167becdee11c2", /* 21 */
	"4f63205e468f6e9844135b71dba8fd074ab5e3d28b3cd3c225139191bbf08921", /* 22 */
	"d3a0e4f165d294c11906ef86daf235d56897d29d79769c97ab0e492471a29be6", /* 23 */
	"6cb9463d77cbbab94b62be15aaa3683f48d6e54c2c02cb40d4f4fdf782904e09", /* 24 */
};
enum { NRELEASED = sizeof released / sizeof released[0] };

static void test_released_texts_unchanged(void **state)
{
	(void)state;
	assert_true(schema_latest() >= NRELEASED);
	for (int v = 1; v <= NRELEASED; v++) {
		const char *sql = schema_migration(v);
		assert_non_null(sql);
		uint8_t d[SHA256_BYTES];
		char hex[SHA256_HEX];
		sha256(sql, strlen(sql), d);
		sha256_hex(d, hex);
		if (strcmp(hex, released[v - 1]) != 0)
			fail_msg("migration %d was edited: its text hashes to %s, released as %s", v,
			         hex, released[v - 1]);
	}
}

/* every version from 1 to the latest has a text, and none outside */
static void test_numbering(void **state)
{
	(void)state;
	assert_null(schema_migration(0));
	assert_null(schema_migration(schema_latest() + 1));
	for (int v = 1; v <= schema_latest(); v++) {
		const char *sql = schema_migration(v);
		assert_non_null(sql);
		assert_true(*sql != '\0');
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_released_texts_unchanged),
		cmocka_unit_test(test_numbering),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
