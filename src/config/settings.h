/* qifu's settings: one declarative table (section, key, type, default, range, help)
 * from which the enum, the compiled defaults, validation, the commented default
 * config and `qifu config` are all generated. Files are layered system < user <
 * --config, and every problem in them is collected rather than fatal. */
#ifndef QIFU_SETTINGS_H
#define QIFU_SETTINGS_H
#include <stdbool.h>
#include <stddef.h>

#include "core/i18n.h"
#include "core/strbuf.h"

typedef enum setting_type { SET_T_STRING, SET_T_INT, SET_T_BOOL, SET_T_ENUM } setting_type;

/* X(id, section, key, type, default as written in the file, min, max (int only),
 *   allowed values separated by '|' (enum only), help text shown in qifu.ini).
 * Help text lines are separated by '\n'; keep each under 76 columns. Working days
 * follow the holiday calendar; natural days are plain calendar days. */
#define SETTINGS_TABLE(X) \
	X(SET_DB_PATH, "database", "path", SET_T_STRING, "", 0, 0, NULL, \
	  N_("Database file. Empty means $XDG_DATA_HOME/qifu/qifu.db, or\n" \
	     "~/.local/share/qifu/qifu.db when XDG_DATA_HOME is not set.\n" \
	     "Never put it on a network share (NFS, SMB): locking fails there.")) \
	X(SET_DB_BUSY_TIMEOUT_MS, "database", "busy_timeout_ms", SET_T_INT, "15000", 100, 60000, NULL, \
	  N_("Milliseconds to wait while another qifu session is writing\n" \
	     "before giving up with \"database is busy\".")) \
	X(SET_AMBIGUOUS_WIDTH, "display", "ambiguous_width", SET_T_ENUM, "auto", 0, 0, "auto|1|2", \
	  N_("Terminal cells taken by East Asian \"ambiguous\" characters (curly\n" \
	     "quotes, ellipsis, circled numbers, box lines). auto asks the terminal\n" \
	     "when the full-screen program starts and counts 1 when it does not\n" \
	     "answer within 100 ms; 1 or 2 says it outright (2 where the terminal\n" \
	     "draws them wide, as PuTTY, Xshell and SecureCRT can).")) \
	X(SET_THEME, "display", "theme", SET_T_ENUM, "default", 0, 0, "default|mono", \
	  N_("Colour theme. mono uses no colour; the NO_COLOR environment\n" \
	     "variable forces it.")) \
	X(SET_MOUSE, "display", "mouse", SET_T_BOOL, "off", 0, 0, NULL, \
	  N_("Mouse clicks and wheel in lists. Off by default so that dragging\n" \
	     "selects text to copy; when on, Shift+drag still copies.")) \
	X(SET_ESCDELAY_MS, "display", "escdelay_ms", SET_T_INT, "25", 0, 1000, NULL, \
	  N_("Milliseconds to wait after Esc for the rest of a key sequence.\n" \
	     "Raise it on slow SSH links if F-keys arrive as Esc.")) \
	X(SET_ESC_DIGITS, "display", "esc_digits", SET_T_ENUM, "auto", 0, 0, "auto|fkeys|off", \
	  N_("Esc then a digit as an F-key (Esc 1 is F1, Esc 0 is F10), for\n" \
	     "desktops that take the F-keys. auto: only on a terminal without\n" \
	     "F-keys of its own; fkeys: always; off: never. Otherwise Esc is\n" \
	     "Esc and the digit its own key (3: the Escalation tab).")) \
	X(SET_UI_BELL, "ui", "bell", SET_T_BOOL, "off", 0, 0, NULL, \
	  N_("Ring the terminal bell once when another desk dispatches a new\n" \
	     "appeal to your unit (the status line says so either way).")) \
	X(SET_DATA_DIR, "paths", "data_dir", SET_T_STRING, "", 0, 0, NULL, \
	  N_("Directory of qifu's data files (units, holidays, reasons).\n" \
	     "Empty means the installed one.")) \
	X(SET_HOLIDAY_DIR, "paths", "holiday_dir", SET_T_STRING, "", 0, 0, NULL, \
	  N_("Directory of the holiday files, one a year.\n" \
	     "Empty means <data_dir>/holidays.")) \
	X(SET_DISPATCH_DAYS, "appeal", "dispatch_days", SET_T_INT, "1", 1, 30, NULL, \
	  N_("Working days the service centre has to dispatch a registered appeal.")) \
	X(SET_SIMPLE_DAYS, "appeal", "simple_days", SET_T_INT, "1", 1, 30, NULL, \
	  N_("Working days to settle a simple appeal, counted from dispatch.")) \
	X(SET_GENERAL_DAYS, "appeal", "general_days", SET_T_INT, "3", 1, 60, NULL, \
	  N_("Working days to settle a general appeal, counted from dispatch.")) \
	X(SET_COMPLEX_DAYS, "appeal", "complex_days", SET_T_INT, "7", 1, 90, NULL, \
	  N_("Working days to settle a complex or multi-unit appeal, counted\n" \
	     "from dispatch.")) \
	X(SET_EXPLAIN_DAYS, "appeal", "explain_days", SET_T_INT, "3", 1, 30, NULL, \
	  N_("Working days from dispatch within which an extended appeal must\n" \
	     "get an explanatory reply.")) \
	X(SET_FEEDBACK_DAYS, "appeal", "feedback_days", SET_T_INT, "1", 1, 30, NULL, \
	  N_("Working days to pass a dissatisfied callback on to the\n" \
	     "first-responsible unit and the lead or host unit.")) \
	X(SET_REPORT_DAYS, "appeal", "report_days", SET_T_INT, "1", 1, 30, NULL, \
	  N_("Working days from the answer within which the first-responsible\n" \
	     "unit must tell the enterprise the result, before the callback.")) \
	X(SET_YELLOW_DAYS, "appeal", "yellow_days", SET_T_INT, "1", 0, 30, NULL, \
	  N_("An open appeal is marked due soon (yellow) when its deadline is at\n" \
	     "most this many working days away: 0 means due today, 1 due today\n" \
	     "or on the next working day.")) \
	X(SET_ESCALATE_AFTER_DAYS, "appeal", "escalate_after_days", SET_T_INT, "1", 1, 60, NULL, \
	  N_("An appeal overdue by this many working days or more is proposed\n" \
	     "for escalation to the next dispatch level.")) \
	X(SET_SIMILAR_DAYS, "appeal", "similar_days", SET_T_INT, "30", 1, 365, NULL, \
	  N_("Natural days to look back for similar open appeals of the same\n" \
	     "enterprise when a new one is registered.")) \
	X(SET_SIMILAR_CLOSED_DAYS, "appeal", "similar_closed_days", SET_T_INT, "90", 0, 730, \
	  NULL, N_("Natural days to look back for similar appeals of the same\n" \
	     "enterprise that were closed (a repeat appeal, 重复诉求); 0 looks at\n" \
	     "open appeals only.")) \
	X(SET_WHISTLE_REPORT_DAYS, "whistle", "report_days", SET_T_INT, "1", 1, 30, NULL, \
	  N_("Working days after an enterprise blows the whistle (企业吹哨) within\n" \
	     "which its service commissioner must report in (专员报到): contact\n" \
	     "the enterprise and record what was done. Past it the whistle is red\n" \
	     "and the enterprise's lead unit is told (qifu remind).")) \
	X(SET_CARD_HOTLINE, "card", "hotline", SET_T_STRING, "", 0, 0, NULL, \
	  N_("The service centre's hotline, printed on the service contact card\n" \
	     "(服务企业联系卡), e.g. 0791-88681209. Empty: the card says it is not set.")) \
	X(SET_CARD_CHANNELS, "card", "channels", SET_T_STRING, "", 0, 0, NULL, \
	  N_("How an enterprise raises an appeal (诉求渠道), as the card prints it.\n" \
	     "Empty: the channels qifu registers appeals by (visit, phone, the 12345\n" \
	     "hotline, online, letter, meeting).")) \
	X(SET_COVERAGE_VISIT_DAYS, "coverage", "visit_days", SET_T_INT, "90", 1, 730, NULL, \
	  N_("Natural days within which every enterprise should have been visited\n" \
	     "(全面覆盖): one not visited for longer shows in qifu coverage, as do\n" \
	     "those without a service commissioner or a contact card delivered.")) \
	X(SET_QUIET_FIRST_DAY, "inspection", "quiet_first_day", SET_T_INT, "1", 1, 31, NULL, \
	  N_("First day of the month of the enterprise quiet days, when no\n" \
	     "general inspection may take place.")) \
	X(SET_QUIET_LAST_DAY, "inspection", "quiet_last_day", SET_T_INT, "23", 1, 31, NULL, \
	  N_("Last day of the month of the quiet days; not before quiet_first_day.\n" \
	     "In shorter months the quiet days end with the month.")) \
	X(SET_FILING_WORKDAYS, "inspection", "filing_workdays", SET_T_INT, "7", 0, 60, NULL, \
	  N_("Working days ahead of an inspection by which its plan must be\n" \
	     "filed, unless its reason is exempt from filing.")) \
	X(SET_EMERGENCY_LATE_DAYS, "inspection", "emergency_late_days", SET_T_INT, "10", 0, 60, NULL, \
	  N_("Natural days after an emergency inspection within which it may\n" \
	     "still be registered after the fact.")) \
	X(SET_FIRST_VIOLATION_YEARS, "inspection", "first_violation_years", SET_T_INT, "2", 1, 10, NULL, \
	  N_("Years to look back when deciding whether a violation is a first\n" \
	     "one (no penalty for minor first violations). 2 matches the\n" \
	     "two-year period of article 36 of the Administrative Penalty Law.")) \
	X(SET_FREQUENT_COUNT, "inspection", "frequent_count", SET_T_INT, "3", 2, 100, NULL, \
	  N_("An enterprise with this many inspections within frequent_days\n" \
	     "is flagged as inspected too often.")) \
	X(SET_FREQUENT_DAYS, "inspection", "frequent_days", SET_T_INT, "30", 1, 365, NULL, \
	  N_("Natural days of the window that frequent_count counts in.")) \
	X(SET_TIER1_MIN, "assessment", "tier1_min", SET_T_INT, "90", 0, 100, NULL, \
	  N_("Lowest mean satisfaction score (0-100) of tier 1; above tier2_min.")) \
	X(SET_TIER2_MIN, "assessment", "tier2_min", SET_T_INT, "80", 0, 100, NULL, \
	  N_("Lowest mean score of tier 2; a lower mean is tier 3.")) \
	X(SET_YEAR_RULE, "assessment", "year_rule", SET_T_ENUM, "mean", 0, 0, "mean|weighted", \
	  N_("How a unit's annual score combines its four frozen quarters: mean\n" \
	     "is the mean of its quarterly scores (a quarter without ratings\n" \
	     "does not count); weighted counts every rating of the year once.")) \
	X(SET_ACCOUNTABILITY_BODIES, "assessment", "accountability_bodies", SET_T_STRING, \
	  "区党政办|区纪检监察工委", 0, 0, NULL, \
	  N_("The bodies that hold people to account after an unresolved\n" \
	     "supervision request, separated by '|'."))

