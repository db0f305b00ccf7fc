/* The live keymap: compiled-in defaults parsed from the ACTIONS table's key lists, then
 * [keys] overrides in the same syntax. Pure lookups; the UI turns curses codes into
 * qkeys before asking. */
#include "config/keymap.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "config/settings.h"
#include "core/i18n.h"
#include "core/xalloc.h"

struct keymap {
	qkey keys[ACT__COUNT][KEYMAP_MAX_KEYS];
	int nkeys[ACT__COUNT];
};

typedef struct action_info {
	const char *name;
	action_group group;
	const char *defaults;
	const char *label;
	const char *help;
} action_info;

static const action_info actions[] = {
#define ACTION_ROW(id, name, group, keys, label, help) { name, group, keys, label, help },
	ACTIONS(ACTION_ROW)
#undef ACTION_ROW
};

static const char *const group_labels[] = {
#define GROUP_ROW(id, label) label,
	ACTION_GROUPS(GROUP_ROW)
#undef GROUP_ROW
};

typedef struct key_name {
	qkey code;
	const char *name;
} key_name;

/* Named keys plus the characters a comma-separated, comment-stripping ini value
 * cannot carry literally. */
static const key_name key_names[] = {
#define KEY_NAME_ROW(code, name) { code, name },
	QKEY_NAMES(KEY_NAME_ROW)
#undef KEY_NAME_ROW
	{ ' ', "Space" },
	{ ',', "Comma" },
	{ ';', "Semicolon" },
	{ '#', "Hash" },
};

/* Control keys that never reach a program in cbreak mode: the terminal driver takes
 * them for signals or flow control (PuTTY freezes on C-s). */
static const struct {
	char letter;
	const char *why;
} unbindable[] = {
	{ 'c', N_("the terminal turns it into an interrupt") },
	{ 'z', N_("the terminal turns it into suspend") },
	{ 's', N_("the terminal uses it for flow control (output freezes)") },
	{ 'q', N_("the terminal uses it for flow control") },
};

keymap *keymap_new(void)
{
	keymap *km = xcalloc(1, sizeof *km);
	strbuf err = STRBUF_INIT;
	for (int a = 0; a < ACT__COUNT; a++)
		if (keymap_bind(km, actions[a].name, actions[a].defaults, NULL, 0, &err) < 0)
			fatal("built-in key table: %s", sb_str(&err));
	sb_free(&err);
	return km;
}

void keymap_free(keymap **km)
{
	xfree(km);
}

const char *action_name(action a)
{
	return a >= 0 && a < ACT__COUNT ? actions[a].name : "";
}

action_group action_group_of(action a)
{
	return a >= 0 && a < ACT__COUNT ? actions[a].group : GRP_NAV;
}

const char *action_label(action a)
{
	return a >= 0 && a < ACT__COUNT ? actions[a].label : "";
}

const char *action_help(action a)
{
	return a >= 0 && a < ACT__COUNT ? actions[a].help : "";
}

const char *action_group_label(action_group g)
{
	return g >= 0 && g < GRP__COUNT ? group_labels[g] : "";
}

action action_by_name(const char *name)
{
	for (int a = 0; a < ACT__COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (action)a;
	return ACT_NONE;
}

static int ctrl_key(const char *s, qkey *out, strbuf *err)
{
	char c = s[2];
	if (c >= 'A' && c <= 'Z')
		c = (char)(c - 'A' + 'a');
	if (s[3] != '\0' || c < 'a' || c > 'z')
		return -1;
	for (size_t i = 0; i < sizeof unbindable / sizeof unbindable[0]; i++)
		if (unbindable[i].letter == c) {
			sb_addf(err, _("key %s cannot be bound: %s"), s, _(unbindable[i].why));
			return -2;
		}
	/* the terminal sends these as the keys they are spelt as elsewhere */
	if (c == 'i')
		*out = QK_TAB;
	else if (c == 'm')
		*out = QK_ENTER;
	else if (c == 'h')
		*out = QK_BACKSPACE;
	else
		*out = c - 'a' + 1;
	return 0;
}

int key_parse(const char *s, qkey *out, strbuf *err)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].code != QK_RESIZE && strcasecmp(key_names[i].name, s) == 0) {
			*out = key_names[i].code;
			return 0;
		}
	if (len >= 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
		int rc = ctrl_key(s, out, err);
		if (rc == 0)
			return 0;
		if (rc == -2)
			return -1;
	}
	ucs4_t uc;
	int n = len ? u8_mbtoucr(&uc, (const uint8_t *)s, len) : -1;
	if (n > 0 && (size_t)n == len && uc > ' ' && uc != 0x7f && (uc < 0x80 || uc > 0x9f)) {
		*out = (qkey)uc;
		return 0;
	}
	sb_addf(err, _("unknown key name '%s' (use F1-F12, Up, Down, Left, Right, PgUp, PgDn, "
	               "Home, End, Enter, Esc, Tab, BTab, Backspace, Space, C-a to C-z or one "
	               "character)"), s);
	return -1;
}

