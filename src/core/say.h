/* Messages on stderr before or outside a full screen, for both faces: "qifu: " and the
 * message (translated by the caller), or "qifu: warning: " and the message. */
#ifndef QIFU_SAY_H
#define QIFU_SAY_H

void say_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void say_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
