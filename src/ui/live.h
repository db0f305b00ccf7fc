/* Live desks: an idle screen looks, at every input timeout, whether another session
 * committed (PRAGMA data_version) or the date rolled over, and refreshes the current
 * pane then; never while a form or prompt is open, where the refresh waits until it
 * closes. After a change it also asks whether appeals were given to the desk's unit,
 * and live_notice_of decides what the status line says and whether the bell rings.
 * The decisions are pure, here; the shell asks the database and the clock. */
#ifndef QIFU_LIVE_H
#define QIFU_LIVE_H
#include <stdbool.h>

#include "core/date.h"

/* how long the input loop waits for a key before it looks (milliseconds) */
#define LIVE_POLL_MS 1000

typedef struct live {
	long long version;  /* the data_version last seen; -1 before the first look */
	qdate day;          /* the date last seen */
	bool pending;       /* a change came while the user was typing */
	bool day_pending;   /* the date rolled over while the user was typing */
} live;

enum {
	LIVE_NOTHING = 0,
	LIVE_REFRESH = 1 << 0,  /* refetch the current pane's rows, cursor kept */
	LIVE_NEW_DAY = 1 << 1,  /* today changed: recompute it, the title and the lights */
};

/* start from what the screen showed first */
void live_init(live *l, long long version, qdate day);
/* one look: typing says a form or prompt is open; version is the data_version now
 * (-1: unreadable, ignored), day the date now (the pinned one when pinned). Returns
 * LIVE_* flags; while typing, a change is remembered and returned once it closes. */
unsigned live_look(live *l, bool typing, long long version, qdate day);

/* how many of a look's new appeals the status line is told of, at most */
#define LIVE_NEWS_MAX 20

/* one appeal newly given to the desk's unit, as the look read it (borrowed) */
typedef struct live_news {
	const char *number;
	const char *unit;
} live_news;

typedef enum live_notice_kind {
	LIVE_NOTICE_NONE,
	LIVE_NOTICE_ONE,   /* 新诉求 <number> 已派至本单位（<unit>） */
	LIVE_NOTICE_MANY,  /* <count> 件新诉求已派至本单位 */
} live_notice_kind;

typedef struct live_notice {
	live_notice_kind kind;
	int count;           /* the distinct appeals; with more, at least that many */
	bool more;
	const char *number;  /* ONE: the appeal (borrowed from the news) */
	const char *unit;    /* ONE: the unit it was given to */
	bool bell;           /* ring the terminal bell once */
} live_notice;

/* what a look that read the n news (more: there were others) says, and whether it
 * rings (bell_on: the [ui] bell setting). An appeal registered for the unit and
 * dispatched to it within one look counts once. */
live_notice live_notice_of(const live_news *v, int n, bool more, bool bell_on);

#endif
