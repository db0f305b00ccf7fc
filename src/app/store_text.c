/* Each store error code in words: the one place its sentence is written, so that the
 * command line and the full-screen program say a locked database, a stale appeal or a
 * refused pool move the same way. The switch has no default: a new code without
 * words does not compile. */
#include "app/store_text.h"

#include <inttypes.h>
#include <string.h>

#include "core/i18n.h"
#include "model/escalation.h"
#include "model/financing.h"
#include "model/project.h"
#include "model/ticket.h"

/* who changed a stale appeal: "name (login)", the login alone, or "?" */
static void changed_by(const store_err *e, strbuf *out)
{
	const char *name = e->name[1], *login = e->name[2];
	if (*name)
		sb_addf(out, "%s (%s)", name, login);
	else
		sb_add(out, *login ? login : "?");
}

/* a project's stage (or, for an item, its state) num[i], translated */
static const char *project_step(const store_err *e, int i)
{
	if (strcmp(e->name[1], "item") == 0)
		return _(project_item_state_label((project_item_state)e->num[i]));
	return _(project_stage_label((project_stage)e->num[i]));
}

/* why a project's move or an item's change was refused (project_verdict num[0]) */
static void project_refusal_text(const store_err *e, strbuf *out)
{
	char a[11], b[11];
	bool item = strcmp(e->name[1], "item") == 0;
	switch ((project_verdict)e->num[0]) {
	case PROJ_SAME:
		if (item)
			sb_addf(out, _("item %s of project %s is already %s"), e->name[2], e->name[0],
			        project_step(e, 2));
		else
			sb_addf(out, _("project %s is already at stage %s"), e->name[0],
			        project_step(e, 2));
		break;
	case PROJ_NOT_NEXT:
		sb_addf(out, _("project %s is at stage %s: it moves on to %s only, one stage at "
		               "a time"), e->name[0], project_step(e, 1),
		        e->num[1] + 1 < PROJ_STAGE__COUNT
		                ? _(project_stage_label((project_stage)(e->num[1] + 1)))
		                : _("no further stage"));
		break;
	case PROJ_BEFORE_LAST:
		sb_addf(out, _("%s lies before the day project %s reached %s (%s)"),
		        date_format(e->day[0], a), e->name[0], project_step(e, 1),
		        date_format(e->day[1], b));
		break;
	case PROJ_FUTURE:
		sb_addf(out, _("%s lies after today (%s)"), date_format(e->day[0], a),
		        date_format(e->day[2], b));
		break;
	case PROJ_NEEDS_NOTE:
		sb_addf(out, _("a stuck item says what blocks it: give a note (item %s of project "
		               "%s)"), e->name[2], e->name[0]);
		break;
	case PROJ_APPEAL_STUCK:
		sb_addf(out, _("item %s of project %s is %s: only a stuck item becomes an appeal"),
		        e->name[2], e->name[0], project_step(e, 1));
		break;
	case PROJ_APPEAL_TWICE:
		sb_addf(out, _("item %s of project %s already became appeal %s"), e->name[2],
		        e->name[0], e->name[3]);
		break;
	case PROJ_OK:
		/* not a refusal the store makes; said all the same rather than nothing */
		sb_addf(out, _("project %s: the change was refused"), e->name[0]);
		break;
	}
}

