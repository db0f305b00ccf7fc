/* A failure of the store as data: a code and the few facts its sentence needs (the
 * file, the numbers and names it quotes, SQLite's own words). The store builds no
 * sentence and includes no gettext: the words of each code live once in src/app
 * (app_store_text), and the faces get them only from there. No allocation: a
 * store_err is a plain value that a caller may drop without freeing. */
#ifndef QIFU_STORE_ERR_H
#define QIFU_STORE_ERR_H
#include <stdint.h>

#include "core/date.h"

/* The codes; after each, the facts it carries (path is the database file unless
 * said otherwise). */
typedef enum store_code {
	STORE_OK = 0,
	/* the database and its file */
	STORE_E_LOCKED,         /* num[0]: the milliseconds really waited for the lock,
	                         * num[1]: the longest wait allowed (busy_timeout_ms) */
	STORE_E_READONLY,
	STORE_E_DISK_FULL,      /* the disk (or quota) holding the database is full */
	STORE_E_FAILED,         /* what ("": nothing to name), detail: SQLite's or the
	                         * system's words; path may be a backup's file */
	STORE_E_SCHEMA_NEWER,   /* num[0]: the file's schema version, num[1]: this program's */
	STORE_E_NO_DATABASE,
	STORE_E_FILE_EXISTS,
	STORE_E_IS_DIRECTORY,
	STORE_E_CANNOT_OPEN,    /* detail */
	STORE_E_EMPTY_FILE,     /* an empty file where a database was to be read */
	STORE_E_NOT_SQLITE,     /* a file that is not an SQLite database at all */
	STORE_E_NOT_QIFU,       /* an SQLite database without qifu's tables; num[0]: the
	                         * number of tables it has */
	STORE_E_JOURNAL,        /* the journal beside the database cannot be created:
	                         * path: the journal's file, name[0]: its directory */
	STORE_E_BACKUP_EXISTS,  /* path: the backup's file */
	STORE_E_BACKUP_FAILED,  /* path: the backup's file, detail */
	STORE_E_INTERRUPTED,    /* a read stopped by db_set_interrupt's check: a newer
	                         * request came (a key), so nothing needs saying */
	/* what the database check finds (db_check) */
	STORE_E_INTEGRITY,      /* detail: SQLite's integrity report line */
	STORE_E_FOREIGN_KEY,    /* name[0]: the table, num[0]: the row, name[1]: the table
	                         * it refers to */
	/* the event log's anchor file (path: the anchor's) */
	STORE_E_ANCHOR_UNREADABLE, /* detail: the system's words */
	STORE_E_ANCHOR_UNWRITTEN, /* num[0]: the event it should have recorded, detail */
	/* a rule of the model refused, in the model's own sentence */
	STORE_E_REFUSED,        /* detail */
	/* appeals and the dispatch ladder */
	STORE_E_NO_ENTERPRISE_USCC, /* name[0]: the USCC */
	STORE_E_NO_APPEAL,      /* name[0]: the appeal's number */
	STORE_E_APPEAL_CHANGED, /* name[0]: number, name[1]: who changed it (staff name,
	                         * may be ""), name[2]: their login, name[3]: when ("" when
	                         * no event says); num[0]: its state (ticket_state),
	                         * num[1]: its version now, num[2]: the version seen */
	STORE_E_MOVE_NOT_ALLOWED, /* num[0]: the ticket_action */
	STORE_E_MERGE_NEEDS_INTO,
	STORE_E_LADDER_NOT_ALLOWED, /* num[0]: the escalation_action */
	STORE_E_NO_DISPATCH_AWAITS, /* name[0]: the appeal's number, num[0]: its level */
	/* enterprises, staff, visits */
	STORE_E_USCC_TAKEN,     /* name[0]: the USCC, name[1]: the enterprise that has it */
	STORE_E_ENTERPRISE_CHANGED, /* name[0]: the enterprise's name */
	STORE_E_STAFF_EXISTS,   /* name[0]: the login, name[1]: the staff member's name */
	STORE_E_STAFF_LAST_ADMIN, /* name[0]: the login, the last active administrator */
	STORE_E_PROBLEM_TAKEN,  /* name[0]: the appeal the visit problem became */
	STORE_E_NO_VISIT_PROBLEM,
	STORE_E_ORDER_ASSIGNED, /* name[0]: the appeal the held work order already became */
	STORE_E_NO_OUTREACH_PROBLEM,
	STORE_E_NO_TALENT_REQUEST,
	STORE_E_TALENT_CHANGED,  /* num[0]: the request's id */
	STORE_E_PROGRAMME_CHANGED, /* num[0]: the talent programme's id */
	/* financing needs: num[0] the need's id, num[1] its status (fin_status), num[2]
	 * the status asked for */
	STORE_E_FIN_SAME_STATUS,
	STORE_E_FIN_NEW_STATUS,  /* a new need cannot start at num[2] */
	STORE_E_FIN_NOT_NEXT,
	STORE_E_FIN_NEEDS_INSTITUTION,
	STORE_E_NO_FINANCING,
	STORE_E_FIN_UNCHANGED,
	STORE_E_FIN_NEEDS_FUNDED, /* a move to funded gives the amount funded */
	STORE_E_FIN_FUNDED_ONLY,  /* an amount funded with a status other than funded */
	/* pools: name[0] the pool, day[0] the day asked for, day[1] the other day */
	STORE_E_POOL_ALREADY_IN, /* day[1]: entered */
	STORE_E_POOL_NOT_IN,
	STORE_E_POOL_BEFORE_EXIT, /* day[1]: last left */
	STORE_E_POOL_BEFORE_ENTRY, /* day[1]: entered */
	/* day[0] the day asked for, day[2] today (pools and warnings) */
	STORE_E_DAY_AFTER_TODAY,
	/* warnings: num[0] the warning's id */
	STORE_E_WARNING_CLOSED,  /* day[1]: closed on */
	STORE_E_WARNING_BEFORE_OPEN, /* day[0]: the day asked for, day[1]: opened on */
	STORE_E_NO_WARNING,
	/* ratings: name[0] the quarter */
	STORE_E_RATING_EXISTS,   /* name[1]: the unit, num[0]: the score it gave */
	STORE_E_QUARTER_FROZEN,
	STORE_E_QUARTER_ALREADY_FROZEN,
	STORE_E_YEAR_ALREADY_FROZEN, /* num[0]: the year */
	/* supervision requests: num[0] the request's id */
	STORE_E_NO_SUPV,
	STORE_E_SUPV_CHANGED,    /* its outcome changed since the caller read it */
	/* inspections: num[0] the inspection's id */
	STORE_E_NO_INSPECTION,
	STORE_E_INSPECTION_CHANGED,
	STORE_E_PLAN_CODES_USED,  /* num[0]: the year */
	/* projects: name[0] the project's number */
	STORE_E_NO_PROJECT,
	STORE_E_NO_PROJECT_ITEM,  /* num[0]: the item */
	STORE_E_PROJECT_UNCHANGED,
	/* num[0]: the project_verdict, num[1] and num[2]: the stage (or, when name[1] is
	 * "item", the item state) from and to; name[2]: the item; name[3]: the appeal the
	 * item became; day[0]: the day asked for, day[1]: the day the current stage was
	 * reached, day[2]: today */
	STORE_E_PROJECT_REFUSED,
	/* whistles: num[0] the whistle's id */
	STORE_E_NO_WHISTLE,
	STORE_E_WHISTLE_REPORTED, /* day[1]: reported in on */
	STORE_E_WHISTLE_APPEALED, /* name[0]: the appeal it became */
	STORE_E_NO_COMMISSIONER,  /* name[0]: the enterprise that has none */
	STORE_E_COUNT
} store_code;

enum {
	STORE_ERR_NAMES = 4,
	STORE_ERR_NUMS = 3,
	STORE_ERR_DAYS = 3,
};

typedef struct store_err {
	store_code code;
	int migration;            /* the schema migration that failed, 0 for none */
	char path[4096];
	char what[128];           /* the operation that failed, in English */
	char detail[512];
	char name[STORE_ERR_NAMES][256];
	int64_t num[STORE_ERR_NUMS];
	qdate day[STORE_ERR_DAYS];
} store_err;

/* e (which may be NULL: the caller does not want to know) emptied and given code;
 * returns e */
store_err *store_err_set(store_err *e, store_code code);
/* the facts, each ignored when e is NULL; texts are cut at a character boundary
 * when longer than their field */
void store_err_path(store_err *e, const char *path);
void store_err_what(store_err *e, const char *what);
void store_err_detail(store_err *e, const char *detail);
void store_err_name(store_err *e, int i, const char *name);
void store_err_num(store_err *e, int i, int64_t n);
void store_err_day(store_err *e, int i, qdate day);

#endif
