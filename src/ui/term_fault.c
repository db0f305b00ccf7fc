/* A fatal signal while curses owns the terminal: without this, a crash or Ctrl-\
 * leaves the user's shell on the alternate screen without a cursor and without echo
 * (`reset` typed blind). Everything the handler needs is prepared when it is armed;
 * the handler itself calls only async-signal-safe functions (write, tcsetattr,
 * dup2, lseek, read, sigaction, raise) and touches no curses or stdio state, which a
 * crash may have left half updated. */
#include "ui/term_fault.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const int fault_signals[] = { SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };
enum { NFAULT = sizeof fault_signals / sizeof fault_signals[0] };

static volatile sig_atomic_t armed;
static int out, tty, err_fd = -1, log_fd = -1;
static struct termios modes;
static char seq[512];
static size_t seq_len;
static struct sigaction old_actions[NFAULT];

static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (size_t)w;
	}
}

static void on_fault(int sig)
{
	int saved_errno = errno;
	if (armed) {
		armed = 0;
		write_all(out, seq, seq_len);
		tcsetattr(tty, TCSAFLUSH, &modes);
		/* what went to stderr while curses drew (an assertion's message) is shown
		 * on the shell's screen, as term_end would have */
		if (err_fd >= 0 && log_fd >= 0 && dup2(err_fd, STDERR_FILENO) >= 0 &&
		    lseek(log_fd, 0, SEEK_SET) == 0) {
			char buf[1024];
			ssize_t n;
			while ((n = read(log_fd, buf, sizeof buf)) > 0)
				write_all(STDERR_FILENO, buf, (size_t)n);
		}
	}
	/* die of it: a fault raised by the program happens again when the handler
	 * returns, with the default action; a signal sent is pending until then */
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig);
	errno = saved_errno;
}

void term_fault_arm(int out_fd, int tty_fd, const struct termios *saved, const char *restore,
                    int stderr_fd, int capture_fd)
{
	out = out_fd;
	tty = tty_fd;
	modes = *saved;
	seq_len = strlen(restore);
	if (seq_len >= sizeof seq)
		seq_len = sizeof seq - 1;
	memcpy(seq, restore, seq_len);
	err_fd = stderr_fd;
	log_fd = capture_fd;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fault;
	sigfillset(&sa.sa_mask);
	for (int i = 0; i < NFAULT; i++)
		sigaction(fault_signals[i], &sa, &old_actions[i]);
	armed = 1;
}

void term_fault_disarm(void)
{
	if (!armed)
		return;
	armed = 0;
	for (int i = 0; i < NFAULT; i++)
		sigaction(fault_signals[i], &old_actions[i], NULL);
}