typedef enum setting_id {
#define SETTINGS_X_ID(id, section, key, type, def, min, max, choices, help) id,
	SETTINGS_TABLE(SETTINGS_X_ID)
#undef SETTINGS_X_ID
	SET__COUNT
} setting_id;

/* One row of the table. */
typedef struct setting_info {
	const char *section;
	const char *key;
	setting_type type;
	const char *def;        /* as written in qifu.ini */
	long min, max;          /* SET_T_INT only */
	const char *choices;    /* SET_T_ENUM only: "a|b" */
	const char *help;       /* N_() msgid */
} setting_info;

/* One line of the free-form [keys] section, for the keymap module. */
typedef struct settings_kv {
	char *key;              /* action name, lower-cased as iniparser does */
	char *value;            /* key[,key...], uninterpreted */
	char *file;
	int line;
} settings_kv;

typedef enum settings_problem_kind {
	SET_P_READ = 1,         /* the file could not be opened or read */
	SET_P_LONG_LINE,        /* longer than iniparser's 1022 bytes */
	SET_P_BAD_UTF8,         /* invalid UTF-8 or a NUL byte */
	SET_P_SYNTAX,           /* neither [section] nor key = value */
	SET_P_NO_SECTION,       /* key = value before any [section] */
	SET_P_UNKNOWN_SECTION,
	SET_P_UNKNOWN_KEY,
	SET_P_DUPLICATE,        /* key set twice in one file; the later line wins */
	SET_P_NOT_NUMBER,
	SET_P_RANGE,
	SET_P_BAD_BOOL,
	SET_P_BAD_ENUM,
	SET_P_ORDER,            /* quiet_first_day > quiet_last_day, tier1_min <= tier2_min */
	SET_P_PROTECTED,        /* a personal file of a setgid qifu sets more than the display */
} settings_problem_kind;

