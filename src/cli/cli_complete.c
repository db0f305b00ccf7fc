/* qifu __complete WORD…: what the bash completion (completion/qifu) offers for the
 * last word, one a line. Commands come from the command table; subcommands and
 * options from the commands' own parsers, run with --help while cli_discovery is set
 * (cli_subcommand and cli_getopt then record instead of acting); values from the data
 * files and the model's codes, so that neither can drift from what the program
 * accepts. Only the few words a parser keeps to itself (formats, sort keys, levels)
 * are written here, as that command's --help names them. */
#include "cli/cli.h"
#include "cli/cli_args.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd_inspect.h"
#include "core/xalloc.h"
#include "model/appeal.h"
#include "model/category.h"
#include "model/enterprise.h"
#include "model/escalation.h"
#include "model/financing.h"
#include "model/inspection_plan.h"
#include "model/perm.h"
#include "model/pool.h"
#include "model/supervise.h"
#include "model/project.h"
#include "model/talent.h"
#include "model/ticket.h"
#include "model/unit.h"
#include "model/warning.h"

/* what an option's value is */
typedef enum value_kind {
	V_UNIT, V_AREA, V_CATEGORY, V_GROUP, V_POOL, V_INSPECTION_REASON, V_APPEAL_KIND,
	V_CHANNEL, V_REPORT_HOW, V_APPEAL_STATE, V_LIGHT, V_VIEW, V_APPEAL_SORT, V_DISPATCH_LEVEL,
	V_INSPECTION_STATE, V_OUTCOME, V_ROLE, V_LEADER_LEVEL, V_MODE, V_FIN_STATUS,
	V_WARN_SOURCE, V_WARN_LEVEL, V_FORMAT, V_SHEET_FORMAT, V_UNITS_FORMAT, V_YEAR_FORMAT,
	V_SUPV_FROM, V_SUPV_OUTCOME, V_PROJECT_STAGE, V_PROJECT_KIND,
	V_OUTREACH_KIND, V_TALENT_KIND, V_TALENT_STATE, V_TALENT_PROGRAMME,
} value_kind;

/* Which option of which subcommand takes which values; the first row whose words
 * begin the subcommand's ("financing" for financing add) and whose option matches
 * wins, so the particular rows come before the general ones. */
static const struct {
	const char *where;       /* NULL: every command */
	const char *option;      /* without "--" */
	value_kind kind;
	bool list;               /* several, separated by commas */
} value_rows[] = {
	{ "inspect check", "reason", V_INSPECTION_REASON, false },
	{ "inspect register", "reason", V_INSPECTION_REASON, false },
	{ "inspect list", "state", V_INSPECTION_STATE, false },
	{ "inspect done", "outcome", V_OUTCOME, false },
	{ "appeal new", "kind", V_APPEAL_KIND, false },
	{ "outreach appeal", "kind", V_APPEAL_KIND, false },
	{ "outreach", "kind", V_OUTREACH_KIND, false },
	{ "talent appeal", "kind", V_APPEAL_KIND, false },
	{ "talent", "kind", V_TALENT_KIND, false },
	{ "talent add", "request", V_TALENT_KIND, false },
	{ "talent add", "programme", V_TALENT_PROGRAMME, false },
	{ "talent", "state", V_TALENT_STATE, false },
	{ "talent move", "to", V_TALENT_STATE, false },
	{ "appeal new", "channel", V_CHANNEL, false },
	{ "appeal report", "how", V_REPORT_HOW, false },
	{ "appeal list", "state", V_APPEAL_STATE, true },
	{ "appeal list", "light", V_LIGHT, true },
	{ "appeal list", "view", V_VIEW, false },
	{ "appeal list", "sort", V_APPEAL_SORT, false },
	{ "appeal list", "level", V_DISPATCH_LEVEL, false },
	{ "appeal schedule", "mode", V_MODE, false },
	{ "appeal sheet", "format", V_SHEET_FORMAT, false },
	{ "appeal supervise-sheet", "format", V_SHEET_FORMAT, false },
	{ "report units", "format", V_UNITS_FORMAT, false },
	{ "report year", "format", V_YEAR_FORMAT, false },
	{ "supervise add", "from", V_SUPV_FROM, false },
	{ "supervise outcome", "outcome", V_SUPV_OUTCOME, false },
	{ "staff add", "role", V_ROLE, false },
	{ "staff add", "level", V_LEADER_LEVEL, false },
	{ "staff add", "oversees", V_UNIT, true },
	{ "financing", "status", V_FIN_STATUS, false },
	{ "project list", "stage", V_PROJECT_STAGE, false },
	{ "project list", "light", V_LIGHT, false },
	{ "project ledger", "stage", V_PROJECT_STAGE, false },
	{ "project ledger", "light", V_LIGHT, false },
	{ "project move", "to", V_PROJECT_STAGE, false },
	{ "project item", "add", V_PROJECT_KIND, false },
	{ "project item", "kind", V_APPEAL_KIND, false },
	{ "project", "introducer", V_UNIT, false },
	{ "warning add", "source", V_WARN_SOURCE, false },
	{ "warning add", "level", V_WARN_LEVEL, false },
	{ NULL, "unit", V_UNIT, false },
	{ NULL, "related", V_UNIT, true },
	{ NULL, "lead-unit", V_UNIT, false },
	{ NULL, "introduced-by", V_UNIT, false },
	{ NULL, "area", V_AREA, false },
	{ NULL, "category", V_CATEGORY, false },
	{ NULL, "group", V_GROUP, false },
	{ NULL, "pool", V_POOL, false },
	{ NULL, "format", V_FORMAT, false },
};

