/* The terminal put back on a fatal signal (SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE,
 * SIGILL): a handler that does only what a signal handler may (write the sequences
 * computed beforehand, tcsetattr the saved modes, replay captured stderr) and then
 * dies of the same signal with its default action, core dump included. */
#ifndef QIFU_TERM_FAULT_H
#define QIFU_TERM_FAULT_H
#include <termios.h>

/* on a fatal signal from now on: restore (written to out_fd) and the modes saved
 * (set on tty_fd); where stderr was captured, the capture (log_fd) is copied to
 * stderr_fd, which becomes fd 2 again (-1, -1: none) */
void term_fault_arm(int out_fd, int tty_fd, const struct termios *saved, const char *restore,
                    int stderr_fd, int log_fd);
/* the default actions back (term_end) */
void term_fault_disarm(void);

#endif
