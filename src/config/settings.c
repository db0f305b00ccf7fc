/* Settings: the compiled defaults from SETTINGS_TABLE, the values with where each
 * came from, their getters and command-line overrides, and the paths they name.
 * Files are read in settings_load.c, values checked in settings_validate.c, and the
 * listing and the default config written in settings_show.c. */
#include "config/settings_internal.h"

#include "qifu-build.h"

#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "core/xalloc.h"

const setting_info settings_table[SET__COUNT] = {
#define X_INFO(id, section, key, type, def, min, max, choices, help) \
	[id] = { section, key, type, def, min, max, choices, help },
	SETTINGS_TABLE(X_INFO)
#undef X_INFO
};

const char settings_keys_section[] = "keys";

const setting_info *settings_info(setting_id id)
{
	return &settings_table[id];
}

settings *settings_new(void)
{
	settings *s = xcalloc(1, sizeof *s);
	for (int id = 0; id < SET__COUNT; id++) {
		char *canon;
		long num;
		settings_problem_kind kind;
		strbuf err = STRBUF_INIT;
		if (settings_value_parse(id, settings_table[id].def, &canon, &num, &kind, &err) < 0)
			fatal("built-in default of %s.%s: %s", settings_table[id].section,
			      settings_table[id].key, sb_str(&err));
		settings_value_store(&s->v[id], canon, num, SET_SRC_DEFAULT, NULL);
	}
	return s;
}

void settings_free(settings **sp)
{
	settings *s = *sp;
	if (!s)
		return;
	for (int id = 0; id < SET__COUNT; id++) {
		free(s->v[id].text);
		free(s->v[id].where);
	}
	for (size_t i = 0; i < s->nkeys; i++) {
		free(s->keys[i].key);
		free(s->keys[i].value);
		free(s->keys[i].file);
	}
	free(s->keys);
	xfree(sp);
}

static void check_type(setting_id id, setting_type want, const char *fn)
{
	if ((unsigned)id >= SET__COUNT)
		fatal("%s: no setting %d", fn, (int)id);
	if (settings_table[id].type != want)
		fatal("%s: %s.%s has another type", fn, settings_table[id].section, settings_table[id].key);
}

long cfg_int(const settings *s, setting_id id)
{
	/* bools and enums have numbers too; only a string has none */
	if ((unsigned)id >= SET__COUNT || settings_table[id].type == SET_T_STRING)
		fatal("cfg_int: setting %d is not a number", (int)id);
	return s->v[id].num;
}

const char *cfg_str(const settings *s, setting_id id)
{
	if ((unsigned)id >= SET__COUNT)
		fatal("cfg_str: no setting %d", (int)id);
	return s->v[id].text;
}

bool cfg_bool(const settings *s, setting_id id)
{
	check_type(id, SET_T_BOOL, "cfg_bool");
	return s->v[id].num != 0;
}

int cfg_set(settings *s, setting_id id, const char *text, strbuf *err)
{
	if ((unsigned)id >= SET__COUNT)
		fatal("cfg_set: no setting %d", (int)id);
	int rc = -1;
	setting_pending pd[SET__COUNT] = { 0 };
	settings_problem_kind kind;
	strbuf own = STRBUF_INIT;
	if (!err)
		err = &own;
	if (settings_value_parse(id, text, &pd[id].text, &pd[id].num, &kind, err) < 0)
		goto out;
	pd[id].set = true;
	if (settings_check_order(s, pd, NULL, NULL, err) < 0)
		goto out;
	settings_value_store(&s->v[id], pd[id].text, pd[id].num, SET_SRC_CMDLINE, NULL);
	rc = 0;
out:
	sb_free(&own);
	return rc;
}

void cfg_set_str(settings *s, setting_id id, const char *text)
{
	check_type(id, SET_T_STRING, "cfg_set_str");
	strbuf err = STRBUF_INIT;
	if (cfg_set(s, id, text, &err) < 0)
		fatal("cfg_set_str: %s", sb_str(&err));
}

const char *cfg_source(const settings *s, setting_id id)
{
	switch (s->v[id].src) {
	case SET_SRC_FILE:
		return s->v[id].where;
	case SET_SRC_CMDLINE:
		return "command line";
	case SET_SRC_DEFAULT:
		break;
	}
	return "default";
}

bool settings_color_enabled(const settings *s)
{
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return false;
	return strcmp(cfg_str(s, SET_THEME), "mono") != 0;
}

char *settings_db_path(const settings *s)
{
	const char *p = cfg_str(s, SET_DB_PATH);
	return *p ? xstrdup(p) : paths_default_db();
}

char *settings_server_db_path(const settings *s)
{
	const char *p = cfg_str(s, SET_DB_PATH);
	return xstrdup(*p == '/' ? p : QIFU_SERVER_DIR "/qifu.db");
}

char *settings_data_dir(const settings *s)
{
	const char *p = cfg_str(s, SET_DATA_DIR);
	return xstrdup(*p ? p : paths_data_dir());
}

char *settings_holiday_dir(const settings *s)
{
	const char *p = cfg_str(s, SET_HOLIDAY_DIR);
	if (*p)
		return xstrdup(p);
	char *data = settings_data_dir(s);
	char *dir = xasprintf("%s/holidays", data);
	free(data);
	return dir;
}

size_t settings_keys_count(const settings *s)
{
	return s->nkeys;
}

const settings_kv *settings_keys_at(const settings *s, size_t i)
{
	return i < s->nkeys ? &s->keys[i] : NULL;
}