/* the candidates offered, before they are matched against the word */
typedef struct words {
	const char **v;
	size_t n;
	char **owned;            /* strings made here, freed with the list */
	size_t nowned;
} words;

static void add(words *w, const char *s)
{
	w->v = xrealloc(w->v, (w->n + 1) * sizeof *w->v);
	w->v[w->n++] = s;
}

static void add_owned(words *w, char *s)
{
	w->owned = xrealloc(w->owned, (w->nowned + 1) * sizeof *w->owned);
	w->owned[w->nowned++] = s;
	add(w, s);
}

/* each of a NULL-terminated list */
static void add_all(words *w, const char *const *v)
{
	while (*v)
		add(w, *v++);
}

static void words_free(words *w)
{
	for (size_t i = 0; i < w->nowned; i++)
		free(w->owned[i]);
	free(w->owned);
	free(w->v);
}

/* print the candidates that begin with cur, each after prefix */
static void offer(const words *w, const char *prefix, const char *cur)
{
	size_t len = strlen(cur);
	for (size_t i = 0; i < w->n; i++)
		if (strncmp(w->v[i], cur, len) == 0)
			printf("%s%s\n", prefix, w->v[i]);
}

/* the command table's row for word, without a word to the user when there is none */
static const cli_command *command_named(const char *word)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, word) == 0)
			return c;
	return NULL;
}

/* run the (sub)command path[0..depth) with --help while its parsers only record what
 * they take; stdout and stderr go nowhere meanwhile */
static void discover(app_ctx *ctx, char **path, int depth, cli_found *found)
{
	memset(found, 0, sizeof *found);
	const cli_command *c = command_named(path[0]);
	if (!c)
		return;
	char **argv = xcalloc((size_t)depth + 2, sizeof *argv);
	memcpy(argv, path, (size_t)depth * sizeof *argv);
	argv[depth] = (char *)"--help";
	fflush(stdout);
	fflush(stderr);
	int out = dup(STDOUT_FILENO), err = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY);
	if (out >= 0 && err >= 0 && null >= 0) {
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		cli_discovery = found;
		c->run(ctx, depth + 1, argv);
		cli_discovery = NULL;
		fflush(stdout);
		fflush(stderr);
		dup2(out, STDOUT_FILENO);
		dup2(err, STDERR_FILENO);
	}
	if (null >= 0)
		close(null);
	if (out >= 0)
		close(out);
	if (err >= 0)
		close(err);
	free(argv);
}

static void found_free(cli_found *f)
{
	free(f->subs);
	free(f->opts);
	memset(f, 0, sizeof *f);
}

