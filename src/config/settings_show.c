/* Settings shown: every effective value with where it came from (`qifu config`), and
 * the commented default config generated from the table (`qifu config --defaults`,
 * the installed config/qifu.ini), so that the file's help never drifts from the code. */
#include "config/settings_internal.h"

#include <stdlib.h>
#include <string.h>

void settings_describe(const settings *s, strbuf *out)
{
	for (int id = 0; id < SET__COUNT; id++) {
		const setting_value *v = &s->v[id];
		sb_addf(out, "%s.%s = ", settings_table[id].section, settings_table[id].key);
		if (settings_table[id].type == SET_T_STRING && !*v->text)
			sb_add(out, "\"\"");
		else
			sb_add(out, v->text);
		const char *src = v->src == SET_SRC_FILE ? v->where
				: v->src == SET_SRC_CMDLINE ? _("command line") : _("default");
		sb_addf(out, "  (%s)\n", src);
	}
	for (size_t i = 0; i < s->nkeys; i++)
		sb_addf(out, "%s.%s = %s  (%s:%d)\n", settings_keys_section, s->keys[i].key,
			s->keys[i].value, s->keys[i].file, s->keys[i].line);
}

/* each line of text as a "# " comment */
static void add_comment(strbuf *out, const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		if (n)
			sb_add(out, "# ");
		else
			sb_add(out, "#");
		sb_addn(out, p, n);
		sb_addc(out, '\n');
		p += n;
		if (*p)
			p++;
	}
}

void settings_default_ini(strbuf *out)
{
	add_comment(out, _("qifu configuration.\n"
			   "\n"
			   "qifu reads these files in turn, each overriding the ones before:\n"
			   "  qifu.ini in the system configuration directory (often /etc/qifu),\n"
			   "  $XDG_CONFIG_HOME/qifu/qifu.ini (default ~/.config/qifu/qifu.ini),\n"
			   "  the file given with --config FILE.\n"
			   "The lines starting with ';' show the built-in defaults: remove the ';'\n"
			   "and change the value to override one. Values end at ';' or '#' unless\n"
			   "quoted: path = \"/srv/a;b.db\". \"qifu config\" shows the effective\n"
			   "settings and where each comes from; \"qifu config --defaults\" prints\n"
			   "this file."));
	const char *section = NULL;
	for (int id = 0; id < SET__COUNT; id++) {
		const setting_info *in = &settings_table[id];
		if (!section || strcmp(section, in->section) != 0) {
			section = in->section;
			sb_addf(out, "\n[%s]\n", section);
		}
		sb_addc(out, '\n');
		add_comment(out, _(in->help));
		char *list;
		switch (in->type) {
		case SET_T_INT:
			sb_add(out, "# ");
			sb_addf(out, _("Range: %ld..%ld."), in->min, in->max);
			sb_addc(out, '\n');
			break;
		case SET_T_BOOL:
			sb_add(out, "# ");
			sb_add(out, _("On or off."));
			sb_addc(out, '\n');
			break;
		case SET_T_ENUM:
			list = settings_choices_list(in->choices);
			sb_add(out, "# ");
			sb_addf(out, _("One of: %s."), list);
			sb_addc(out, '\n');
			free(list);
			break;
		case SET_T_STRING:
			break;
		}
		sb_addf(out, ";%s =%s%s\n", in->key, *in->def ? " " : "", in->def);
	}
	sb_addf(out, "\n[%s]\n\n", settings_keys_section);
	add_comment(out, _("Key bindings, one action a line: action = key[,key...]. They\n"
			   "override the built-in keys; the help screen (F1) lists the actions\n"
			   "and the key names. Quote a value that holds ';' or '#'."));
	sb_add(out, ";quit = F10,q\n");
}
