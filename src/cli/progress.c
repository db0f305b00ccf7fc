/* The progress line of long work on a terminal (cli/progress.h). */
#include "cli/progress.h"

#include "core/i18n.h"

void progress_clock(strbuf *out, double seconds)
{
	long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
	if (s >= 3600)
		sb_addf(out, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		sb_addf(out, "%ld:%02ld", s / 60, s % 60);
}

void progress_line(strbuf *out, const char *what, long rows, double done, double total,
                   double elapsed)
{
	double share = total > 0 ? done / total : 1;
	share = share < 0 ? 0 : share > 1 ? 1 : share;
	int full = (int)(share * PROGRESS_BAR);
	char bar[PROGRESS_BAR + 1];
	for (int i = 0; i < PROGRESS_BAR; i++)
		bar[i] = i < full ? '#' : '.';
	bar[PROGRESS_BAR] = '\0';
	strbuf rate = STRBUF_INIT, left = STRBUF_INIT;
	if (elapsed >= 0.1 && done > 0) {
		sb_addf(&rate, "%ld", (long)(rows / elapsed + 0.5));
		progress_clock(&left, elapsed * (1 - share) / share);
	} else {
		sb_add(&rate, "--");
		sb_add(&left, "--");
	}
	/* TRANSLATORS: the progress line of an import: what, the bar, the percent done,
	 * the rows read, rows a second, and the time left (m:ss) */
	sb_addf(out, _("%s [%s] %3d%%  %ld rows  %s rows/s  %s left"), what, bar,
	        (int)(share * 100), rows, sb_str(&rate), sb_str(&left));
	sb_free(&rate);
	sb_free(&left);
}
