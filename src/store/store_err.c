/* Filling a store_err: the code first, then the facts its sentence quotes. */
#include "store/store_err.h"

#include <string.h>

/* src copied into dst of size bytes, cut before a UTF-8 character that would not fit
 * whole */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

store_err *store_err_set(store_err *e, store_code code)
{
	if (!e)
		return NULL;
	memset(e, 0, sizeof *e);
	e->code = code;
	for (int i = 0; i < STORE_ERR_DAYS; i++)
		e->day[i] = DATE_NONE;
	return e;
}

void store_err_path(store_err *e, const char *path)
{
	if (e)
		copy(e->path, sizeof e->path, path);
}

void store_err_what(store_err *e, const char *what)
{
	if (e)
		copy(e->what, sizeof e->what, what);
}

void store_err_detail(store_err *e, const char *detail)
{
	if (e)
		copy(e->detail, sizeof e->detail, detail);
}

void store_err_name(store_err *e, int i, const char *name)
{
	if (e && i >= 0 && i < STORE_ERR_NAMES)
		copy(e->name[i], sizeof e->name[i], name);
}

void store_err_num(store_err *e, int i, int64_t n)
{
	if (e && i >= 0 && i < STORE_ERR_NUMS)
		e->num[i] = n;
}

void store_err_day(store_err *e, int i, qdate day)
{
	if (e && i >= 0 && i < STORE_ERR_DAYS)
		e->day[i] = day;
}
