/* Printable sheets of one appeal as aligned text or an xlsx workbook: the dispatch
 * sheet (交办单, qifu appeal sheet) here, and the printing shared with the supervision
 * sheet (督办单) of cmd_appeal_escalate.c. */
#include "cli/cmd_appeal.h"
#include "cli/cli_args.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "model/appeal.h"

enum { SHEET_WIDTH = 72, SHEET_LABEL = 18 };

/* label padded to its column, then value wrapped to the rest of the line */
static void sheet_line(strbuf *out, const char *label, const char *value)
{
	int room = SHEET_WIDTH - SHEET_LABEL;
	text_fit_pad_sb(out, label, SHEET_LABEL, TEXT_LEFT);
	const char *p = value && *value ? value : "";
	bool first = true;
	do {
		if (!first)
			text_fit_pad_sb(out, "", SHEET_LABEL, TEXT_LEFT);
		first = false;
		size_t nl = strcspn(p, "\n");
		char *para = xstrndup(p, nl);
		size_t cut = text_prefix_bytes(para, room);
		/* a character wider than the whole room still moves the line on */
		if (cut == 0 && *para)
			cut = text_next_char(para, 0);
		sb_addn(out, para, cut);
		sb_addc(out, '\n');
		p += cut;
		if (cut == nl && p[0] == '\n')
			p++;
		free(para);
	} while (*p);
}

void appeal_sheet_add(appeal_sheet *s, const char *label, char *value)
{
	if (s->n == APPEAL_SHEET_FIELDS)
		fatal("appeal_sheet_add: more than %d fields", APPEAL_SHEET_FIELDS);
	s->f[s->n].label = label;
	s->f[s->n].value = value;
	s->n++;
}

static void sheet_rule(strbuf *out)
{
	for (int i = 0; i < SHEET_WIDTH; i++)
		sb_addc(out, '-');
	sb_addc(out, '\n');
}

static int sheet_txt(app_ctx *ctx, const appeal_record *a, const appeal_sheet *s,
		const char *path)
{
	strbuf out = STRBUF_INIT;
	char today[16];
	text_fit_pad_sb(&out, s->title, SHEET_WIDTH, TEXT_CENTER);
	sb_addc(&out, '\n');
	char *left = xasprintf(_("No. %s"), a->number);
	char *right = xasprintf(_("Printed %s"), date_format(ctx->today, today));
	text_fit_pad_sb(&out, left, SHEET_WIDTH - text_width(right), TEXT_LEFT);
	sb_add(&out, right);
	sb_addc(&out, '\n');
	free(left);
	free(right);
	sheet_rule(&out);
	for (int i = 0; i < s->n; i++)
		sheet_line(&out, s->f[i].label, s->f[i].value);
	sheet_rule(&out);
	text_fit_pad_sb(&out, s->signature, SHEET_WIDTH / 2, TEXT_LEFT);
	sb_add(&out, _("Date:"));
	sb_addc(&out, '\n');
	FILE *fp = path ? fopen(path, "w") : stdout;
	if (!fp) {
		say_error(_("%s: cannot write it"), path);
		sb_free(&out);
		return EXIT_USAGE;
	}
	fputs(sb_str(&out), fp);
	int rc = EXIT_OK;
	if (path && fclose(fp) != 0) {
		say_error(_("%s: cannot write it"), path);
		rc = EXIT_USAGE;
	}
	if (path && rc == EXIT_OK)
		printf(_("wrote the %s of %s to %s\n"), s->name, a->number, path);
	sb_free(&out);
	return rc;
}

static int sheet_xlsx(const appeal_record *a, const appeal_sheet *s, const char *path)
{
	xlsx_col cols[2] = { { _("Field"), XLSX_TEXT }, { _("Value"), XLSX_CODE } };
	strbuf err = STRBUF_INIT;
	char *title = xasprintf("%s %s", s->title, a->number);
	xlsx_table *t = xlsx_open(path, title, 2, cols, &err);
	free(title);
	if (!t) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	bool ok = true;
	for (int i = 0; i < s->n && ok; i++) {
		const char *row[2] = { s->f[i].label, s->f[i].value };
		ok = xlsx_row(t, row) == 0;
	}
	if (xlsx_close(&t, ok, &err) < 0 || !ok) {
		say_error("%s", sb_str(&err));
		sb_free(&err);
		return EXIT_USAGE;
	}
	printf(_("wrote the %s of %s to %s\n"), s->name, a->number, path);
	sb_free(&err);
	return EXIT_OK;
}

