/* Enterprise rows for lists and the 360 view. Lists are read a window at a time
 * (by key from a row on, or by offset, on an indexed order), never the whole
 * table, and counted up to what the screen needs. */
#ifndef QIFU_ENTERPRISE_STORE_H
#define QIFU_ENTERPRISE_STORE_H
#include <stdbool.h>
#include <stdint.h>

#include "model/enterprise.h"
#include "store/db.h"

typedef enum ent_sort {
	ENT_SORT_NAME,
	ENT_SORT_USCC,
	ENT_SORT_CATEGORY,
	ENT_SORT_AREA,
	ENT_SORT_LEAD,
	ENT_SORT_COMMISSIONER,
	ENT_SORT__COUNT
} ent_sort;

typedef struct ent_filter {
	const char *search;     /* name substring, USCC prefix or pinyin; NULL = all */
	const char *area;       /* grid area unit name */
	const char *category;   /* category code (industry, trade, …) */
	const char *lead_unit;
	const char *pool;       /* pool code */
	bool warning_only;      /* open relocation warnings only */
	bool include_gone;      /* also those moved out or deregistered (ent_status_gone) */
	const char *cls;        /* a class code (ent_class_code): 其他 by its flags, 五上 and
	                         * 规限下 by cls_categories, the categories of that class */
	const char *const *cls_categories; /* NULL-terminated */
	const char *scope_area; /* set for area officers: rows outside are invisible */
} ent_filter;

int ent_store_count(db *d, const ent_filter *f, long *n, store_err *err);
/* Whether f's whole count (limit < 0) is counted as the list with the enterprises
 * gone from the zone less those: "not gone" is no index's range, so counting it reads
 * every row (100 000: 0.3 s), while the rest is an index's range and the gone ones
 * are few in enterprise_status. Not a search's: that is counted through its index. */
bool ent_count_subtract_gone(const ent_filter *f, long limit);
/* the count, or limit + 1 when a search has more: what a screen needs of a large
 * search, at the cost of limit rows (a count without a search is cheap and whole) */
int ent_store_count_upto(db *d, const ent_filter *f, long limit, long *n, store_err *err);
/* records [offset, offset+limit) of the filtered, sorted list into out[] (with what
 * the list shows beside them: commissioner's name, open appeals, warning); *n = read */
int ent_store_window(db *d, const ent_filter *f, ent_sort sort, bool desc, long offset,
                     int limit, ent_record *out, int *n, store_err *err);
/* Up to limit records of the list that follow the enterprise with id from in its
 * order (precede it when back), into out[] in list order; from 0: the first (last)
 * ones. The cost is the rows read, wherever the list is. 1 when the sort cannot be
 * walked by key (the commissioner's, which may be empty): read by offset. */
int ent_store_window_from(db *d, const ent_filter *f, ent_sort sort, bool desc, int64_t from,
                          bool back, int limit, ent_record *out, int *n, store_err *err);

/* insert e and its event row; the caller holds a db_begin transaction (so that a
 * batch is one transaction). *id gets the new row id. */
int ent_store_insert(db *d, const char *actor, const ent_record *e, int64_t *id, store_err *err);
/* the operating status of enterprise id from `from` (what the caller saw; a different
 * one now is STORE_E_ENTERPRISE_CHANGED) to `to`, since the day given, with its event
 * row ("status: a -> b; since=D", the reason) in one transaction. 0 written, 1 changed
 * meanwhile, -1 failed */
int ent_store_set_status(db *d, const char *actor, int64_t id, const char *name,
                         const char *from, const char *to, qdate since, const char *reason,
                         store_err *err);
/* the same inside the caller's db_begin transaction (an import's): 0 written with
 * its event row, 1 changed meanwhile, -1 failed; the caller rolls back */
int ent_store_status_write(db *d, const char *actor, int64_t id, const char *name,
                           const char *from, const char *to, qdate since, const char *reason,
                           store_err *err);
/* the full record by USCC (normalised) or id: 0 found, 1 none, -1 error */
int ent_store_get(db *d, const char *uscc, int64_t id, ent_record *e, store_err *err);
/* write new over old (same id) in one transaction with an event row listing the
 * changed fields; refuses when the row changed since old was read */
int ent_store_update(db *d, const char *actor, const ent_record *old, const ent_record *e,
                     const char *reason, store_err *err);
/* the enterprise holding this USCC: 0 found (name copied to *name, its id to *id
 * unless NULL), 1 none, -1 error */
int ent_store_uscc_owner(db *d, const char *uscc, char **name, int64_t *id, store_err *err);

/* many new enterprises in one open transaction (an import): begin sets the search
 * index's per-row trigger aside, end indexes every row added since begin in one
 * statement and puts the trigger back. Both are part of the caller's transaction,
 * so a rollback undoes them with the rows: the trigger is never lost. base is the
 * largest id before the first new row (the new ones follow it in order). */
typedef struct ent_bulk {
	int64_t base;
	char *trigger_sql;
} ent_bulk;
int ent_store_bulk_begin(db *d, ent_bulk *b, store_err *err);
int ent_store_bulk_end(db *d, ent_bulk *b, store_err *err);
void ent_store_bulk_free(ent_bulk *b);

#endif
