/* libFuzzer target for dates as people type them (core/datein.c) and as options take
 * them (date_parse). Beyond "does not crash": a date read lies in the years a typed
 * date may name, a month alone names its first day, the numbers read agree with the
 * date, and date_parse reads back what date_format writes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_file.h"
#include "core/datein.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size);
	qdate d = 0;
	int y = -1, m = -1, day = -1;
	datein_status st = datein_parse(s, &d, &y, &m, &day);
	if (st == DATEIN_DAY || st == DATEIN_MONTH) {
		int yy, mm, dd;
		date_to_ymd(d, &yy, &mm, &dd);
		if (yy < DATEIN_YEAR_MIN || yy > DATEIN_YEAR_MAX || yy != y || mm != m)
			abort();
		if (st == DATEIN_MONTH ? dd != 1 : dd != day)
			abort();
		char buf[16];
		qdate back;
		if (!date_parse(date_format(d, buf), &back) || back != d)
			abort();
	} else if (st > DATEIN_BAD_DAY) {
		abort();
	}
	qdate p;
	if (date_parse(s, &p)) {
		char buf[16];
		qdate back;
		if (!date_parse(date_format(p, buf), &back) || back != p)
			abort();
	}
	free(s);
	return 0;
}
