/* The page cache's region (store/pagecache.h) */
#include "store/pagecache.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

bool pagecache_plan_for(const char *thp, int page_size, int hdr, int cache_kib,
                        pagecache_plan *p)
{
	memset(p, 0, sizeof *p);
	if (!thp || (!strstr(thp, "[always]") && !strstr(thp, "[madvise]")))
		return false;
	if (page_size <= 0 || hdr < 0 || cache_kib <= 0)
		return false;
	size_t slot = ((size_t)page_size + (size_t)hdr + 7) & ~(size_t)7;
	size_t want = (size_t)cache_kib * 1024;
	size_t bytes = (want + PAGECACHE_HUGE - 1) / PAGECACHE_HUGE * PAGECACHE_HUGE;
	if (bytes / slot < 1)
		return false;
	*p = (pagecache_plan){ slot, (int)(bytes / slot), bytes };
	return true;
}

/* the whole text of a small file, or NULL */
static char *read_small(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return n ? buf : NULL;
}

static bool tried;

void pagecache_decline(void)
{
	tried = true;
}

void pagecache_setup(int page_size, int cache_kib)
{
	if (tried)
		return;
	tried = true;
	char thp[128];
	int hdr = 0;
	pagecache_plan p;
	if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK ||
	    !pagecache_plan_for(read_small("/sys/kernel/mm/transparent_hugepage/enabled", thp,
	                                   sizeof thp),
	                        page_size, hdr, cache_kib, &p))
		return;
	/* one huge page more, to start the region on a huge page's boundary */
	size_t len = p.bytes + PAGECACHE_HUGE;
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return;
	char *a = (char *)(((uintptr_t)m + PAGECACHE_HUGE - 1) & ~(uintptr_t)(PAGECACHE_HUGE - 1));
	if (madvise(a, p.bytes, MADV_HUGEPAGE) != 0 ||
	    sqlite3_config(SQLITE_CONFIG_PAGECACHE, a, (int)p.slot, p.slots) != SQLITE_OK)
		munmap(m, len);
	/* else the region is SQLite's for the life of the process */
}