/* One problem found in a config file; message is already translated. */
typedef struct settings_problem {
	settings_problem_kind kind;
	char *file;
	int line;               /* 0: the file as a whole */
	char *where;            /* "section:key", "section" or NULL */
	char *message;
} settings_problem;

typedef struct settings settings;
typedef struct settings_diag settings_diag;

/* the table row of a setting */
const setting_info *settings_info(setting_id id);

/* fresh settings holding the compiled defaults */
settings *settings_new(void);
/* free *sp and set it to NULL */
void settings_free(settings **sp);
/* layer one file on top; -1 if it cannot be read (absent is fine unless must_exist);
 * bad lines and values are reported in diags (may be NULL) and leave the setting as it was */
int settings_load_file(settings *s, const char *path, bool must_exist, settings_diag *diags);
/* system file ($QIFU_SYSCONF_FILE or QIFU_SYSCONFDIR/qifu.ini), then the user's
 * $XDG_CONFIG_HOME/qifu/qifu.ini, then explicit_path (may be NULL, must exist); -1 if any failed to read.
 * A protected (setgid) qifu reads the system file of its installation (settings_system_file)
 * and takes only [display], [ui] and [keys] from the other two: rules, deadlines and paths
 * are the administrator's */
int settings_load_layers(settings *s, const char *explicit_path, settings_diag *diags);
/* the system settings file in force: $QIFU_SYSCONF_FILE (never when setgid), else
 * <prefix>/etc/qifu/qifu.ini beside the binary's bin/ when it exists and only root can
 * change it, else QIFU_SYSCONFDIR/qifu.ini; fresh */
