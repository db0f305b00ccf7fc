/* Events keep machine codes in the database ("dispatched -> accepted; lead=区投促局",
 * "handle due 2027-02-12 -> 2027-02-16"); people read them in their language. The
 * wording happens here, when an event is shown, once for both faces; JSON and CSV keep
 * the codes. */
#ifndef QIFU_APP_EVENT_TEXT_H
#define QIFU_APP_EVENT_TEXT_H

#include "core/strbuf.h"

/* an event's action in words (appeal actions, the ladder's, deadline recounts); an
 * unknown code as written */
const char *app_event_action_text(const char *code);

/* an event's summary in words, appended to out: states, deadlines, levels, kinds,
 * channels and the field names translated; a clause of another shape is kept as
 * written, so nothing recorded is hidden */
void app_event_summary_text(const char *summary, strbuf *out);

#endif
