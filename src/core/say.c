/* Messages on stderr (core/say.h). */
#include "core/say.h"

#include <stdarg.h>
#include <stdio.h>

#include "core/i18n.h"

static void say(const char *prefix, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static void say(const char *prefix, const char *fmt, va_list ap)
{
	fflush(stdout);
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void say_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say("qifu: ", fmt, ap);
	va_end(ap);
}

void say_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(_("qifu: warning: "), fmt, ap);
	va_end(ap);
}
