/* A store test's own database: made in a fresh folder under /tmp with its today set,
 * one enterprise registered for the records to hang on (or none, testdb_create), and
 * removed with its event anchor and journal afterwards. */
#ifndef QIFU_TESTDB_H
#define QIFU_TESTDB_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/db.h"
#include "store/enterprise_store.h"
#include "store/event_chain.h"

typedef struct testdb {
	char dir[64];
	char path[96];
	db *d;
	int64_t ent;        /* the enterprise testdb_open registered */
} testdb;

/* t's database in a new folder named after tag, today set (NULL: the clock's) and no
 * record yet; 0, or -1 */
static inline int testdb_create(testdb *t, const char *tag, const char *today)
{
	store_err se = { 0 };
	qdate q;
	t->ent = 0;
	snprintf(t->dir, sizeof t->dir, "/tmp/qifu-%s-XXXXXX", tag);
	if ((today && !date_parse(today, &q)) || !mkdtemp(t->dir))
		return -1;
	snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
	t->d = db_open(t->path, DB_OPEN_CREATE, &se);
	if (!t->d)
		return -1;
	if (today)
		db_set_today(t->d, q);
	return 0;
}

/* testdb_create, and the one enterprise registered */
static inline int testdb_open(testdb *t, const char *tag, const char *today)
{
	store_err se = { 0 };
	if (testdb_create(t, tag, today) < 0)
		return -1;
	char name[] = "江西星火新材料有限公司", uscc[] = "914403000000000001", area[] = "麻丘镇",
	     cat[] = "industry", lead[] = "区科经局";
	ent_record e = { .name = name, .uscc = uscc, .area = area, .category = cat,
	                 .lead_unit = lead };
	if (db_begin(t->d, &se) < 0 || ent_store_insert(t->d, "test", &e, &t->ent, &se) < 0 ||
	    db_commit(t->d, &se) < 0)
		return -1;
	return 0;
}

/* close t's database and remove it, its anchor, its journal and its folder; 0, or -1
 * when the folder held something else */
static inline int testdb_close(testdb *t)
{
	db_close(&t->d);
	db_unlink(t->path);
	return rmdir(t->dir);
}

/* every event of d in id order to see(link, arg), a chunk of four at a time the way
 * the audit walk reads them; 0, or -1 when the log cannot be read */
static inline int testdb_events(db *d, int (*see)(const event_link *l, void *arg), void *arg)
{
	event_link l[4], last = { 0 };
	bool have = false;
	store_err se = { 0 };
	int n;
	do {
		if (event_chain_read(d, have ? &last : NULL, INT64_MAX, 4, l, &n, &se) < 0) {
			event_link_clear(&last);
			return -1;
		}
		for (int i = 0; i < n; i++) {
			see(&l[i], arg);
			if (i < n - 1)
				event_link_clear(&l[i]);
		}
		if (n) {
			event_link_clear(&last);
			last = l[n - 1];
			have = true;
		}
	} while (n == 4);
	event_link_clear(&last);
	return 0;
}

#endif
