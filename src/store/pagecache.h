/* SQLite's page cache in one region the kernel may back with transparent huge
 * pages. A page read into a cache of its own malloc'd block costs a page fault the
 * first time the block is touched; on a virtual machine a fault costs more than the
 * read (100 PgUps at a million appeals: 3 500 faults, a quarter of the time). One
 * region of 2 MB pages is faulted in a few times at start. The plan is pure, so the
 * unit tests hold every case. Not for use outside src/store. */
#ifndef QIFU_STORE_PAGECACHE_H
#define QIFU_STORE_PAGECACHE_H
#include <stdbool.h>
#include <stddef.h>

#define PAGECACHE_HUGE ((size_t)2 << 20)

typedef struct pagecache_plan {
	size_t slot;   /* bytes a page takes: the page and SQLite's header, 8-aligned */
	int slots;     /* pages the region holds */
	size_t bytes;  /* the region: whole huge pages */
} pagecache_plan;

/* Whether to give SQLite such a region, and its shape. thp is the text of
 * /sys/kernel/mm/transparent_hugepage/enabled (NULL: unreadable); only where the
 * kernel honours madvise ([always] or [madvise]) does the region pay: with small
 * pages the whole region would be faulted in at start, page by page. cache_kib is
 * the connection's cache_size in KiB, page_size and hdr SQLite's page and its
 * header (SQLITE_CONFIG_PCACHE_HDRSZ). */
bool pagecache_plan_for(const char *thp, int page_size, int hdr, int cache_kib,
                        pagecache_plan *p);

/* Once a process, before SQLite starts (db_open): the region for a connection's
 * cache of cache_kib KiB of page_size pages, where the plan says so. Without it, or
 * when SQLite has started already (a test's own connection), pages are malloc'd as
 * before. */
void pagecache_setup(int page_size, int cache_kib);

/* before the process's first open: its pages stay in malloc'd blocks. For a file
 * built in bulk, whose cache grows far past a screen's 8 MB
 * (appeal_store_bulk_mode): SQLite recycles its pages rather than grow once the
 * region is full. */
void pagecache_decline(void);

#endif
