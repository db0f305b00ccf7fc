/* The numbered schema migrations. Each runs in its own transaction together with
 * the PRAGMA user_version that records it; released migrations are never edited
 * (tests/unit/test_schema.c checks their hashes), a change of schema is a new entry
 * at the end of migrations[] below. Migrations 1 to SCHEMA_EARLY are in
 * schema_early.c; migrations[] holds the ones after, from SCHEMA_EARLY + 1 on. */
#include "store/schema.h"

#include <stddef.h>

#include "store/schema_early.h"

static const char *const migrations[] = {
	/* the event log proves itself (issue 15): each row carries the SHA-256 of the
	 * hash before it and its own columns (store/event_chain.c, HACKING.md). The
	 * existing log is chained here in id order through the program's own
	 * qifu_event_hash; the rule that no row is ever updated steps aside for that
	 * one fill and comes back as it was. db_open then anchors the head. */
	"ALTER TABLE event ADD COLUMN hash TEXT NOT NULL DEFAULT '';"
	"CREATE TEMP TABLE event_chain_fill (id INTEGER PRIMARY KEY, hash TEXT NOT NULL);"
	"INSERT INTO temp.event_chain_fill"
	"  WITH RECURSIVE c(id, hash) AS ("
	"    SELECT id, qifu_event_hash('', id, at, actor, entity, entity_id, action, summary,"
	"                               reason)"
	"      FROM (SELECT * FROM event ORDER BY id LIMIT 1)"
	"    UNION ALL"
	"    SELECT e.id, qifu_event_hash(c.hash, e.id, e.at, e.actor, e.entity, e.entity_id,"
	"                                 e.action, e.summary, e.reason)"
	"      FROM c JOIN event e ON e.id = (SELECT min(id) FROM event WHERE id > c.id))"
	"  SELECT id, hash FROM c;"
	"DROP TRIGGER event_no_update;"
	"UPDATE event SET hash = (SELECT f.hash FROM temp.event_chain_fill f WHERE f.id = event.id);"
	"CREATE TRIGGER event_no_update BEFORE UPDATE ON event"
	"  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;"
	"DROP TABLE temp.event_chain_fill;",
	/* financing coordination (issue 17): the money that arrived, each need's status
	 * history (one step per change, written with its event row), and the open needs
	 * (need, matching, matched) walked in order by a partial index, so that the
	 * desk's list costs the rows on screen. A need recorded before the history was
	 * kept gets one step without a from-status: the status it had then, at its last
	 * change. */
	"ALTER TABLE financing ADD COLUMN funded_fen INTEGER NOT NULL DEFAULT 0"
	"  CHECK (funded_fen >= 0);"
	"CREATE TABLE financing_step ("
	"  id INTEGER PRIMARY KEY,"
	"  financing_id INTEGER NOT NULL REFERENCES financing(id),"
	"  at TEXT NOT NULL,"
	"  by TEXT NOT NULL,"
	"  from_status TEXT"
	"    CHECK (from_status IN ('need','matching','matched','funded','closed')),"
	"  status TEXT NOT NULL"
	"    CHECK (status IN ('need','matching','matched','funded','closed')),"
	"  institution TEXT NOT NULL DEFAULT '',"
	"  funded_fen INTEGER NOT NULL DEFAULT 0 CHECK (funded_fen >= 0),"
	"  note TEXT NOT NULL DEFAULT ''"
	") STRICT;"
	"CREATE INDEX financing_step_need ON financing_step(financing_id, id);"
	"INSERT INTO financing_step (financing_id, at, by, from_status, status, institution)"
	"  SELECT id, updated_at, created_by, NULL, status, institution FROM financing"
	"  ORDER BY id;"
	"CREATE INDEX financing_open ON financing(id)"
	"  WHERE status IN ('need','matching','matched');",
	/* staff administration (issue 15): a login is disabled, never deleted, so that
	 * the history keeps its name; NULL while the login may use qifu */
	"ALTER TABLE staff ADD COLUMN disabled_on TEXT;",
	/* work orders from other channels (issue 19): each imported order is kept as it
	 * came (its number unique per channel, so a second import of the same file adds
	 * nothing), and while no enterprise is matched to it (held_reason says why) it
	 * waits in the matching queue, walked by a partial index; the appeal it became
	 * carries the order's number too, for the lists and the export back. Orders
	 * are matched by exact name when no code matches: an index on the name. */
	"ALTER TABLE appeal ADD COLUMN external_no TEXT;"
	"CREATE UNIQUE INDEX appeal_external ON appeal(channel, external_no)"
	"  WHERE external_no IS NOT NULL;"
	"CREATE TABLE work_order ("
	"  id INTEGER PRIMARY KEY,"
	"  channel TEXT NOT NULL CHECK (channel IN ('hotline','online')),"
	"  external_no TEXT NOT NULL CHECK (external_no <> ''),"
	"  received_at TEXT NOT NULL DEFAULT '',"
	"  caller_name TEXT NOT NULL DEFAULT '',"
	"  caller_phone TEXT NOT NULL DEFAULT '',"
	"  content TEXT NOT NULL,"
	"  enterprise_name TEXT NOT NULL DEFAULT '',"
	"  uscc TEXT NOT NULL DEFAULT '',"
	"  kind_text TEXT NOT NULL DEFAULT '',"
	"  kind TEXT NOT NULL CHECK (kind IN ('simple','general','complex')),"
	"  due TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  held_reason TEXT NOT NULL DEFAULT '',"
	"  imported_at TEXT NOT NULL,"
	"  imported_by TEXT NOT NULL,"
	"  appeal_id INTEGER REFERENCES appeal(id),"
	"  UNIQUE (channel, external_no)"
	") STRICT;"
	"CREATE INDEX work_order_held ON work_order(id) WHERE appeal_id IS NULL;"
	"CREATE INDEX enterprise_name ON enterprise(name);",
	/* the contact card (issue 18): a staff member's work phone, written one way by
	 * phone_work_check (model/phone.c); '' while none is known */
	"ALTER TABLE staff ADD COLUMN phone TEXT NOT NULL DEFAULT '';",
	/* the annual assessment and the accountability chain (issue 19). A frozen year
	 * keeps what it was frozen with, the rule, the tier thresholds and per unit its
	 * quarters, its score and tier, the supervision counts of the year and the
	 * supervision requests and accountability records filed in it, as of the freeze,
	 * so that a later change of a setting or of an appeal does not move a year
	 * already reported; neither table takes an update or a delete. A supervision
	 * request (督办要求) goes to a unit from an appeal or from its figures and has one
	 * outcome; accountability records (问责) follow an unresolved one. */
	"CREATE TABLE year_freeze ("
	"  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9999),"
	"  rule TEXT NOT NULL CHECK (rule IN ('mean','weighted')),"
	"  tier1_min INTEGER NOT NULL,"
	"  tier2_min INTEGER NOT NULL,"
	"  frozen_by TEXT NOT NULL,"
	"  frozen_at TEXT NOT NULL"
	") STRICT;"
	"CREATE TABLE year_result ("
	"  year INTEGER NOT NULL REFERENCES year_freeze(year),"
	"  pos INTEGER NOT NULL,"
	"  unit TEXT NOT NULL,"
	"  q1_count INTEGER NOT NULL, q1_sum INTEGER NOT NULL,"
	"  q2_count INTEGER NOT NULL, q2_sum INTEGER NOT NULL,"
	"  q3_count INTEGER NOT NULL, q3_sum INTEGER NOT NULL,"
	"  q4_count INTEGER NOT NULL, q4_sum INTEGER NOT NULL,"
	"  count INTEGER NOT NULL,"
	"  mean10 INTEGER NOT NULL,"
	"  tier INTEGER NOT NULL CHECK (tier BETWEEN 0 AND 3),"
	"  received INTEGER NOT NULL,"
	"  signed_on_time INTEGER NOT NULL,"
	"  returned INTEGER NOT NULL,"
	"  answered INTEGER NOT NULL,"
	"  answered_on_time INTEGER NOT NULL,"
	"  callbacks INTEGER NOT NULL,"
	"  satisfied INTEGER NOT NULL,"
	"  supervised INTEGER NOT NULL,"
	"  accountable INTEGER NOT NULL,"
	"  PRIMARY KEY (year, unit)"
	") STRICT;"
	"CREATE TRIGGER year_freeze_no_update BEFORE UPDATE ON year_freeze"
	"  BEGIN SELECT RAISE(ABORT, 'the year is frozen'); END;"
	"CREATE TRIGGER year_freeze_no_delete BEFORE DELETE ON year_freeze"
	"  BEGIN SELECT RAISE(ABORT, 'the year is frozen'); END;"
	"CREATE TRIGGER year_result_no_update BEFORE UPDATE ON year_result"
	"  BEGIN SELECT RAISE(ABORT, 'the year is frozen'); END;"
	"CREATE TRIGGER year_result_no_delete BEFORE DELETE ON year_result"
	"  BEGIN SELECT RAISE(ABORT, 'the year is frozen'); END;"
	"CREATE TABLE supervise_req ("
	"  id INTEGER PRIMARY KEY,"
	"  unit TEXT NOT NULL,"
	"  source TEXT NOT NULL CHECK (source IN ('overdue','dissatisfied','figures')),"
	"  appeal_id INTEGER REFERENCES appeal(id),"
	"  what TEXT NOT NULL,"
	"  due TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  outcome TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (outcome IN ('open','resolved','unresolved')),"
	"  outcome_note TEXT NOT NULL DEFAULT '',"
	"  outcome_by TEXT,"
	"  outcome_at TEXT,"
	"  CHECK ((source = 'figures') = (appeal_id IS NULL))"
	") STRICT;"
	"CREATE INDEX supervise_req_unit ON supervise_req(unit, id);"
	"CREATE TABLE accountability ("
	"  id INTEGER PRIMARY KEY,"
	"  request_id INTEGER NOT NULL REFERENCES supervise_req(id),"
	"  body TEXT NOT NULL,"
	"  person TEXT NOT NULL,"
	"  measure TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX accountability_request ON accountability(request_id);",
	/* pre-investment projects (issue 18, policy (一)2(1)): a project numbered by year
	 * like an appeal (XM2026-000001), its investor an enterprise of the register or
	 * a name still to be registered, the day each stage was reached (one row per
	 * stage, forward only), and its items (permits, factor guarantees, hook-ups),
	 * each with its unit, target date, state and the appeal it became when stuck.
	 * Every change writes its event (entity 'project', the project's id). */
	"CREATE TABLE project_seq ("
	"  year INTEGER PRIMARY KEY,"
	"  last INTEGER NOT NULL"
	") STRICT;"
	"CREATE TABLE project ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL UNIQUE,"
	"  year INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  enterprise_id INTEGER REFERENCES enterprise(id),"
	"  investor TEXT NOT NULL DEFAULT '',"
	"  introducer TEXT NOT NULL DEFAULT '',"
	"  investment_fen INTEGER NOT NULL DEFAULT 0 CHECK (investment_fen >= 0),"
	"  site TEXT NOT NULL DEFAULT '',"
	"  area TEXT NOT NULL DEFAULT '',"
	"  stage TEXT NOT NULL CHECK (stage IN ('signed','filed','planning','permitted',"
	"    'started','producing')),"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  CHECK (enterprise_id IS NOT NULL OR investor <> '')"
	") STRICT;"
	"CREATE INDEX project_enterprise ON project(enterprise_id) WHERE enterprise_id IS NOT NULL;"
	"CREATE TABLE project_stage ("
	"  project_id INTEGER NOT NULL REFERENCES project(id),"
	"  stage TEXT NOT NULL CHECK (stage IN ('signed','filed','planning','permitted',"
	"    'started','producing')),"
	"  reached_on TEXT NOT NULL,"
	"  by TEXT NOT NULL,"
	"  PRIMARY KEY (project_id, stage)"
	") STRICT, WITHOUT ROWID;"
	"CREATE TABLE project_item ("
	"  id INTEGER PRIMARY KEY,"
	"  project_id INTEGER NOT NULL REFERENCES project(id),"
	"  seq INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  unit TEXT NOT NULL,"
	"  start TEXT NOT NULL,"
	"  target TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('open','done','stuck')),"
	"  done_on TEXT,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  appeal_id INTEGER REFERENCES appeal(id),"
	"  UNIQUE (project_id, seq)"
	") STRICT;"
	"CREATE INDEX project_item_appeal ON project_item(appeal_id) WHERE appeal_id IS NOT NULL;",
	/* outreach events (issue 18, policy 三(一) 广泛宣传): briefings, forums, trainings
	 * and matchmakings a unit holds, the enterprises that attended and the problems
	 * they raised, each of which may become an appeal (appeal_id, as a visit
	 * problem's). The kind is a code of data/outreach_kinds.tsv. */
	"CREATE TABLE outreach ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  held_on TEXT NOT NULL CHECK (date(held_on, '+0 days') IS held_on),"
	"  place TEXT NOT NULL,"
	"  unit TEXT NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  policies TEXT NOT NULL DEFAULT '',"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX outreach_date ON outreach(held_on);"
	"CREATE INDEX outreach_unit ON outreach(unit, held_on);"
	"CREATE TABLE outreach_attendee ("
	"  outreach_id INTEGER NOT NULL REFERENCES outreach(id),"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  added_by TEXT NOT NULL,"
	"  added_at TEXT NOT NULL,"
	"  PRIMARY KEY (outreach_id, enterprise_id)"
	") STRICT, WITHOUT ROWID;"
	"CREATE INDEX outreach_attendee_enterprise ON outreach_attendee(enterprise_id);"
	"CREATE TABLE outreach_problem ("
	"  id INTEGER PRIMARY KEY,"
	"  outreach_id INTEGER NOT NULL REFERENCES outreach(id),"
	"  seq INTEGER NOT NULL CHECK (seq >= 1),"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  text TEXT NOT NULL,"
	"  appeal_id INTEGER REFERENCES appeal(id),"
	"  UNIQUE (outreach_id, seq)"
	") STRICT;"
	"CREATE INDEX outreach_problem_enterprise ON outreach_problem(enterprise_id);",
	/* talent services (issue 18, policy 二(一)2(2)六 人才引育): an enterprise's
	 * school–enterprise programmes and its talents' service requests (人才码), each
	 * request with its responsible unit, its state and the appeal it may become */
	"CREATE TABLE talent_programme ("
	"  id INTEGER PRIMARY KEY,"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('order','named','factory_school')),"
	"  school TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  places INTEGER NOT NULL CHECK (places BETWEEN 1 AND 10000),"
	"  start_on TEXT NOT NULL CHECK (date(start_on, '+0 days') IS start_on),"
	"  end_on TEXT CHECK (end_on IS NULL OR (date(end_on, '+0 days') IS end_on"
	"    AND end_on >= start_on)),"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX talent_programme_enterprise ON talent_programme(enterprise_id, start_on);"
	"CREATE TABLE talent_request ("
	"  id INTEGER PRIMARY KEY,"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  kind TEXT NOT NULL,"
	"  person TEXT NOT NULL,"
	"  detail TEXT NOT NULL DEFAULT '',"
	"  unit TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'received'"
	"    CHECK (state IN ('received','handling','done','declined')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  appeal_id INTEGER REFERENCES appeal(id),"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX talent_request_enterprise ON talent_request(enterprise_id);"
	"CREATE INDEX talent_request_open ON talent_request(unit, id)"
	"  WHERE state IN ('received','handling');",
	/* the whistle (企业吹哨、专员报到, issue 18): an enterprise's call to its service
	 * commissioner and the commissioner's report-in; and the contact card's delivery
	 * (送企入户). The commissioner, their unit,
	 * the enterprise's lead unit and the deadline are kept as they were when the
	 * whistle was blown, so a later change of commissioner does not move the duty;
	 * the open ones are walked by deadline through a partial index. */
	"CREATE TABLE whistle ("
	"  id INTEGER PRIMARY KEY,"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  commissioner_id INTEGER NOT NULL REFERENCES staff(id),"
	"  unit TEXT NOT NULL,"
	"  lead_unit TEXT NOT NULL,"
	"  called_on TEXT NOT NULL CHECK (date(called_on, '+0 days') IS called_on),"
	"  via TEXT NOT NULL CHECK (via IN ('phone','visit','message')),"
	"  caller TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  report_due TEXT NOT NULL CHECK (date(report_due, '+0 days') IS report_due),"
	"  reported_on TEXT CHECK (reported_on IS NULL"
	"    OR date(reported_on, '+0 days') IS reported_on),"
	"  report TEXT,"
	"  reported_by TEXT,"
	"  appeal_id INTEGER REFERENCES appeal(id),"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  CHECK ((reported_on IS NULL) = (report IS NULL))"
	") STRICT;"
	"CREATE INDEX whistle_enterprise ON whistle(enterprise_id, called_on);"
	"CREATE INDEX whistle_commissioner ON whistle(commissioner_id, called_on);"
	"CREATE INDEX whistle_unit ON whistle(unit, called_on);"
	"CREATE INDEX whistle_open ON whistle(report_due, id) WHERE reported_on IS NULL;"
	/* the service contact card delivered to the enterprise (送企入户): when and by whom */
	"CREATE TABLE card_delivery ("
	"  id INTEGER PRIMARY KEY,"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  delivered_on TEXT NOT NULL CHECK (date(delivered_on, '+0 days') IS delivered_on),"
	"  delivered_by TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL"
	") STRICT;"
	"CREATE INDEX card_delivery_enterprise ON card_delivery(enterprise_id, delivered_on);",
	/* financing needs out to the provincial financing credit platform (issue 19): the
	 * term in months and the guarantee it asks of each need, unknown (0, '') for the
	 * needs recorded before */
	"ALTER TABLE financing ADD COLUMN term_months INTEGER NOT NULL DEFAULT 0"
	"  CHECK (term_months BETWEEN 0 AND 600);"
	"ALTER TABLE financing ADD COLUMN guarantee TEXT NOT NULL DEFAULT '';",
	/* signals imported from the tax and market-supervision bureaus' lists (qifu warning
	 * import): the kind of signal a warning was opened for (NULL: opened by hand), one
	 * open warning per enterprise and kind, and each signal once per enterprise, kind
	 * and day, so that a list imported twice changes nothing */
	"ALTER TABLE warning ADD COLUMN signal_kind TEXT;"
	"CREATE UNIQUE INDEX warning_kind_open ON warning(enterprise_id, signal_kind)"
	"  WHERE closed_on IS NULL AND signal_kind IS NOT NULL;"
	"CREATE TABLE warning_signal ("
	"  id INTEGER PRIMARY KEY,"
	"  warning_id INTEGER NOT NULL REFERENCES warning(id),"
	"  enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),"
	"  kind TEXT NOT NULL,"
	"  signal_on TEXT NOT NULL CHECK (date(signal_on, '+0 days') IS signal_on),"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),"
	"  detail TEXT NOT NULL,"
	"  source TEXT NOT NULL,"
	"  created_by TEXT NOT NULL,"
	"  created_at TEXT NOT NULL,"
	"  UNIQUE (enterprise_id, kind, signal_on)"
	") STRICT;"
	"CREATE INDEX warning_signal_warning ON warning_signal(warning_id, id);",
	/* speed at scale (issue 14): the register's count without a search (every
	 * screen's first) walks this small index instead of every enterprise row; the
	 * default list leaves out the enterprises gone from the zone, so a count is the
	 * register's or the search's (each an index's) less the gone ones, few in this
	 * index (enterprise_store.c) */
	"CREATE INDEX enterprise_status ON enterprise(status);",
};

int schema_latest(void)
{
	return SCHEMA_EARLY + (int)(sizeof migrations / sizeof migrations[0]);
}

const char *schema_migration(int version)
{
	if (version < 1 || version > schema_latest())
		return NULL;
	if (version <= SCHEMA_EARLY)
		return schema_early[version - 1];
	return migrations[version - 1 - SCHEMA_EARLY];
}
