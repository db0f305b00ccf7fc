/* A pane is an ops struct (NeoMutt's windows, tig's views): recalc its rows for a
 * size, repaint every cell of its rectangle, and handle actions by returning reaction
 * flags (htop's Action.h). Events only return flags; the shell's draw pass is the one
 * place that calls recalc and repaint. A new pane is one folder under src/ui/ plus
 * one line in the pane table, ui/panes.h. */
#ifndef QIFU_PANE_H
#define QIFU_PANE_H
#include <stdbool.h>

#include "config/keymap.h"
#include "ui/draw.h"

typedef struct shell shell;

/* what an event did, for the draw pass */
enum pane_reaction {
	REACT_NONE = 0,
	REACT_REPAINT = 1 << 0,   /* cells changed */
	REACT_RECALC = 1 << 1,    /* rows changed (data, sort, filter): recalc, then repaint */
	REACT_UNHANDLED = 1 << 2, /* not this pane's action: the shell tries it */
	REACT_CLOSE = 1 << 3,     /* an overlay asks to be closed */
	REACT_PROMPT = 1 << 4,    /* an overlay asks for its prompt (the help: search) */
};

/* an action and the key that produced it (a search can start with that key) */
typedef struct pane_event {
	action act;
	qkey key;
} pane_event;

typedef struct pane_ops {
	void *(*create)(shell *sh);
	void (*destroy)(void *state);
	void (*recalc)(void *state, ui_rect r);
	void (*repaint)(void *state, ui_rect r);
	unsigned (*handle)(void *state, const pane_event *ev);
	/* optional: whether a does something in the pane's current mode; the F-key bar
	 * and the help show only such actions (NULL: only the shell's own, help, menu,
	 * quit and navigation) */
	bool (*offers)(void *state, action a);
	/* optional: where the hardware cursor goes (a form field's caret, where the input
	 * method opens its window); false hides it */
	bool (*caret)(void *state, int *y, int *x);
	/* optional: the status line's standing hint in the pane's current mode, or NULL
	 * for the shell's own */
	const char *(*hint)(void *state);
	/* optional: true while the pane takes every key itself (a form's text, a [y/N]
	 * answer) and hands up as REACT_UNHANDLED only what it leaves to the shell. NULL or
	 * false: the shell takes help, menu, quit and the tab keys before the pane sees
	 * them, and the pane answers REACT_UNHANDLED to whatever else is not its own. */
	bool (*modal)(void *state);
	/* optional: what a drawn screen left for when no key waits (a typed search's
	 * count up to the cap, ui/listview.h), done now; a key typed meanwhile stops it.
	 * True when the pane changed and is to be drawn again. */
	bool (*settle)(void *state);
} pane_ops;

#endif
