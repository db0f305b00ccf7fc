/* Day-number calendar arithmetic (Howard Hinnant's civil-from-days algorithms). */
#include "core/date.h"

#include "core/i18n.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

qdate date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (qdate)(era * 146097 + doe - 719468);
}

void date_to_ymd(qdate z, int *y, int *m, int *d)
{
	int zz = z + 719468;
	int era = (zz >= 0 ? zz : zz - 146096) / 146097;
	int doe = zz - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (mm <= 2);
	*m = mm;
	*d = dd;
}

int date_year(qdate d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y;
}

int date_weekday(qdate d)
{
	/* 1970-01-01 was a Thursday (4) */
	int w = (int)((d % 7 + 7 + 3) % 7);
	return w + 1;
}

bool date_is_weekend(qdate d)
{
	return date_weekday(d) >= 6;
}

bool date_parse(const char *s, qdate *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

char *date_format(qdate d, char *buf)
{
	int y, m, dd;
	char tmp[32];
	date_to_ymd(d, &y, &m, &dd);
	/* every event's time is formatted: digits by hand where snprintf would give the
	 * same (it was 3.5% of `demo --appeals 200000`); anything odd still goes to it */
	if (y >= 0 && y <= 9999 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
		buf[0] = (char)('0' + y / 1000);
		buf[1] = (char)('0' + y / 100 % 10);
		buf[2] = (char)('0' + y / 10 % 10);
		buf[3] = (char)('0' + y % 10);
		buf[4] = '-';
		buf[5] = (char)('0' + m / 10);
		buf[6] = (char)('0' + m % 10);
		buf[7] = '-';
		buf[8] = (char)('0' + dd / 10);
		buf[9] = (char)('0' + dd % 10);
		buf[10] = '\0';
		return buf;
	}
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m, dd);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
	return buf;
}

qdate date_system_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

const char *date_weekday_name(qdate d)
{
	static const char *const names[7] = {
		N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
	};
	return names[date_weekday(d) - 1];
}
