/* libFuzzer target for key names ([keys] values, --keys tokens: config/keymap.c).
 * Beyond "does not crash": a refused name always says why, a key read is written
 * back by key_format as a name that reads as the same key, and a whole [keys] value
 * bound to an action either binds or leaves the keymap as it was. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_file.h"
#include "config/keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	qkey k = QK_NONE;
	strbuf err = STRBUF_INIT;
	if (key_parse(s, &k, &err) == 0) {
		char buf[16];
		qkey back = QK_NONE;
		strbuf e2 = STRBUF_INIT;
		if (key_parse(key_format(k, buf), &back, &e2) != 0 || back != k)
			abort();
		sb_free(&e2);
	} else if (err.len == 0) {
		abort();
	}
	sb_reset(&err);

	keymap *km = keymap_new();
	const qkey *before;
	int nbefore = keymap_keys(km, ACT_SEARCH, &before);
	qkey saved[KEYMAP_MAX_KEYS];
	memcpy(saved, before, (size_t)nbefore * sizeof *saved);
	if (keymap_bind(km, "search", s, "fuzz.ini", 1, &err) == 0) {
		const qkey *keys;
		int n = keymap_keys(km, ACT_SEARCH, &keys);
		for (int i = 0; i < n; i++)
			if (keymap_action(km, keys[i]) != ACT_SEARCH)
				abort();
	} else {
		const qkey *keys;
		if (err.len == 0 || keymap_keys(km, ACT_SEARCH, &keys) != nbefore ||
		    memcmp(keys, saved, (size_t)nbefore * sizeof *keys) != 0)
			abort();
	}
	keymap_free(&km);
	sb_free(&err);
	free(s);
	return 0;
}
