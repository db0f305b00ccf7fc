/* The first SCHEMA_EARLY schema migrations, kept apart from schema.c's migrations[]
 * so that no file grows past what one reads; only schema.c reads them. */
#ifndef QIFU_SCHEMA_EARLY_H
#define QIFU_SCHEMA_EARLY_H

enum { SCHEMA_EARLY = 11 };

/* the SQL of migrations 1..SCHEMA_EARLY, [0] is migration 1 */
extern const char *const schema_early[];

#endif
