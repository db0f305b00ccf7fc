/* Opening the seldom-used libraries on first need (core/lazy.h). */
#include "core/lazy.h"

#include <dlfcn.h>
#include <stdlib.h>

#include "qifu-build.h"
#include "core/i18n.h"
#include "core/say.h"

#ifndef QIFU_SONAME_XLSXWRITER
#define QIFU_SONAME_XLSXWRITER NULL
#endif

lazy_lib lazy_zip = { QIFU_SONAME_ZIP, NULL };
lazy_lib lazy_expat = { QIFU_SONAME_EXPAT, NULL };
lazy_lib lazy_qrencode = { QIFU_SONAME_QRENCODE, NULL };
lazy_lib lazy_xlsxwriter = { QIFU_SONAME_XLSXWRITER, NULL };

void *lazy_sym(lazy_lib *lib, const char *name)
{
	if (!lib->handle && lib->soname)
		lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	void *fn = lib->handle ? dlsym(lib->handle, name) : NULL;
	if (!fn) {
		const char *why = dlerror();
		/* as when the program could not start for want of the library */
		say_error(_("cannot load %s from %s (%s); reinstall qifu's packages"), name,
		          lib->soname ? lib->soname : "-", why ? why : "-");
		exit(EXIT_FAILURE);
	}
	return fn;
}