char *settings_system_file(void);

/* value of an int setting, or the index of an enum's value among its choices, or 0/1 for a bool */
long cfg_int(const settings *s, setting_id id);
/* value of any setting as text (canonical: "on"/"off" for bools, decimal for ints) */
const char *cfg_str(const settings *s, setting_id id);
/* value of a bool setting */
bool cfg_bool(const settings *s, setting_id id);
/* override a string setting from the command line */
void cfg_set_str(settings *s, setting_id id, const char *value);
/* override any setting from the command line after validating it; -1 and a message in err (may be NULL) if invalid */
int cfg_set(settings *s, setting_id id, const char *value, strbuf *err);
/* "default", "command line" or "FILE:LINE" */
const char *cfg_source(const settings *s, setting_id id);

/* false when NO_COLOR is set and not empty, or the theme is mono */
bool settings_color_enabled(const settings *s);
/* the database file: database.path, else $XDG_DATA_HOME/qifu/qifu.db, else ~/.local/share/qifu/qifu.db */
char *settings_db_path(const settings *s);
/* the database of a protected (setgid) installation: database.path when absolute (the
 * system file's, as a protected qifu takes no other), else QIFU_SERVER_DIR/qifu.db */
char *settings_server_db_path(const settings *s);
/* the data directory: paths.data_dir, else the built-in one (paths_data_dir) */
char *settings_data_dir(const settings *s);
/* the holiday directory: paths.holiday_dir, else <data dir>/holidays */
char *settings_holiday_dir(const settings *s);

/* number of [keys] lines collected from all layers */
size_t settings_keys_count(const settings *s);
/* the i-th [keys] line, in the order read (later lines override earlier ones) */
const settings_kv *settings_keys_at(const settings *s, size_t i);

/* every setting as "section.key = value  (source)", then the [keys] lines */
void settings_describe(const settings *s, strbuf *out);
/* the commented default config, the text of config/qifu.ini in the C locale */
void settings_default_ini(strbuf *out);

/* an empty problem list */
settings_diag *settings_diag_new(void);
/* free *dp and set it to NULL */
void settings_diag_free(settings_diag **dp);
/* number of problems collected */
size_t settings_diag_count(const settings_diag *d);
/* the i-th problem, in the order found */
const settings_problem *settings_diag_at(const settings_diag *d, size_t i);
/* "FILE:LINE: section:key: message" (parts that are missing left out) */
void settings_problem_format(const settings_problem *p, strbuf *out);

#endif
