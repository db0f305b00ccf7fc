/* The page cache's region (store/pagecache.h) */
#include "store/pagecache.h"

#include <string.h>

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