char *key_format(qkey k, char *buf)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].code == k) {
			snprintf(buf, 16, "%s", key_names[i].name);
			return buf;
		}
	if (k >= 1 && k <= 26) {
		snprintf(buf, 16, "C-%c", 'a' + k - 1);
		return buf;
	}
	if (k > 0 && k < QK__NAMED) {
		uint8_t tmp[8];
		int n = u8_uctomb(tmp, (ucs4_t)k, (ptrdiff_t)sizeof tmp);
		if (n > 0) {
			memcpy(buf, tmp, (size_t)n);
			buf[n] = '\0';
			return buf;
		}
	}
	snprintf(buf, 16, "?");
	return buf;
}

static void unbind_key(keymap *km, qkey k)
{
	for (int a = 0; a < ACT__COUNT; a++)
		for (int i = 0; i < km->nkeys[a]; i++)
			if (km->keys[a][i] == k) {
				memmove(&km->keys[a][i], &km->keys[a][i + 1],
				        (size_t)(km->nkeys[a] - i - 1) * sizeof(qkey));
				km->nkeys[a]--;
				i--;
			}
}

static void where(strbuf *err, const char *file, int line)
{
	if (file)
		sb_addf(err, "%s:%d: ", file, line);
}

/* trims ASCII blanks and the full-width space U+3000 an input method leaves behind */
static void trim_token(const char **s, size_t *n)
{
	static const char ideo_space[] = "\xe3\x80\x80";
	for (;;) {
		if (*n && (**s == ' ' || **s == '\t')) {
			(*s)++, (*n)--;
		} else if (*n >= 3 && memcmp(*s, ideo_space, 3) == 0) {
			*s += 3, *n -= 3;
		} else if (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) {
			(*n)--;
		} else if (*n >= 3 && memcmp(*s + *n - 3, ideo_space, 3) == 0) {
			*n -= 3;
		} else {
			return;
		}
	}
}

/* the action named name and the keys of value ("F3, /, ／") in parsed (n of them),
 * nothing changed yet; -1 and a message naming where and what is wrong */
