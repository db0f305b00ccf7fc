/* The numbered migrations that build the database schema. */
#ifndef QIFU_SCHEMA_H
#define QIFU_SCHEMA_H

/* the number of the newest migration */
int schema_latest(void);
/* SQL of migration version (1-based), NULL outside 1..latest */
const char *schema_migration(int version);

#endif
