/* Switching the unit tests' gettext between the Chinese catalogue and English. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>

#include "testlang.h"

void testlang_chinese(void)
{
	setenv("LANGUAGE", "zh_CN", 1);
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	const char *dir = getenv("QIFU_LOCALEDIR");
	assert_non_null(dir);
	bindtextdomain("qifu", dir);
	bind_textdomain_codeset("qifu", "UTF-8");
	textdomain("qifu");
}

void testlang_english(void)
{
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
}
