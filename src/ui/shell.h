/* The shell around the panes: title line with tabs, pane area, status line and F-key
 * bar; key dispatch (prompt, overlay, the actions every pane shares, pane, then the
 * shell's own actions); dirty flags; and the one draw pass. Real terminals and the
 * headless key script both drive it with shell_key and shell_draw. */
#ifndef QIFU_SHELL_H
#define QIFU_SHELL_H
#include <stdbool.h>

#include "app/app.h"
#include "config/keymap.h"
#include "store/store_err.h"

/* below this the shell shows only the "terminal too small" message */
#define SHELL_MIN_COLS 80
#define SHELL_MIN_ROWS 24

typedef struct shell shell;

/* called with the accepted text, or NULL when the prompt was cancelled */
typedef void (*shell_prompt_done)(void *arg, const char *text);
/* called after every editing key with the text so far (search as you type) */
typedef void (*shell_prompt_changed)(void *arg, const char *text);

/* a shell over ctx with the live keymap km (the shell does not own it) */
shell *shell_new(app_ctx *ctx, const keymap *km);
void shell_free(shell **sh);
/* one key event; sets dirty flags, draws nothing */
void shell_key(shell *sh, qkey k);
/* no key came for a while: when another session committed or the date rolled over
 * (unless pinned), refresh the current pane, cursor kept; while a form or prompt is
 * open, only once it closes. True when something is to be drawn. */
bool shell_idle(shell *sh);
/* draw what is dirty and flush to the terminal */
void shell_draw(shell *sh);
/* after a draw with no key waiting (the terminal only: a key script's keys all
 * wait): the current pane's settle; true when something is to be drawn again */
bool shell_settle(shell *sh);
/* true once the user asked to quit */
bool shell_done(const shell *sh);

/* for panes: a message on the status line until the next key */
void shell_message(shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* for panes: an error, shown in red after "错误:" until the next key */
void shell_error(shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* a store call's result: when rc < 0 show what err reports as the error; rc returned */
int shell_store_rc(shell *sh, int rc, const store_err *err);
/* for panes: open a prompt on the status line; done gets the text or NULL */
void shell_prompt(shell *sh, const char *label, const char *initial, shell_prompt_done done,
                  void *arg);
/* for panes: the same, and changed hears every edit before Enter or Esc */
void shell_prompt_live(shell *sh, const char *label, const char *initial,
                       shell_prompt_changed changed, shell_prompt_done done, void *arg);
/* for panes in long work: show text on the status line now (the main loop is busy)
 * and look for Esc without waiting; true when the user asked to cancel */
bool shell_progress(shell *sh, const char *text);
/* for panes: ask for recalc and repaint of the current pane */
void shell_dirty_pane(shell *sh);
/* for panes: the permission function for the acting staff member on an object in
 * area (may be NULL), as cli_allowed asks it; a refusal goes to the status line */
bool shell_allowed(shell *sh, int act, const char *area);
app_ctx *shell_ctx(shell *sh);
const keymap *shell_keymap(const shell *sh);
/* for panes' hints: the name of the first key bound to a into buf (at least 16 bytes),
 * "" when none; returns buf */
char *shell_key_name(const shell *sh, action a, char *buf);

#endif
