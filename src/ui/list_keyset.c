/* Reading a long list's window by key (ui/list_keyset.h): a window next to the one
 * loaded starts from its neighbour row, whose key the store seeks at once; only a
 * jump into the middle of the list walks an offset. */
#include "ui/list_keyset.h"

lk_plan lk_plan_read(long offset, int limit, long loaded, int nloaded, long total, bool more)
{
	lk_plan p = { LK_OFFSET, 0, limit };
	if (offset == 0)
		p.how = LK_FIRST;
	else if (offset - 1 >= loaded && offset - 1 < loaded + nloaded)
		p = (lk_plan){ LK_AFTER, offset - 1, limit };
	else if (offset + limit >= loaded && offset + limit < loaded + nloaded)
		p = (lk_plan){ LK_BEFORE, offset + limit, limit };
	else if (!more && offset + limit >= total)
		p = (lk_plan){ LK_LAST, 0, (int)(total - offset) };
	return p;
}

bool lk_count_all(bool more, long cursor, long top, long page, long count)
{
	return more && (cursor >= count - 1 || top + page > count);
}

lk_count_how lk_count_plan(bool can_cap, bool typing, long top, int page)
{
	if (!can_cap)
		return LK_COUNT_WHOLE;
	return typing && top == 0 && page > 0 ? LK_COUNT_WINDOW : LK_COUNT_CAPPED;
}

void lk_window_count(int read, int page, long *count, bool *more)
{
	*more = read > page;
	*count = *more ? page : read;
}
