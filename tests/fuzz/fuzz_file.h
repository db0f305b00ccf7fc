/* The fuzz targets' input as a string (for parsers of NUL-terminated text) and as a
 * file: readers that take a path (iniparser, the TSV reader) read the bytes from an
 * anonymous memory file through /proc/self/fd (that part needs _GNU_SOURCE). */
#ifndef QIFU_FUZZ_FILE_H
#define QIFU_FUZZ_FILE_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* data and a NUL after it, in memory of its own (free it) */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#ifdef _GNU_SOURCE
#include <sys/mman.h>
#include <unistd.h>

/* data in a memory file; its path in path (cap 64), the descriptor returned */
static inline int fuzz_file(const uint8_t *data, size_t size, char *path)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0)
		abort();
	for (size_t off = 0; off < size;) {
		ssize_t n = write(fd, data + off, size - off);
		if (n <= 0)
			abort();
		off += (size_t)n;
	}
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}
#endif

#endif
