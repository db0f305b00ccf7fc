/* Template columns, row conversion and the fault rule for enterprise imports. */
#include "model/ent_import.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

/* the column headers are the file format (data/templates/enterprises.csv), the same
 * whatever language the program speaks */
static const struct { const char *header; bool required; } columns[ENT_F__COUNT] = {
	[ENT_F_NAME] = { "企业名称", true },
	[ENT_F_USCC] = { "统一社会信用代码", true },
	[ENT_F_AREA] = { "所属区域", true },
	[ENT_F_CATEGORY] = { "企业类别", true },
	[ENT_F_GROUP] = { "所属系", false },
	[ENT_F_AVIATION] = { "航空类", false },
	[ENT_F_INTRODUCED] = { "引进单位", false },
	[ENT_F_ADDRESS] = { "地址", false },
	[ENT_F_LEGAL_REP] = { "法定代表人", false },
	[ENT_F_CONTACT] = { "联系人", false },
	[ENT_F_PHONE] = { "联系电话", false },
	[ENT_F_COMMISSIONER] = { "服务专员", false },
};

const char *ent_field_header(ent_field f)
{
	return f > ENT_F_NONE && f < ENT_F__COUNT ? columns[f].header : NULL;
}

bool ent_field_required(ent_field f)
{
	return f > ENT_F_NONE && f < ENT_F__COUNT && columns[f].required;
}

int import_map_header(import_map *m, const char *const *fields, int n, strbuf *err,
                      strbuf *ignored)
{
	for (int f = 0; f < ENT_F__COUNT; f++)
		m->col[f] = -1;
	m->ncols = n;
	for (int i = 0; i < n; i++) {
		/* people type headers with stray spaces and full-width spaces */
		char *h = text_trim(fields[i]);
		int found = -1;
		for (int f = ENT_F_NAME; f < ENT_F__COUNT; f++)
			if (strcmp(h, columns[f].header) == 0)
				found = f;
		if (found < 0) {
			if (ignored && *h)
				sb_addf(ignored, "%s%s", ignored->len ? "、" : "", h);
		} else if (m->col[found] >= 0) {
			sb_addf(err, _("column %s appears twice (columns %d and %d)"), h,
			        m->col[found] + 1, i + 1);
			free(h);
			return -1;
		} else {
			m->col[found] = i;
		}
		free(h);
	}
	bool missing = false;
	for (int f = ENT_F_NAME; f < ENT_F__COUNT; f++)
		if (columns[f].required && m->col[f] < 0) {
			if (!missing)
				sb_add(err, _("missing required columns: "));
			else
				sb_add(err, "、");
			sb_add(err, columns[f].header);
			missing = true;
		}
	return missing ? -1 : 0;
}

static const char *cell(const import_map *m, const char *const *fields, ent_field f)
{
	return m->col[f] >= 0 ? fields[m->col[f]] : "";
}

int import_row(const import_map *m, const char *const *fields, int n, ent_record *e,
               char **commissioner, ent_field *bad, strbuf *err)
{
	ent_record_clear(e);
	*commissioner = NULL;
	*bad = ENT_F_NONE;
	if (n != m->ncols) {
		sb_addf(err, _("the row has %d fields but the header has %d"), n, m->ncols);
		return -1;
	}
	e->name = xstrdup(cell(m, fields, ENT_F_NAME));
	e->uscc = xstrdup(cell(m, fields, ENT_F_USCC));
	e->area = xstrdup(cell(m, fields, ENT_F_AREA));
	e->category = xstrdup(cell(m, fields, ENT_F_CATEGORY));
	e->group = xstrdup(cell(m, fields, ENT_F_GROUP));
	e->introduced_by = xstrdup(cell(m, fields, ENT_F_INTRODUCED));
	e->address = xstrdup(cell(m, fields, ENT_F_ADDRESS));
	e->legal_rep = xstrdup(cell(m, fields, ENT_F_LEGAL_REP));
	e->contact = xstrdup(cell(m, fields, ENT_F_CONTACT));
	e->phone = xstrdup(cell(m, fields, ENT_F_PHONE));
	char *aviation = text_trim(cell(m, fields, ENT_F_AVIATION));
	/* TRUE and FALSE: a spreadsheet's booleans as Excel and WPS show them */
	static const char *const yes[] = { "是", "Y", "y", "1", "yes", "Yes", "YES", "TRUE", "true" };
	static const char *const no[] = { "否", "N", "n", "0", "no", "No", "NO", "", "FALSE", "false" };
	int v = -1;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcmp(aviation, yes[i]) == 0)
			v = 1;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcmp(aviation, no[i]) == 0)
			v = 0;
	if (v < 0) {
		sb_addf(err, _("'%s' is not 是 or 否"), aviation);
		*bad = ENT_F_AVIATION;
		free(aviation);
		return -1;
	}
	free(aviation);
	e->aviation = v == 1;
	*commissioner = text_trim(cell(m, fields, ENT_F_COMMISSIONER));
	return 0;
}

import_outcome import_fault_outcome(ent_field f, import_fault fault)
{
	/* an export carries the commissioner's login, which another database need not
	 * have: the enterprise still belongs in the register, its commissioner is
	 * assigned there. A wrong, lost or duplicated value would put a wrong record in. */
	if (fault == IMPORT_FAULT_UNKNOWN && f > ENT_F_NONE && f < ENT_F__COUNT &&
	    !ent_field_required(f))
		return IMPORT_WARN_EMPTY;
	return IMPORT_REFUSE;
}

bool import_commits(ent_import_mode mode, long nbad)
{
	return mode == ENT_IMPORT_GOOD || (mode == ENT_IMPORT_ALL && nbad == 0);
}

void import_lines_add(import_lines *m, long line)
{
	long k = m->count++;
	if (m->n && line == m->line[m->n - 1] + (k - m->start[m->n - 1]))
		return;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->start = xrealloc(m->start, sizeof *m->start * (size_t)m->cap);
		m->line = xrealloc(m->line, sizeof *m->line * (size_t)m->cap);
	}
	m->start[m->n] = k;
	m->line[m->n++] = line;
}

long import_lines_get(const import_lines *m, long k)
{
	if (k < 0 || k >= m->count)
		return 0;
	/* the last run that starts at or before k */
	long lo = 0, hi = m->n - 1;
	while (lo < hi) {
		long mid = (lo + hi + 1) / 2;
		if (m->start[mid] <= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	return m->line[lo] + (k - m->start[lo]);
}

void import_lines_free(import_lines *m)
{
	free(m->start);
	free(m->line);
	*m = (import_lines){ 0 };
}
