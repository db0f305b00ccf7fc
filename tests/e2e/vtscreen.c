/* Play a keys file (the format of qifu --keys: key names, 'text ...', 'dump',
 * 'resize COLSxROWS') to a program in a real pseudo-terminal, as the bytes a terminal
 * sends, and write what a libvterm screen shows at each 'dump' in the format of qifu's
 * headless dump: a "--- COLSxROWS ---" line, then each row, a wide character once. A
 * row the screen could not hold whole (a wide character cut at the right edge, the
 * right half of one whose left half was overwritten) is written with a '?' where it
 * broke and reported on stderr. After the keys, F10, and one more dump: the screen the
 * program left behind. The caller compares the dumps with the headless ones (what the
 * program meant); stdout says how many queries the screen answered.
 *
 * Usage: vtscreen [--size COLSxROWS] [--wide RANGES] [--silent] [--late SEQ]
 *                 KEYS OUT -- PROGRAM ARGS...
 *   --wide RANGES  a file of "LO HI" hex code point ranges the screen draws two
 *                  cells wide where libvterm draws them one (the ambiguous ones)
 *   --silent       the screen answers no query (a terminal without CSI 6n)
 *   --late SEQ     after the first screen, send SEQ (C escapes \e \r allowed) as a
 *                  late answer would arrive, before the first key
 * Exit 0, 1 on a broken row or when the program did not end with status 0 after
 * the keys and F10, 2 on bad usage, 77 when --wide cannot be honoured. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vtpty.h"

/* the bytes xterm sends for qifu's key names (keypad mode, as ncurses asks) */
static const struct {
	const char *name;
	const char *bytes;
} keys[] = {
	{ "F1", "\033OP" }, { "F2", "\033OQ" }, { "F3", "\033OR" }, { "F4", "\033OS" },
	{ "F5", "\033[15~" }, { "F6", "\033[17~" }, { "F7", "\033[18~" }, { "F8", "\033[19~" },
	{ "F9", "\033[20~" }, { "F10", "\033[21~" }, { "F11", "\033[23~" }, { "F12", "\033[24~" },
	{ "Up", "\033OA" }, { "Down", "\033OB" }, { "Right", "\033OC" }, { "Left", "\033OD" },
	{ "PgUp", "\033[5~" }, { "PgDn", "\033[6~" }, { "Home", "\033OH" }, { "End", "\033OF" },
	{ "Enter", "\r" }, { "Esc", "\033" }, { "Tab", "\t" }, { "BTab", "\033[Z" },
	{ "Backspace", "\177" }, { "Delete", "\033[3~" }, { "Space", " " }, { "Comma", "," },
	{ "Semicolon", ";" }, { "Hash", "#" },
};

static int broken_rows;

static void dump(vtpty *s, FILE *out)
{
	char text[8192];
	fprintf(out, "--- %dx%d ---\n", s->cols, s->rows);
	for (int r = 0; r < s->rows; r++) {
		if (vtpty_row_text(s, r, text, sizeof text) < 0) {
			fprintf(stderr, "vtscreen: row %d breaks a wide character: %s\n", r, text);
			broken_rows++;
		}
		fprintf(out, "%s\n", text);
	}
	fflush(out);
}

/* \e and \r in a command-line argument */
static char *unescape(const char *a)
{
	char *out = malloc(strlen(a) + 1), *o = out;
	for (; *a; a++) {
		if (a[0] == '\\' && (a[1] == 'e' || a[1] == 'r')) {
			*o++ = a[1] == 'e' ? '\033' : '\r';
			a++;
		} else {
			*o++ = *a;
		}
	}
	*o = '\0';
	return out;
}

static uint32_t *read_ranges(const char *path, size_t *n)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		exit(2);
	}
	size_t cap = 256;
	uint32_t *v = malloc(cap * 2 * sizeof *v);
	unsigned lo, hi;
	*n = 0;
	while (fscanf(f, "%x %x", &lo, &hi) == 2) {
		if (*n == cap) {
			cap *= 2;
			v = realloc(v, cap * 2 * sizeof *v);
		}
		v[2 * *n] = lo;
		v[2 * *n + 1] = hi;
		(*n)++;
	}
	fclose(f);
	return v;
}