/* the codes of the database and its file */
static void database_text(const store_err *e, strbuf *out)
{
	switch (e->code) {
	case STORE_E_LOCKED:
		sb_addf(out, _("%s: the database is busy: another session holds its lock. "
		               "Waited %.1f s (at most %.1f s, [database] busy_timeout_ms); nothing "
		               "was changed. Try again in a moment; if it stays busy, look for a "
		               "session left in the middle of a change, or raise busy_timeout_ms"),
		        e->path, (double)e->num[0] / 1000.0, (double)e->num[1] / 1000.0);
		break;
	case STORE_E_EMPTY_FILE:
		sb_addf(out, _("%s: the file is empty, not a qifu database; qifu has not written "
		               "to it. Name the database with --db, or create one here with "
		               "'qifu init'"), e->path);
		break;
	case STORE_E_NOT_SQLITE:
		sb_addf(out, _("%s: not a database file (not SQLite); qifu has not written to it. "
		               "Name the qifu database with --db"), e->path);
		break;
	case STORE_E_NOT_QIFU:
		sb_addf(out, P_("%s: an SQLite database of another program (%d table, none of "
		                "qifu's); qifu has not written to it. Name the qifu database "
		                "with --db, or create one with 'qifu init --db NEW-FILE'",
		                "%s: an SQLite database of another program (%d tables, none of "
		                "qifu's); qifu has not written to it. Name the qifu database "
		                "with --db, or create one with 'qifu init --db NEW-FILE'",
		                (unsigned long)e->num[0]),
		        e->path, (int)e->num[0]);
		break;
	case STORE_E_JOURNAL:
		sb_addf(out, _("%s: cannot create the journal beside the database: to change "
		               "anything this user needs write permission on the directory %s (as "
		               "on the database file itself); nothing was changed"),
		        e->path, e->name[0]);
		break;
	case STORE_E_READONLY:
		sb_addf(out, _("cannot save: the database %s is read-only (writing needs write "
		               "permission on it and on its directory); nothing was changed"),
		        e->path);
		break;
	case STORE_E_DISK_FULL:
		sb_addf(out, _("cannot save: the disk holding the database %s is full; nothing was "
		               "changed. Free some space there and try again"),
		        e->path);
		break;
	case STORE_E_FAILED:
		if (*e->what)
			sb_addf(out, _("%s: %s: %s"), e->path, e->what, e->detail);
		else
			sb_addf(out, _("%s: %s"), e->path, e->detail);
		break;
	case STORE_E_SCHEMA_NEWER:
		sb_addf(out, _("%s: database schema version %d is newer than this qifu understands "
		               "(%d); use a newer qifu"), e->path, (int)e->num[0], (int)e->num[1]);
		break;
	case STORE_E_NO_DATABASE:
		sb_addf(out, _("%s: no database here; create one with 'qifu init' "
		               "or name another with --db"), e->path);
		break;
	case STORE_E_FILE_EXISTS:
		sb_addf(out, _("%s: a file already exists here; qifu will not overwrite it"),
		        e->path);
		break;
	case STORE_E_IS_DIRECTORY:
		sb_addf(out, _("%s: is a directory, not a database file"), e->path);
		break;
	case STORE_E_CANNOT_OPEN:
		sb_addf(out, _("%s: cannot open database: %s"), e->path, e->detail);
		break;
	case STORE_E_BACKUP_EXISTS:
		sb_addf(out, _("%s: already exists; qifu will not overwrite it"), e->path);
		break;
	case STORE_E_BACKUP_FAILED:
		sb_addf(out, _("%s: backup failed: %s"), e->path, e->detail);
		break;
	case STORE_E_INTERRUPTED:
		sb_addf(out, _("%s: reading stopped for a newer request"), e->path);
		break;
	case STORE_E_INTEGRITY:
		sb_addf(out, _("integrity: %s"), e->detail);
		break;
	case STORE_E_FOREIGN_KEY:
		sb_addf(out, _("foreign key: table %s row %lld refers to a missing %s row"),
		        e->name[0], (long long)e->num[0], e->name[1]);
		break;
	case STORE_E_ANCHOR_UNREADABLE:
		sb_addf(out, _("%s: cannot read the event log's anchor: %s"), e->path, e->detail);
		break;
	case STORE_E_ANCHOR_UNWRITTEN:
		sb_addf(out, _("%s: the change is saved, but event %lld could not be recorded in "
		               "the event log's anchor (%s); the next change records it, until "
		               "then removing it would not show"),
		        e->path, (long long)e->num[0], e->detail);
		break;
	default:
		break;
	}
}

