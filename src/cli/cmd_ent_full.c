/* qifu enterprise show USCC --full: after the register entry, what the 360 view shows
 * (app/ent_view.h, the same sections with the same words), as a table, CSV or JSON.
 * The CSV is one long table, header section,item,step,field,value: a row per field of
 * the entry (section "enterprise") and of each record (item its place in the section,
 * from 1; step the place of a financing need's history step under it, else empty).
 * The JSON is one object: "enterprise" (the object of show --format json), then an
 * array per section, each financing need carrying its steps in "history". */
#include "cli/cmd_enterprise.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/ent_view.h"
#include "app/enterprise_list.h"
#include "cli/output.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/xalloc.h"

/* ---- table: the view's lines ---- */

static void table_section(void *arg, const char *key, const char *heading)
{
	printf("\n[%s]\n", heading);
}

static void table_item(void *arg, int level, const char *text, const app_kv *kv, int nkv)
{
	printf("%s- %s\n", level ? "    " : "  ", text);
}

static void table_field(void *arg, const char *label, const char *value)
{
	printf("  %s  %s\n", label, value);
}

static void table_note(void *arg, const char *text)
{
	printf("  %s\n", text);
}

/* ---- CSV: section,item,step,field,value ---- */

typedef struct csv_state {
	csv_writer *w;
	const char *section;
	int item, step;
} csv_state;

static void csv_field_row(csv_state *c, const char *key, const char *value)
{
	char item[16] = "", step[16] = "";
	if (c->item)
		snprintf(item, sizeof item, "%d", c->item);
	if (c->step)
		snprintf(step, sizeof step, "%d", c->step);
	const char *row[] = { c->section, item, step, key, value };
	csvw_row(c->w, row, 5);
}

static void csv_section(void *arg, const char *key, const char *heading)
{
	csv_state *c = arg;
	c->section = key;
	c->item = c->step = 0;
}

static void csv_item(void *arg, int level, const char *text, const app_kv *kv, int nkv)
{
	csv_state *c = arg;
	if (level == 0) {
		c->item++;
		c->step = 0;
	} else {
		c->step++;
	}
	for (int i = 0; i < nkv; i++)
		csv_field_row(c, kv[i].key, kv[i].value);
}

/* figures and remarks are words for people: the files have the records */
static void csv_words(void *arg, const char *label, const char *value)
{
}

static void csv_note(void *arg, const char *text)
{
}

/* ---- JSON: one object, an array per section ---- */

typedef struct json_state {
	bool in_section, in_item, in_history;
	int items, steps;
} json_state;

static void json_object(const app_kv *kv, int nkv)
{
	fputc('{', stdout);
	for (int i = 0; i < nkv; i++) {
		if (i)
			fputs(", ", stdout);
		out_json_string(stdout, kv[i].key);
		fputs(": ", stdout);
		out_json_string(stdout, kv[i].value);
	}
}

/* close what the last record left open */
static void json_close_item(json_state *j)
{
	if (j->in_history)
		fputc(']', stdout);
	if (j->in_item)
		fputc('}', stdout);
	j->in_item = j->in_history = false;
}

static void json_section(void *arg, const char *key, const char *heading)
{
	json_state *j = arg;
	json_close_item(j);
	if (j->in_section)
		fputs("\n  ]", stdout);
	fputs(",\n  ", stdout);
	out_json_string(stdout, key);
	fputs(": [", stdout);
	j->in_section = true;
	j->items = 0;
}

static void json_item(void *arg, int level, const char *text, const app_kv *kv, int nkv)
{
	json_state *j = arg;
	if (level == 0) {
		json_close_item(j);
		fputs(j->items++ ? ",\n    " : "\n    ", stdout);
		json_object(kv, nkv);
		j->in_item = true;
		j->steps = 0;
		return;
	}
	if (!j->in_history) {
		fputs(", \"history\": [", stdout);
		j->in_history = true;
	}
	if (j->steps++)
		fputs(", ", stdout);
	json_object(kv, nkv);
	fputc('}', stdout);
}

static void json_end(json_state *j)
{
	json_close_item(j);
	if (j->in_section)
		fputs(j->items ? "\n  ]" : "]", stdout);
	fputs("\n}\n", stdout);
}

/* the entry as show --format json prints it, without its newline: 0, or -1 when
 * there is no memory to build it in */
static int json_entry(const ent_record *e, const catalog *cat)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		say_error("%s", _("out of memory"));
		return -1;
	}
	out_table *t = out_new(app_ent_columns, ENT_COL__COUNT);
	ent_show_row(t, e, cat);
	out_print(t, OUT_JSON, true, mem);
	out_free(&t);
	fclose(mem);
	while (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	printf("{\n  \"enterprise\": %s", buf);
	free(buf);
	return 0;
}

int ent_full_print(app_ctx *ctx, const ent_record *e, out_format fmt)
{
	const catalog *cat = app_ent_rules(ctx)->cat;
	if (fmt == OUT_TABLE) {
		const app_ent_sink s = { table_section, table_item, table_field, table_note, NULL };
		app_ent_records(ctx, e, e->open_appeals, &s);
		return EXIT_OK;
	}
	if (fmt == OUT_CSV) {
		csv_state c = { csvw_open_fp(stdout, false), "enterprise", 0, 0 };
		const char *header[] = { "section", "item", "step", "field", "value" };
		csvw_row(c.w, header, 5);
		for (int i = 0; i < ENT_COL__COUNT; i++) {
			const app_column *col = &app_ent_columns[i];
			if (!col->key)
				continue;
			strbuf v = STRBUF_INIT;
			app_ent_cell(e, i, CELL_CODE, cat, &v);
			char *text = out_cell_text(col, sb_str(&v));
			csv_field_row(&c, col->key, text);
			free(text);
			sb_free(&v);
		}
		const app_ent_sink s = { csv_section, csv_item, csv_words, csv_note, &c };
		app_ent_records(ctx, e, e->open_appeals, &s);
		strbuf err = STRBUF_INIT;
		int rc = csvw_close(&c.w, true, &err);
		sb_free(&err);
		return rc < 0 ? EXIT_USAGE : EXIT_OK;
	}
	json_state j = { 0 };
	if (json_entry(e, cat) < 0)
		return EXIT_USAGE;
	const app_ent_sink s = { json_section, json_item, csv_words, csv_note, &j };
	app_ent_records(ctx, e, e->open_appeals, &s);
	json_end(&j);
	return EXIT_OK;
}
