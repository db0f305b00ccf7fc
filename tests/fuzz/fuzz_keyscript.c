/* libFuzzer target for the key scripts of --keys (src/ui/keyscript.c): key names,
 * "text …", "resize COLSxROWS", "dump", comments. Beyond "does not crash": a refused
 * script always names the line at fault. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/keyscript.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0; /* fmemopen refuses an empty buffer */
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f)
		abort();
	strbuf err = STRBUF_INIT;
	keyscript *ks = keyscript_read(f, "fuzz.keys", &err);
	if (!ks && strncmp(sb_str(&err), "fuzz.keys:", 10) != 0)
		abort();
	if (ks && err.len)
		abort();
	keyscript_free(&ks);
	sb_free(&err);
	fclose(f);
	return 0;
}
