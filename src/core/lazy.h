/* The libraries only a few commands use (the xlsx writer, the xlsx reader's zip and
 * XML parsers, the QR encoder) opened on their first call rather than at every start:
 * mapping and relocating them and what they pull in (libcrypto, minizip, bzip2) cost
 * each process about 4 ms, a sixth of a short command (issue 14). A file that calls
 * one of them includes its header, then core/lazy_libs.h, which routes the calls
 * through lazy_sym. */
#ifndef QIFU_LAZY_H
#define QIFU_LAZY_H

typedef struct lazy_lib {
	const char *soname;              /* as the build found it (qifu-build.h) */
	void *handle;                    /* NULL until the first call */
} lazy_lib;

extern lazy_lib lazy_zip, lazy_expat, lazy_qrencode, lazy_xlsxwriter;

/* the function name of lib, the library opened on first need; a library or function
 * missing (the install is broken) ends the process with a message saying which */
void *lazy_sym(lazy_lib *lib, const char *name);

/* a call of name through lib, its address looked up once per call site */
#define LAZY_CALL(lib, name) (*__extension__ ({ \
	static __typeof__(&name) lazy_fn_; \
	if (!lazy_fn_) \
		lazy_fn_ = (__typeof__(&name))lazy_sym(&lib, #name); \
	&lazy_fn_; }))

#endif