int appeal_cli_sheet_cmd(app_ctx *ctx, int argc, char **argv, const char *usage,
		appeal_sheet_fill *fill)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "txt", *path = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': path = optarg; break;
		case 'h':
			printf("%s\n", usage);
			return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	bool xlsx = strcmp(format, "xlsx") == 0;
	if (!xlsx && strcmp(format, "txt") != 0) {
		say_error(_("--format: '%s' is not one of txt, xlsx"), format);
		return EXIT_USAGE;
	}
	if (cli_operands(argc, argv, 1, _("the appeal number")))
		return EXIT_USAGE;
	appeal_record a;
	int rc = appeal_cli_load(ctx, argv[optind], false, &a);
	if (rc)
		return rc;
	appeal_sheet s = { 0 };
	if ((rc = fill(ctx, &a, &s)) == EXIT_OK) {
		char *fallback = NULL;
		if (xlsx && !path)
			path = fallback = xasprintf("%s.xlsx", a.number);
		rc = xlsx ? sheet_xlsx(&a, &s, path) : sheet_txt(ctx, &a, &s, path);
		free(fallback);
	}
	for (int i = 0; i < s.n; i++)
		free(s.f[i].value);
	appeal_record_clear(&a);
	return rc;
}

/* the dispatch sheet (交办单): what the lead unit signs for */
static int dispatch_sheet(app_ctx *ctx, const appeal_record *a, appeal_sheet *s)
{
	if (!a->lead_unit) {
		say_error(_("%s has not been dispatched: there is no dispatch sheet yet"), a->number);
		return EXIT_NO;
	}
	char d[16];
	const ticket_timer_state *h = &a->timers.t[TICKET_TIMER_HANDLE];
	s->title = _("Enterprise appeal dispatch sheet");
	s->name = _("dispatch sheet");
	s->signature = _("Signed for by (lead unit):");
	appeal_sheet_add(s, _("Appeal number"), xstrdup(a->number));
	appeal_sheet_add(s, _("Enterprise"), xstrdup(a->enterprise_name));
	appeal_sheet_add(s, _("USCC"), xstrdup(a->uscc));
	appeal_sheet_add(s, _("Title"), xstrdup(a->title));
	appeal_sheet_add(s, _("Description"), xstrdup(a->description));
	appeal_sheet_add(s, _("Kind"), xstrdup(_(ticket_kind_label(a->kind))));
	appeal_sheet_add(s, _("Channel"), xstrdup(_(appeal_channel_label(a->channel))));
	appeal_sheet_add(s, _("Registered at"), xstrdup(a->created_at));
	appeal_sheet_add(s, _("First-responsible unit"), xstrdup(a->first_unit));
	appeal_sheet_add(s, _("First-responsible person"), xstrdup(*a->first_name
		? a->first_name : a->first_login));
	appeal_sheet_add(s, _("Dispatched by"), xstrdup(app_appeal_centre(ctx)));
	appeal_sheet_add(s, _("Lead or host unit"), xstrdup(a->lead_unit));
	appeal_sheet_add(s, _("Related units"), appeal_cli_joined(a->related, a->nrelated));
	appeal_sheet_add(s, _("Dispatched on"), xstrdup(appeal_cli_date(h->start, d)));
	appeal_sheet_add(s, _("Handling deadline"), h->days > 0
		? xasprintf(P_("%s (%d working day)", "%s (%d working days)", h->days),
		            appeal_cli_date(h->due, d), h->days)
		: xstrdup(appeal_cli_date(h->due, d)));
	return EXIT_OK;
}

int appeal_cmd_sheet(app_ctx *ctx, int argc, char **argv)
{
	return appeal_cli_sheet_cmd(ctx, argc, argv,
		_("usage: qifu appeal sheet N --format txt|xlsx [--output FILE]"), dispatch_sheet);
}
