/* The fuzz targets' input as a file: readers that take a path (iniparser, the TSV
 * reader) read the bytes from an anonymous memory file through /proc/self/fd. */
#ifndef QIFU_FUZZ_FILE_H
#define QIFU_FUZZ_FILE_H
#ifndef _GNU_SOURCE
#error "define _GNU_SOURCE before any include: memfd_create"
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
