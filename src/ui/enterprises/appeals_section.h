/* The appeals section of the enterprise 360 view: the enterprise's appeals, newest
 * first, each with its state and light, read from the appeals store a few at a time
 * so that the Enterprises pane needs to know nothing more of appeals. */
#ifndef QIFU_UI_ENTERPRISES_APPEALS_SECTION_H
#define QIFU_UI_ENTERPRISES_APPEALS_SECTION_H

#include "ui/detail.h"
#include "ui/shell.h"

/* the appeals of the enterprise uscc as items of d's current section (at most a
 * screenful; the rest counted), or a note that there are none */
void appeals_section_add(shell *sh, detail *d, const char *uscc);

#endif