/* the candidates for a value of kind k */
static void values_of(app_ctx *ctx, value_kind k, words *w)
{
	switch (k) {
	case V_UNIT:
	case V_AREA: {
		const unit_table *t = app_units(ctx);
		for (int i = 0; i < t->n; i++)
			if (k == V_UNIT || t->v[i].kind == UNIT_AREA)
				add(w, t->v[i].name);
		break;
	}
	case V_CATEGORY: {
		const catalog *cat = app_ent_rules(ctx)->cat;
		for (int i = 0; i < cat->ncats; i++)
			add(w, cat->cats[i].code);
		break;
	}
	case V_GROUP: {
		const catalog *cat = app_ent_rules(ctx)->cat;
		for (int i = 0; i < cat->ngroups; i++)
			add(w, cat->groups[i]);
		break;
	}
	case V_TALENT_STATE:
		for (int i = 0; i < TALENT_STATE__COUNT; i++)
			add(w, talent_state_code((talent_state)i));
		break;
	case V_TALENT_PROGRAMME:
		for (int i = 0; i < TALENT_PROG__COUNT; i++)
			add(w, talent_prog_code((talent_prog_kind)i));
		break;
	case V_POOL:
	case V_OUTREACH_KIND:
	case V_TALENT_KIND: {
		const code_table *t = k == V_POOL ? app_pools(ctx)
			: k == V_OUTREACH_KIND ? app_outreach_kinds(ctx) : app_talent_kinds(ctx);
		for (int i = 0; i < t->n; i++)
			add(w, t->v[i].code);
		break;
	}
	case V_INSPECTION_REASON: {
		inspection_reason_table *t = inspection_reasons_load();
		for (size_t i = 0; t && i < t->n; i++)
			add_owned(w, xstrdup(t->v[i].code));
		inspection_reason_table_free(&t);
		break;
	}
	case V_APPEAL_KIND:
		for (int i = 0; i < TICKET_KIND__COUNT; i++)
			add(w, ticket_kind_code((ticket_kind)i));
		break;
	case V_CHANNEL:
		for (int i = 0; i < APPEAL_CH__COUNT; i++)
			add(w, appeal_channel_code((appeal_channel)i));
		break;
	case V_REPORT_HOW:
		for (int i = TICKET_HOW_NONE + 1; i < TICKET_HOW__COUNT; i++)
			add(w, ticket_how_code((ticket_how)i));
		break;
	case V_APPEAL_STATE:
		/* as appeal list takes them: not the state before registration */
		for (int i = 0; i < TICKET_ST__COUNT; i++)
			if ((ticket_state)i != TICKET_ST_NEW)
				add(w, ticket_state_code((ticket_state)i));
		break;
	case V_LIGHT:
		for (int i = TICKET_LIGHT_GREEN; i < TICKET_LIGHT__COUNT; i++)
			add(w, ticket_light_code((ticket_light_t)i));
		break;
	case V_VIEW:
		for (int i = 0; i < APPEAL_VIEW__COUNT; i++)
			add(w, appeal_view_code((appeal_view)i));
		break;
	case V_APPEAL_SORT:
		/* as appeal list --help names them */
		add_all(w, (const char *const[]){ "number", "due", "state", "unit", "enterprise",
		                                  NULL });
		break;
	case V_DISPATCH_LEVEL:
		add_all(w, (const char *const[]){ "1", "2", "3", NULL });
		break;
	case V_INSPECTION_STATE:
		for (int i = 0; i < INSPECTION_STATE__COUNT; i++)
			add(w, inspection_plan_state_code((inspection_plan_state)i));
		break;
	case V_OUTCOME:
		for (int i = 0; i < INSPECTION_OUTCOME__COUNT; i++)
			add(w, inspection_plan_outcome_code((inspection_plan_outcome)i));
		break;
	case V_ROLE:
		for (int i = 0; i < ROLE__COUNT; i++)
			add(w, role_code((role_t)i));
		break;
	case V_LEADER_LEVEL:
		add_all(w, (const char *const[]){ "1", "2", NULL });
		break;
	case V_MODE:
		for (int i = 0; i < ESC_MODE__COUNT; i++)
			add(w, escalation_mode_code((escalation_mode)i));
		break;
	case V_PROJECT_STAGE:
		for (int i = 0; i < PROJ_STAGE__COUNT; i++)
			add(w, project_stage_code((project_stage)i));
		break;
	case V_PROJECT_KIND: {
		const project_rules *r = app_project_rules(ctx);
		for (int i = 0; i < r->nkinds; i++)
			add(w, r->kinds[i].code);
		break;
	}
	case V_FIN_STATUS:
		for (int i = 0; i < FIN__COUNT; i++)
			add(w, fin_status_code((fin_status)i));
		break;
	case V_WARN_SOURCE:
		for (int i = 0; i < WARN_SOURCE__COUNT; i++)
			add(w, warn_source_code((warn_source)i));
		break;
	case V_WARN_LEVEL:
		for (int i = WARN_LOW; i <= WARN_HIGH; i++)
			add(w, warn_level_code((warn_level)i));
		break;
	case V_FORMAT:
		add_all(w, (const char *const[]){ "table", "csv", "json", NULL });
		break;
	case V_SHEET_FORMAT:
		add_all(w, (const char *const[]){ "txt", "xlsx", NULL });
		break;
	case V_UNITS_FORMAT:
		add_all(w, (const char *const[]){ "table", "csv", "xlsx", NULL });
		break;
	case V_YEAR_FORMAT:
		add_all(w, (const char *const[]){ "table", "csv", "json", "xlsx", NULL });
		break;
	case V_SUPV_FROM:
		for (int i = 0; i < SUPV_SRC__COUNT; i++)
			add(w, supervise_source_code((supervise_source)i));
		break;
	case V_SUPV_OUTCOME:
		add(w, supervise_outcome_code(SUPV_RESOLVED));
		add(w, supervise_outcome_code(SUPV_UNRESOLVED));
		break;
	}
}

