/* Shared by the unit tests that read the Chinese catalogue: the .mo built from po/
 * (QIFU_LOCALEDIR) switched on for what gettext says next, and off again. */
#ifndef QIFU_TESTLANG_H
#define QIFU_TESTLANG_H

/* gettext answers from the Chinese catalogue; fails the running test when it cannot */
void testlang_chinese(void);
/* back to the C locale and the English msgids */
void testlang_english(void);

#endif
