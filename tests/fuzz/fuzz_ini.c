/* libFuzzer target for the settings reader (src/config: the line check before
 * iniparser, iniparser 4.1 itself, the values' validation) and the [keys] lines
 * applied to a keymap. Beyond "does not crash": every problem names its file, and
 * every setting still has a value and a source afterwards. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/keymap.h"
#include "config/settings.h"
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = fuzz_file(data, size, path);
	settings *s = settings_new();
	settings_diag *diags = settings_diag_new();
	settings_load_file(s, path, true, diags);
	for (size_t i = 0; i < settings_diag_count(diags); i++) {
		const settings_problem *p = settings_diag_at(diags, i);
		if (!p->file || strcmp(p->file, path) != 0 || !p->message || !*p->message)
			abort();
		strbuf line = STRBUF_INIT;
		settings_problem_format(p, &line);
		sb_free(&line);
	}
	for (int id = 0; id < SET__COUNT; id++)
		if (!cfg_str(s, (setting_id)id) || !cfg_source(s, (setting_id)id))
			abort();
	keymap *km = keymap_new();
	strbuf err = STRBUF_INIT;
	int bad = keymap_load_settings(km, s, &err);
	if (bad > 0 && err.len == 0)
		abort();
	strbuf out = STRBUF_INIT;
	settings_describe(s, &out);
	sb_free(&out);
	sb_free(&err);
	keymap_free(&km);
	settings_diag_free(&diags);
	settings_free(&s);
	close(fd);
	return 0;
}
