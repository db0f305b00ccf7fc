/* libFuzzer target for the policy data files (src/policy): the first byte picks the
 * reader (a holiday notice YYYY.txt, the statutory table, units, pools, inspection
 * reasons, routing, the projects' units or items against the shipped units), the rest
 * is the file. Beyond "does not crash": a refused file always says why, and a notice
 * that is read builds a calendar whose every day of the year answers with a kind. */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "policy/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void notice(const uint8_t *data, size_t size, int year)
{
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f)
		return; /* fmemopen refuses an empty buffer */
	holiday_year hy;
	memset(&hy, 0, sizeof hy);
	strbuf err = STRBUF_INIT;
	if (policy_holiday_parse(f, "fuzz.txt", year, &hy, &err) == 0) {
		calendar *cal = calendar_build(&hy, 1, NULL, 0);
		qdate first = date_from_ymd(hy.year, 1, 1);
		for (int i = 0; cal && i < 366; i++) {
			const char *name = NULL;
			day_kind k = calendar_day(cal, first + i, &name);
			if ((k == DAY_HOLIDAY || k == DAY_MAKEUP_WORKDAY) && !name)
				abort();
		}
		calendar_free(&cal);
	} else if (err.len == 0) {
		abort();
	}
	holiday_year_clear(&hy);
	sb_free(&err);
	fclose(f);
}

/* the units the zone ships: what routing and project rows are checked against */
static const unit_table *shipped_units(void)
{
	static unit_table units;
	static int units_ok = -1;
	if (units_ok < 0) {
		strbuf e = STRBUF_INIT;
		units_ok = policy_units_load(&units, QIFU_FUZZ_DATA "/units.tsv", &e) == 0;
		sb_free(&e);
	}
	if (!units_ok)
		abort();
	return &units;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int which = data[0] % 8;
	data++, size--;
	if (which == 0) {
		notice(data, size, size && (data[size - 1] & 1) ? 2026 : 0);
		return 0;
	}
	char path[64];
	int fd = fuzz_file(data, size, path);
	strbuf err = STRBUF_INIT;
	int rc = 0;
	switch (which) {
	case 1: {
		holiday_year *hy = NULL;
		int n = 0;
		rc = policy_statutory_load(path, &hy, &n, &err);
		if (rc == 0) {
			calendar *cal = calendar_build(NULL, 0, hy, n);
			calendar_free(&cal);
		}
		holiday_years_free(hy, n);
		break;
	}
	case 2: {
		unit_table t;
		memset(&t, 0, sizeof t);
		rc = policy_units_load(&t, path, &err);
		units_free(&t);
		break;
	}
	case 3: {
		pool_table t;
		memset(&t, 0, sizeof t);
		rc = policy_pools_load(&t, path, &err);
		pools_free(&t);
		break;
	}
	case 4: {
		inspection_reason_table *t = policy_reasons_load(path, &err);
		rc = t ? 0 : -1;
		inspection_reason_table_free(&t);
		break;
	}
	case 5: {
		routing r;
		memset(&r, 0, sizeof r);
		rc = policy_routing_load(&r, path, shipped_units(), &err);
		routing_free(&r);
		break;
	}
	case 6: case 7: {
		/* the projects' units file (6) or items file (7), the other as shipped */
		project_rules r;
		rc = which == 6
			? policy_project_load(&r, path, QIFU_FUZZ_DATA "/project_items.tsv",
			                      shipped_units(), &err)
			: policy_project_load(&r, QIFU_FUZZ_DATA "/project_units.tsv", path,
			                      shipped_units(), &err);
		if (rc == 0)
			project_rules_free(&r);
		break;
	}
	}
	if (rc < 0 && err.len == 0)
		abort();
	sb_free(&err);
	close(fd);
	return 0;
}