/* whether where ("financing") begins the subcommand's words ("financing add") */
static bool begins_words(const char *where, const char *words_of)
{
	size_t n = strlen(where);
	return strncmp(where, words_of, n) == 0 && (words_of[n] == '\0' || words_of[n] == ' ');
}

/* the values of option opt of the subcommand path[0..depth) that begin cur */
static void offer_values(app_ctx *ctx, char **path, int depth, const char *opt,
                         const char *cur)
{
	strbuf at = STRBUF_INIT;
	for (int i = 0; i < depth; i++)
		sb_addf(&at, "%s%s", i ? " " : "", path[i]);
	for (size_t i = 0; i < sizeof value_rows / sizeof value_rows[0]; i++) {
		if (strcmp(value_rows[i].option, opt) != 0 ||
		    (value_rows[i].where && !begins_words(value_rows[i].where, sb_str(&at))))
			continue;
		words w = { 0 };
		values_of(ctx, value_rows[i].kind, &w);
		/* in a list, the item after the last comma */
		const char *item = cur;
		if (value_rows[i].list) {
			const char *comma = strrchr(cur, ',');
			item = comma ? comma + 1 : cur;
		}
		char *prefix = xstrndup(cur, (size_t)(item - cur));
		offer(&w, prefix, item);
		free(prefix);
		words_free(&w);
		break;
	}
	sb_free(&at);
}

/* the global option word names, or NULL */
static const cli_global *global_named(const char *word)
{
	size_t len = strcspn(word, "=");
	for (const cli_global *g = cli_globals; g->name; g++)
		if (strlen(g->name) == len && strncmp(g->name, word, len) == 0)
			return g;
	return NULL;
}

int cli_complete(app_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return EXIT_OK;
	char **w = argv + 1;
	int n = argc - 1;            /* w[n - 1] is the word being completed */
	const char *cur = w[n - 1];
	/* bash splits --format=csv into --format, = and csv: complete the value */
	if (strcmp(cur, "=") == 0) {
		cur = "";
		w[n - 1] = (char *)cur;
	} else if (n >= 3 && strcmp(w[n - 2], "=") == 0) {
		w[n - 2] = w[n - 3];
	}
	words cands = { 0 };
	int i = 0;
	/* the global options before the command */
	while (i < n - 1 && w[i][0] == '-') {
		const cli_global *g = global_named(w[i]);
		i += g && g->value && !strchr(w[i], '=') ? 2 : 1;
	}
	if (i > n - 1)
		return EXIT_OK;      /* the value of a global option: a file, a date, a login */
	bool help = false;
	if (i < n - 1 && strcmp(w[i], "help") == 0) {
		help = true;
		i++;
	}
	if (i == n - 1) {
		if (cur[0] == '-' && !help)
			for (const cli_global *g = cli_globals; g->name; g++)
				add(&cands, g->name);
		else
			for (const cli_command *c = cli_commands; c->name; c++)
				add(&cands, c->name);
		offer(&cands, "", cur);
		words_free(&cands);
		return EXIT_OK;
	}
	/* down the subcommands: each is the word after the one before */
	char **path = w + i;
	int depth = 1;
	cli_found f;
	discover(ctx, path, depth, &f);
	while (f.subs && i + depth < n - 1) {
		const char *next = path[depth];
		bool known = false;
		for (size_t k = 0; k < f.nsubs && !known; k++)
			known = strcmp(f.subs[k], next) == 0;
		found_free(&f);
		if (!known)
			return EXIT_OK;
		depth++;
		discover(ctx, path, depth, &f);
	}
	if (f.subs && i + depth == n - 1) {
		for (size_t k = 0; k < f.nsubs; k++)
			add(&cands, f.subs[k]);
	} else if (!help) {
		/* the value of the option before, or an option */
		const char *prev = n >= 2 ? w[n - 2] : "";
		const cli_found_opt *valued = NULL;
		for (size_t k = 0; k < f.nopts && i + depth < n - 1; k++)
			if (f.opts[k].value && strncmp(prev, "--", 2) == 0 &&
			    strcmp(prev + 2, f.opts[k].name) == 0)
				valued = &f.opts[k];
		if (valued) {
			offer_values(ctx, path, depth, valued->name, cur);
		} else if (cur[0] == '-') {
			for (size_t k = 0; k < f.nopts; k++)
				add_owned(&cands, xasprintf("--%s", f.opts[k].name));
		}
	}
	offer(&cands, "", cur);
	words_free(&cands);
	found_free(&f);
	return EXIT_OK;
}