/* one line of the keys file: false when it names no key */
static bool play_line(vtpty *s, char *line, FILE *out)
{
	line[strcspn(line, "\r\n")] = '\0';
	char *p = line + strspn(line, " \t");
	if (!*p || *p == '#')
		return true;
	if (strncmp(p, "text ", 5) == 0) {
		/* an input method's commit: one write */
		vtpty_send(s, p + 5, strlen(p + 5));
		vtpty_pump(s, 150, 3000);
		return true;
	}
	char *end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	int cols, rows;
	if (sscanf(p, "resize %dx%d", &cols, &rows) == 2) {
		vtpty_resize(s, cols, rows);
		vtpty_pump(s, 300, 3000);
		return true;
	}
	if (strcmp(p, "dump") == 0) {
		dump(s, out);
		return true;
	}
	const char *bytes = NULL;
	char ctrl[2] = { 0, 0 };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0] && !bytes; i++)
		if (strcasecmp(p, keys[i].name) == 0)
			bytes = keys[i].bytes;
	if (!bytes && (p[0] == 'C' || p[0] == 'c') && p[1] == '-' && p[2] >= 'a' && p[2] <= 'z' &&
	    !p[3]) {
		ctrl[0] = (char)(p[2] - 'a' + 1);
		bytes = ctrl;
	}
	if (!bytes && (unsigned char)p[0] > ' ')
		bytes = p; /* one character, as typed */
	if (!bytes)
		return false;
	vtpty_send(s, bytes, strlen(bytes));
	/* a lone Esc waits out qifu's Esc-digit window before the next key */
	vtpty_pump(s, strcmp(bytes, "\033") == 0 ? 600 : 150, 3000);
	return true;
}

int main(int argc, char **argv)
{
	int cols = 80, rows = 24, i = 1;
	const char *late = NULL;
	vtpty s = { 0 };
	uint32_t *ranges = NULL;
	size_t nranges = 0;
	for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
			if (sscanf(argv[++i], "%dx%d", &cols, &rows) != 2)
				return 2;
		} else if (strcmp(argv[i], "--wide") == 0 && i + 1 < argc) {
			ranges = read_ranges(argv[++i], &nranges);
		} else if (strcmp(argv[i], "--silent") == 0) {
			s.silent = true;
		} else if (strcmp(argv[i], "--late") == 0 && i + 1 < argc) {
			late = argv[++i];
		} else {
			break;
		}
	}
	if (argc - i < 4 || strcmp(argv[i + 2], "--") != 0) {
		fprintf(stderr, "usage: vtscreen [--size COLSxROWS] [--wide RANGES] [--silent] "
		                "[--late SEQ] KEYS OUT -- PROGRAM ARGS...\n");
		return 2;
	}
	if (ranges && !vtpty_set_ambiguous_wide(ranges, nranges)) {
		fprintf(stderr, "vtscreen: built against the shared libvterm, which cannot draw "
		                "ambiguous characters wide\n");
		return 77;
	}
	FILE *kf = fopen(argv[i], "r");
	FILE *out = fopen(argv[i + 1], "w");
	if (!kf || !out) {
		perror(kf ? argv[i + 1] : argv[i]);
		return 2;
	}
	vtpty_start(&s, rows, cols, argv + i + 3);
	vtpty_pump(&s, 300, 5000);
	if (late) {
		char *seq = unescape(late);
		vtpty_send(&s, seq, strlen(seq));
		vtpty_pump(&s, 300, 3000);
		free(seq);
	}
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0, rc = 0;
	while (getline(&line, &cap, kf) >= 0) {
		lineno++;
		if (!play_line(&s, line, out)) {
			fprintf(stderr, "%s:%d: unknown key '%s'\n", argv[i], lineno, line);
			rc = 2;
			break;
		}
	}
	free(line);
	fclose(kf);
	long answers = s.answers;
	/* F10, and the shell's screen qifu leaves behind as one more dump: nothing of the
	 * start-up probe may be left on it */
	vtpty_send(&s, "\033[21~", 5);
	vtpty_pump(&s, 300, 3000);
	dump(&s, out);
	int status = vtpty_finish(&s, 5000);
	fclose(out);
	printf("vtscreen: %ld answers to the program's queries\n", answers);
	if (rc)
		return rc;
	if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "vtscreen: the program ended with status %d after F10\n", status);
		return 1;
	}
	return broken_rows ? 1 : 0;
}