static int parse_binding(const char *name, const char *value, const char *file, int line,
                         action *a, qkey parsed[KEYMAP_MAX_KEYS], int *np, strbuf *err)
{
	*a = action_by_name(name);
	if (*a == ACT_NONE) {
		where(err, file, line);
		sb_addf(err, _("unknown action '%s' in [keys]"), name);
		return -1;
	}
	int n = 0;
	const char *p = value;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		const char *tok = p;
		trim_token(&tok, &len);
		if (len > 0) {
			char *one = xstrndup(tok, len);
			qkey k;
			strbuf why = STRBUF_INIT;
			int rc = key_parse(one, &k, &why);
			xfree(&one);
			if (rc < 0) {
				where(err, file, line);
				sb_addf(err, "%s: %s", name, sb_str(&why));
				sb_free(&why);
				return -1;
			}
			sb_free(&why);
			bool dup = false;
			for (int i = 0; i < n; i++)
				dup = dup || parsed[i] == k;
			if (!dup) {
				if (n == KEYMAP_MAX_KEYS) {
					where(err, file, line);
					sb_addf(err, _("%s: at most %d keys per action"), name,
					        KEYMAP_MAX_KEYS);
					return -1;
				}
				parsed[n++] = k;
			}
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	/* "search =" is far more often a value lost to an unquoted ';' or '#', or a line
	 * half written, than a wish to leave an action without a key (quit, help) */
	if (n == 0) {
		where(err, file, line);
		sb_addf(err, _("%s: no key given; this line is left out and the action keeps "
		               "its keys"), name);
		return -1;
	}
	*np = n;
	return 0;
}

static void apply_binding(keymap *km, action a, const qkey *parsed, int n)
{
	km->nkeys[a] = 0;
	for (int i = 0; i < n; i++)
		unbind_key(km, parsed[i]);
	memcpy(km->keys[a], parsed, (size_t)n * sizeof(qkey));
	km->nkeys[a] = n;
}

int keymap_bind(keymap *km, const char *name, const char *value, const char *file, int line,
                strbuf *err)
{
	action a;
	qkey parsed[KEYMAP_MAX_KEYS];
	int n;
	if (parse_binding(name, value, file, line, &a, parsed, &n, err) < 0)
		return -1;
	apply_binding(km, a, parsed, n);
	return 0;
}

/* a key a [keys] line of the file being read gave an action */
typedef struct key_owner {
	qkey key;
	action a;
	const char *file;
	int line;
} key_owner;

/* whether a key of parsed (for a) is one that an earlier line of the same file gave
 * another action that still has it: one file binding one key twice is a mistake to
 * report, where a later file (the user's over /etc) rebinding it is an override */
static bool key_conflict(const keymap *km, const key_owner *own, size_t nown, action a,
                         const qkey *parsed, int n, const settings_kv *kv, strbuf *err)
{
	for (int i = 0; i < n; i++)
		for (size_t j = 0; j < nown; j++) {
			const key_owner *o = &own[j];
			if (o->key != parsed[i] || o->a == a || strcmp(o->file, kv->file) != 0 ||
			    keymap_action(km, o->key) != o->a)
				continue;
			char buf[16];
			where(err, kv->file, kv->line);
			sb_addf(err, _("%s: key %s is already bound to %s on line %d; one key, one "
			               "action: this line is left out"),
			        kv->key, key_format(o->key, buf), actions[o->a].name, o->line);
			return true;
		}
	return false;
}

int keymap_load_settings(keymap *km, const settings *s, strbuf *err)
{
	int bad = 0;
	key_owner *own = NULL;
	size_t nown = 0, capown = 0;
	for (size_t i = 0; s && i < settings_keys_count(s); i++) {
		const settings_kv *kv = settings_keys_at(s, i);
		strbuf one = STRBUF_INIT;
		action a;
		qkey parsed[KEYMAP_MAX_KEYS];
		int n;
		if (parse_binding(kv->key, kv->value, kv->file, kv->line, &a, parsed, &n, &one) < 0 ||
		    key_conflict(km, own, nown, a, parsed, n, kv, &one)) {
			if (bad++)
				sb_addc(err, '\n');
			sb_add(err, sb_str(&one));
		} else {
			apply_binding(km, a, parsed, n);
			for (int k = 0; k < n; k++) {
				if (nown == capown) {
					capown = capown ? capown * 2 : 16;
					own = xrealloc(own, capown * sizeof *own);
				}
				own[nown++] = (key_owner){ parsed[k], a, kv->file, kv->line };
			}
		}
		sb_free(&one);
	}
	free(own);
	return bad;
}

action keymap_action(const keymap *km, qkey k)
{
	for (int a = 0; a < ACT__COUNT; a++)
		for (int i = 0; i < km->nkeys[a]; i++)
			if (km->keys[a][i] == k)
				return (action)a;
	return ACT_NONE;
}

int keymap_keys(const keymap *km, action a, const qkey **keys)
{
	if (a < 0 || a >= ACT__COUNT) {
		*keys = NULL;
		return 0;
	}
	*keys = km->keys[a];
	return km->nkeys[a];
}

int keymap_fkey(const keymap *km, action a)
{
	const qkey *keys;
	int n = keymap_keys(km, a, &keys);
	for (int i = 0; i < n; i++)
		if (keys[i] >= QK_F1 && keys[i] <= QK_F12)
			return keys[i] - QK_F1 + 1;
	return 0;
}

void keymap_describe(const keymap *km, action a, strbuf *out)
{
	const qkey *keys;
	int n = keymap_keys(km, a, &keys);
	char buf[16];
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(out, ' ');
		sb_add(out, key_format(keys[i], buf));
	}
}

esc_digits esc_digits_parse(const char *value)
{
	if (value && strcmp(value, "fkeys") == 0)
		return ESC_DIGITS_FKEYS;
	if (value && strcmp(value, "off") == 0)
		return ESC_DIGITS_OFF;
	return ESC_DIGITS_AUTO;
}

bool esc_digits_fkeys(esc_digits mode, bool term_has_fkeys)
{
	return mode == ESC_DIGITS_FKEYS || (mode == ESC_DIGITS_AUTO && !term_has_fkeys);
}

qkey esc_digit_key(esc_digits mode, bool term_has_fkeys, qkey next)
{
	if (!esc_digits_fkeys(mode, term_has_fkeys) || next < '0' || next > '9')
		return QK_NONE;
	return next == '0' ? QK_F10 : QK_F1 + (next - '1');
}
