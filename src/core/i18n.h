/* gettext shorthands. Every user-visible string is an English msgid wrapped in _()
 * (or N_() where it is translated later, in a table). */
#ifndef QIFU_I18N_H
#define QIFU_I18N_H
#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (n))

#endif
