/* Live desks: an idle screen looks, at every input timeout, whether another session
 * committed (PRAGMA data_version) or the date rolled over, and refreshes the current
 * pane then; never while a form or prompt is open, where the refresh waits until it
 * closes. The decision is pure, here; the shell asks the database and the clock. */
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

#endif