const char *app_store_text(const store_err *e, strbuf *out)
{
	char a[11], b[11];
	strbuf next = STRBUF_INIT;
	switch (e->code) {
	case STORE_OK:
		break;
	case STORE_E_LOCKED:
	case STORE_E_READONLY:
	case STORE_E_DISK_FULL:
	case STORE_E_FAILED:
	case STORE_E_SCHEMA_NEWER:
	case STORE_E_NO_DATABASE:
	case STORE_E_FILE_EXISTS:
	case STORE_E_IS_DIRECTORY:
	case STORE_E_CANNOT_OPEN:
	case STORE_E_EMPTY_FILE:
	case STORE_E_NOT_SQLITE:
	case STORE_E_NOT_QIFU:
	case STORE_E_JOURNAL:
	case STORE_E_BACKUP_EXISTS:
	case STORE_E_BACKUP_FAILED:
	case STORE_E_INTERRUPTED:
	case STORE_E_INTEGRITY:
	case STORE_E_FOREIGN_KEY:
	case STORE_E_ANCHOR_UNREADABLE:
	case STORE_E_ANCHOR_UNWRITTEN:
		database_text(e, out);
		break;
	case STORE_E_REFUSED:
		sb_add(out, e->detail);
		break;
	case STORE_E_NO_ENTERPRISE_USCC:
		sb_addf(out, _("no enterprise with USCC %s"), e->name[0]);
		break;
	case STORE_E_NO_APPEAL:
		sb_addf(out, _("no appeal %s"), e->name[0]);
		break;
	case STORE_E_APPEAL_CHANGED: {
		strbuf who = STRBUF_INIT;
		changed_by(e, &who);
		sb_addf(out, _("appeal %s was changed by %s at %s (it is now %s, version %d; you saw "
		               "version %d) — reload it and decide again"),
		        e->name[0], sb_str(&who), *e->name[3] ? e->name[3] : "?",
		        _(ticket_state_label((ticket_state)e->num[0])), (int)e->num[1],
		        (int)e->num[2]);
		sb_free(&who);
		break;
	}
	case STORE_E_MOVE_NOT_ALLOWED:
		sb_addf(out, _("\"%s\" was not allowed"),
		        _(ticket_action_label((ticket_action)e->num[0])));
		break;
	case STORE_E_MERGE_NEEDS_INTO:
		sb_addf(out, _("\"%s\" needs the number of the appeal to merge into."),
		        _(ticket_action_label(TICKET_ACT_MERGE)));
		break;
	case STORE_E_LADDER_NOT_ALLOWED:
		sb_addf(out, _("\"%s\" was not allowed"),
		        _(escalation_action_label((escalation_action)e->num[0])));
		break;
	case STORE_E_NO_DISPATCH_AWAITS:
		sb_addf(out, _("%s: no dispatch at %s awaits an outcome; record the dispatch "
		               "first (appeal schedule)"), e->name[0],
		        _(escalation_level_label((int)e->num[0])));
		break;
	case STORE_E_USCC_TAKEN:
		sb_addf(out, _("USCC %s is already registered to %s"), e->name[0], e->name[1]);
		break;
	case STORE_E_ENTERPRISE_CHANGED:
		sb_addf(out, _("%s was changed by someone else meanwhile; reload and try again"),
		        e->name[0]);
		break;
	case STORE_E_STAFF_EXISTS:
		sb_addf(out, _("login '%s' is already staff (%s)"), e->name[0], e->name[1]);
		break;
	case STORE_E_STAFF_LAST_ADMIN:
		sb_addf(out, _("login %s is the last active administrator: make another login "
		               "administrator first"), e->name[0]);
		break;
	case STORE_E_PROBLEM_TAKEN:
		sb_addf(out, _("this problem already became appeal %s"), e->name[0]);
		break;
	case STORE_E_NO_VISIT_PROBLEM:
		sb_add(out, _("no such visit problem"));
		break;
	case STORE_E_ORDER_ASSIGNED:
		sb_addf(out, _("this work order is no longer held: it became appeal %s"), e->name[0]);
		break;
	case STORE_E_NO_OUTREACH_PROBLEM:
		sb_add(out, _("no such problem raised at an outreach event"));
		break;
	case STORE_E_NO_TALENT_REQUEST:
		sb_add(out, _("no such talent service request"));
		break;
	case STORE_E_TALENT_CHANGED:
		sb_addf(out, _("talent service request %" PRId64 " was changed by someone else "
		               "meanwhile; reload and try again"), e->num[0]);
		break;
	case STORE_E_PROGRAMME_CHANGED:
		sb_addf(out, _("talent programme %" PRId64 " was changed by someone else meanwhile; "
		               "reload and try again"), e->num[0]);
		break;
	case STORE_E_FIN_SAME_STATUS:
		sb_addf(out, _("financing need %" PRId64 " already has status %s"), e->num[0],
		        fin_status_code((fin_status)e->num[2]));
		break;
	case STORE_E_FIN_NEW_STATUS:
		fin_status_next((fin_status)e->num[1], &next);
		sb_addf(out, _("a new financing need cannot have status %s; allowed: %s"),
		        fin_status_code((fin_status)e->num[2]), sb_str(&next));
		break;
	case STORE_E_FIN_NOT_NEXT:
		fin_status_next((fin_status)e->num[1], &next);
		sb_addf(out, _("financing need %" PRId64 " cannot move from %s to %s; "
		               "allowed: %s"), e->num[0], fin_status_code((fin_status)e->num[1]),
		        fin_status_code((fin_status)e->num[2]), sb_str(&next));
		break;
	case STORE_E_FIN_NEEDS_INSTITUTION:
		sb_addf(out, _("status %s names the financing institution: give --institution"),
		        fin_status_code((fin_status)e->num[2]));
		break;
	case STORE_E_NO_FINANCING:
		sb_addf(out, _("no financing need %" PRId64), e->num[0]);
		break;
	case STORE_E_FIN_NEEDS_FUNDED:
		sb_addf(out, _("status %s says how much money arrived: give the amount funded"),
		        fin_status_code((fin_status)e->num[2]));
		break;
	case STORE_E_FIN_FUNDED_ONLY:
		sb_addf(out, _("an amount funded goes with status funded, not %s"),
		        fin_status_code((fin_status)e->num[2]));
		break;
	case STORE_E_FIN_UNCHANGED:
		sb_addf(out, _("financing need %" PRId64 " already reads so; nothing to change"),
		        e->num[0]);
		break;
	case STORE_E_POOL_ALREADY_IN:
		sb_addf(out, _("already in %s since %s"), e->name[0], date_format(e->day[1], a));
		break;
	case STORE_E_POOL_NOT_IN:
		sb_addf(out, _("not in %s, so it cannot leave it"), e->name[0]);
		break;
	case STORE_E_POOL_BEFORE_EXIT:
		sb_addf(out, _("%s lies before the day it last left %s (%s)"),
		        date_format(e->day[0], a), e->name[0], date_format(e->day[1], b));
		break;
	case STORE_E_POOL_BEFORE_ENTRY:
		sb_addf(out, _("%s lies before the day it entered %s (%s)"),
		        date_format(e->day[0], a), e->name[0], date_format(e->day[1], b));
		break;
	case STORE_E_DAY_AFTER_TODAY:
		sb_addf(out, _("%s lies after today (%s)"), date_format(e->day[0], a),
		        date_format(e->day[2], b));
		break;
	case STORE_E_WARNING_CLOSED:
		sb_addf(out, _("warning %" PRId64 " was closed on %s"), e->num[0],
		        date_format(e->day[1], a));
		break;
	case STORE_E_WARNING_BEFORE_OPEN:
		sb_addf(out, _("%s lies before warning %" PRId64 " was opened (%s)"),
		        date_format(e->day[0], a), e->num[0], date_format(e->day[1], b));
		break;
	case STORE_E_NO_WARNING:
		sb_addf(out, _("no warning %" PRId64), e->num[0]);
		break;
	case STORE_E_RATING_EXISTS:
		sb_addf(out, _("this enterprise already rated %s for %s (score %d)"), e->name[1],
		        e->name[0], (int)e->num[0]);
		break;
	case STORE_E_QUARTER_FROZEN:
		sb_addf(out, _("quarter %s is frozen: its ratings can no longer change"),
		        e->name[0]);
		break;
	case STORE_E_QUARTER_ALREADY_FROZEN:
		sb_addf(out, _("quarter %s is already frozen"), e->name[0]);
		break;
	case STORE_E_YEAR_ALREADY_FROZEN:
		sb_addf(out, _("the year %lld is already frozen"), (long long)e->num[0]);
		break;
	case STORE_E_NO_SUPV:
		sb_addf(out, _("no supervision request %lld"), (long long)e->num[0]);
		break;
	case STORE_E_SUPV_CHANGED:
		sb_addf(out, _("supervision request %lld was changed by someone else meanwhile; "
		               "look at it again"), (long long)e->num[0]);
		break;
	case STORE_E_NO_INSPECTION:
		sb_addf(out, _("no inspection %lld"), (long long)e->num[0]);
		break;
	case STORE_E_INSPECTION_CHANGED:
		sb_addf(out, _("inspection %lld was changed by someone else meanwhile; look at it "
		               "again and retry"), (long long)e->num[0]);
		break;
	case STORE_E_PLAN_CODES_USED:
		sb_addf(out, _("every plan code of %d has been issued"), (int)e->num[0]);
		break;
	case STORE_E_NO_PROJECT:
		sb_addf(out, _("no project %s"), e->name[0]);
		break;
	case STORE_E_NO_PROJECT_ITEM:
		sb_addf(out, _("project %s has no item %" PRId64), e->name[0], e->num[0]);
		break;
	case STORE_E_PROJECT_UNCHANGED:
		sb_addf(out, _("project %s already reads so: nothing to change"), e->name[0]);
		break;
	case STORE_E_PROJECT_REFUSED:
		project_refusal_text(e, out);
		break;
	case STORE_E_NO_WHISTLE:
		sb_addf(out, _("no whistle %lld"), (long long)e->num[0]);
		break;
	case STORE_E_WHISTLE_REPORTED:
		sb_addf(out, _("the commissioner already reported in on whistle %lld on %s"),
		        (long long)e->num[0], date_format(e->day[1], a));
		break;
	case STORE_E_WHISTLE_APPEALED:
		sb_addf(out, _("whistle %lld already became appeal %s"), (long long)e->num[0],
		        e->name[0]);
		break;
	case STORE_E_NO_COMMISSIONER:
		sb_addf(out, _("%s has no service commissioner: set one (qifu enterprise edit "
		               "--commissioner LOGIN) before a whistle can be logged"), e->name[0]);
		break;
	case STORE_E_COUNT:
		break;
	}
	sb_free(&next);
	if (e->code != STORE_OK && e->migration)
		sb_addf(out, _(" (migration %d)"), e->migration);
	return sb_str(out);
}

int app_store_rc(int rc, const store_err *e, strbuf *out)
{
	app_store_text(e, out);
	return rc;
}

const char *app_journal_why(const db *d)
{
	return strcmp(db_journal_mode(d), "wal") == 0
		? _("the linked SQLite carries the WAL-reset fix, so write-ahead logging is safe")
		: _("the linked SQLite predates the WAL-reset fix (3.51.3, or the 3.50.7 and "
		    "3.44.6 backports), so the rollback journal is used");
}

/* one problem of the check as a line of out */
static void problem_line(const store_err *problem, void *out)
{
	app_store_text(problem, out);
	sb_addc(out, '\n');
}

int app_db_check(db *d, strbuf *out)
{
	return db_check(d, problem_line, out);
}
