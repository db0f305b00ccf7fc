/* The numbered schema migrations. Each runs in its own transaction together with
 * the PRAGMA user_version that records it; released migrations are never edited,
 * a change of schema is a new entry at the end. */
#include "store/schema.h"

#include <stddef.h>

static const char *const migrations[] = {
	/* 1: staff, the event log, enterprises with their search index */
	"CREATE TABLE staff ("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  unit TEXT NOT NULL,"
	"  role TEXT NOT NULL CHECK (role IN ('frontdesk','area_officer','unit_staff',"
	"                                     'supervisor','leader','admin')),"
	"  area TEXT,"
	"  level INTEGER NOT NULL DEFAULT 0 CHECK (level IN (0, 1, 2)),"
	"  created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE staff_oversees ("
	"  staff_id INTEGER NOT NULL REFERENCES staff(id),"
	"  unit TEXT NOT NULL,"
	"  PRIMARY KEY (staff_id, unit)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX staff_oversees_unit ON staff_oversees(unit);"
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  entity_id INTEGER NOT NULL,"
	"  action TEXT NOT NULL,"
	"  summary TEXT NOT NULL DEFAULT '',"
	"  reason TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"CREATE INDEX event_entity ON event(entity, entity_id, id);"
	"CREATE TRIGGER event_no_update BEFORE UPDATE ON event"
	"  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
	"CREATE TRIGGER event_no_delete BEFORE DELETE ON event"
	"  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
	"CREATE TABLE enterprise ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  uscc TEXT NOT NULL UNIQUE,"
	"  uscc_override TEXT,"
	"  address TEXT NOT NULL DEFAULT '',"
	"  area TEXT NOT NULL,"
	"  category TEXT NOT NULL,"
	"  grp TEXT NOT NULL DEFAULT '',"
	"  aviation INTEGER NOT NULL DEFAULT 0 CHECK (aviation IN (0, 1)),"
	"  introduced_by TEXT NOT NULL DEFAULT '',"
	"  legal_rep TEXT NOT NULL DEFAULT '',"
	"  contact TEXT NOT NULL DEFAULT '',"
	"  phone TEXT NOT NULL DEFAULT '',"
	"  commissioner_id INTEGER REFERENCES staff(id),"
	"  status TEXT NOT NULL DEFAULT 'operating',"
	"  lead_unit TEXT NOT NULL,"
	"  coop_units TEXT NOT NULL DEFAULT '',"
	"  lead_override TEXT,"
	"  search_text TEXT NOT NULL DEFAULT '',"
	"  sort_key TEXT NOT NULL DEFAULT '',"
	"  open_appeals INTEGER NOT NULL DEFAULT 0,"
	"  open_warnings INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX enterprise_sort ON enterprise(sort_key);"
	"CREATE INDEX enterprise_area ON enterprise(area, sort_key);"
	"CREATE INDEX enterprise_category ON enterprise(category, sort_key);"
	"CREATE INDEX enterprise_lead ON enterprise(lead_unit, sort_key);"
	"CREATE INDEX enterprise_commissioner ON enterprise(commissioner_id);"
	"CREATE INDEX enterprise_warning ON enterprise(open_warnings) WHERE open_warnings > 0;"
	/* search_text is the folded name, a newline, and the pinyin index form: one
	 * trigram index serves Chinese substrings and pinyin of 3+ characters; shorter
	 * queries use instr() on the base table (TECH-NOTES) */
	"CREATE VIRTUAL TABLE enterprise_fts USING fts5("
	"  search_text, content='enterprise', content_rowid='id', tokenize='trigram');"
	"CREATE TRIGGER enterprise_fts_ai AFTER INSERT ON enterprise BEGIN"
	"  INSERT INTO enterprise_fts(rowid, search_text) VALUES (new.id, new.search_text);"
	"END;"
	"CREATE TRIGGER enterprise_fts_ad AFTER DELETE ON enterprise BEGIN"
	"  INSERT INTO enterprise_fts(enterprise_fts, rowid, search_text)"
	"    VALUES ('delete', old.id, old.search_text);"
	"END;"
	"CREATE TRIGGER enterprise_fts_au AFTER UPDATE OF search_text ON enterprise BEGIN"
	"  INSERT INTO enterprise_fts(enterprise_fts, rowid, search_text)"
	"    VALUES ('delete', old.id, old.search_text);"
	"  INSERT INTO enterprise_fts(rowid, search_text) VALUES (new.id, new.search_text);"
	"END;",
	/* ratings of the units by the enterprises, per quarter (DOMAIN §5); a frozen
	 * quarter refuses every change in the database itself */
	"CREATE TABLE rating ("
	"  id INTEGER PRIMARY KEY,"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  unit TEXT NOT NULL,"
	"  quarter TEXT NOT NULL,"
	"  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),"
	"  comment TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (enterprise_id, unit, quarter)"
	") STRICT;"
	"CREATE INDEX rating_quarter ON rating(quarter, unit);"
	"CREATE TABLE quarter_freeze ("
	"  quarter TEXT PRIMARY KEY,"
	"  frozen_by TEXT NOT NULL,"
	"  frozen_at TEXT NOT NULL"
	") STRICT;"
	"CREATE TRIGGER rating_frozen_insert BEFORE INSERT ON rating"
	"  WHEN EXISTS (SELECT 1 FROM quarter_freeze WHERE quarter = new.quarter)"
	"  BEGIN SELECT RAISE(ABORT, 'the quarter is frozen'); END;"
	"CREATE TRIGGER rating_frozen_update BEFORE UPDATE ON rating"
	"  WHEN EXISTS (SELECT 1 FROM quarter_freeze WHERE quarter IN (old.quarter, new.quarter))"
	"  BEGIN SELECT RAISE(ABORT, 'the quarter is frozen'); END;"
	"CREATE TRIGGER rating_frozen_delete BEFORE DELETE ON rating"
	"  WHEN EXISTS (SELECT 1 FROM quarter_freeze WHERE quarter = old.quarter)"
	"  BEGIN SELECT RAISE(ABORT, 'the quarter is frozen'); END;",
};

int schema_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *schema_migration(int version)
{
	if (version < 1 || version > schema_latest())
		return NULL;
	return migrations[version - 1];
}
