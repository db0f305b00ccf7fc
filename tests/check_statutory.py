#!/usr/bin/env python3
# Checks data/holidays/statutory.tsv, the statutory rest days that
# scripts/gen-statutory.py computes from an ephemeris, against sources that do not
# share its code: published calendars for the lunar-calendar and solar-term dates,
# the law's fixed dates and day counts, and the State Council notices in the data
# directory. Standard library only.
"""usage: check_statutory.py PATH/TO/statutory.tsv PATH/TO/data/holidays"""

import datetime
import os
import re
import sys

# Holidays in the order the generator writes rows for one date, with the number
# of rest days 《全国年节及纪念日放假办法》 (amended 2024, in force 2025) gives each.
HOLIDAYS = ('元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节')
DAYS = {'元旦': 1, '春节': 4, '清明节': 1, '劳动节': 2, '端午节': 1, '中秋节': 1,
        '国庆节': 3}
FIXED = {'元旦': ((1, 1),), '劳动节': ((5, 1), (5, 2)),
         '国庆节': ((10, 1), (10, 2), (10, 3))}

# Published dates, typed in from the Hong Kong Observatory's Gregorian-Lunar
# Calendar Conversion Tables (https://www.hko.gov.hk/en/gts/time/conversion.htm,
# 1901-2100; the HKO computes them with HM Nautical Almanac Office / USNO data and
# they agree with the Purple Mountain Observatory's official almanac):
#   year: (春节 = 正月初一, 清明 (Bright & Clear), 端午 = 五月初五, 中秋 = 八月十五)
# Cross-checked against the widely copied 1900-2100 "lunarInfo" month-length
# table (calendar.js and its many copies), which agrees on every 春节, 端午 and
# 中秋 here except 2033: that table puts the leap month after month 7 of 2033
# (中秋 2033-10-07). Under GB/T 33661-2017 the year from month 11 of 2032 to
# month 11 of 2033 has only 12 months, so it has no leap month even though one of
# them lacks a principal term; the leap month is 闰十一月 of 2033 (from
# 2033-12-22), 中秋 2033 is 2033-09-08 and 春节 2034 is 2034-02-19, as the HKO
# and the Purple Mountain Observatory publish. 2030-02-03 (new moon at 00:07
# Beijing time) and 2027-02-06 (new moon at 23:56) are the closest calls: folk
# calendars computed with older theories or another time zone can differ there.
REFERENCE = {
    2025: ('2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'),
    2026: ('2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'),
    2027: ('2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'),
    2028: ('2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'),
    2029: ('2029-02-13', '2029-04-04', '2029-06-16', '2029-09-22'),
    2030: ('2030-02-03', '2030-04-05', '2030-06-05', '2030-09-12'),
    2031: ('2031-01-23', '2031-04-05', '2031-06-24', '2031-10-01'),
    2032: ('2032-02-11', '2032-04-04', '2032-06-12', '2032-09-19'),
    2033: ('2033-01-31', '2033-04-04', '2033-06-01', '2033-09-08'),
    2034: ('2034-02-19', '2034-04-05', '2034-06-20', '2034-09-27'),
    2035: ('2035-02-08', '2035-04-05', '2035-06-10', '2035-09-16'),
    2036: ('2036-01-28', '2036-04-04', '2036-05-30', '2036-10-04'),
}

# For years past REFERENCE: the extremes over 1901-2099 (正月初一 1/21 in 1966 and
# 2/20 in 1985, 端午 5/27 in 2039 and 6/26 in 1906, 中秋 9/7 in 2052 and 10/8 in
# 1919), as the generator computes them (the lunarInfo table agrees for 1901-2049).
BOUNDS = {'春节': ((1, 21), (2, 20)), '清明节': ((4, 4), (4, 6)),
          '端午节': ((5, 27), (6, 26)), '中秋节': ((9, 7), (10, 8))}

HEADER = 'year\tholiday\tdate'


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, message):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print('FAIL: ' + message)
        return ok


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text) if re.fullmatch(
            r'\d{4}-\d{2}-\d{2}', text) else None
    except ValueError:
        return None


def load_table(c, path):
    """{year: {holiday: [dates]}} and the header's year range."""
    with open(path, 'rb') as f:
        raw = f.read()
    c.check(b'\r' not in raw, '%s: has CR characters (want LF line ends)' % path)
    c.check(raw.endswith(b'\n'), '%s: does not end with a newline' % path)
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        c.check(False, '%s: not UTF-8: %s' % (path, e))
        return {}, None
    lines = text.split('\n')[:-1] if text.endswith('\n') else text.split('\n')
    lines = [line.rstrip('\r') for line in lines]     # CR reported above
    years = None
    table = {}
    rows = []
    header_seen = False
    for n, line in enumerate(lines, 1):
        where = '%s:%d' % (path, n)
        if line.startswith('#') and not header_seen:
            m = re.fullmatch(r'# years: (\d{4})-(\d{4})', line)
            if m:
                years = (int(m.group(1)), int(m.group(2)))
            continue
        if not header_seen:
            header_seen = c.check(line == HEADER, '%s: header %r, want %r'
                                  % (where, line, HEADER))
            if not header_seen:
                return {}, years
            continue
        fields = line.split('\t')
        if not c.check(len(fields) == 3, '%s: %d fields, want 3: %r'
                       % (where, len(fields), line)):
            continue
        year, name, date_text = fields
        date = parse_date(date_text)
        if not c.check(date is not None, '%s: bad date %r' % (where, date_text)):
            continue
        c.check(year == str(date.year), '%s: year %s but date %s' % (where, year, date))
        if not c.check(name in HOLIDAYS, '%s: unknown holiday %r' % (where, name)):
            continue
        rows.append((date, HOLIDAYS.index(name), where))
        table.setdefault(date.year, {}).setdefault(name, []).append(date)
    c.check(header_seen, '%s: no header line %r' % (path, HEADER))
    c.check(years is not None, '%s: no "# years: FIRST-LAST" comment' % path)
    c.check(rows == sorted(rows) and len(set(r[:2] for r in rows)) == len(rows),
            '%s: rows not sorted by date and holiday order, or repeated' % path)
    return table, years


def check_year(c, year, days):
    label = str(year)
    for name in HOLIDAYS:
        c.check(len(days.get(name, ())) == DAYS[name], '%s %s: %d rest days, want %d'
                % (label, name, len(days.get(name, ())), DAYS[name]))
    for name, fixed in FIXED.items():
        want = [datetime.date(year, m, d) for m, d in fixed]
        c.check(days.get(name) == want, '%s %s: %s, want %s'
                % (label, name, fmt(days.get(name)), fmt(want)))

    spring = days.get('春节', [])
    if len(spring) == 4:
        eve, first = spring[0], spring[1]
        one_day = datetime.timedelta(1)
        c.check(all(spring[i + 1] - spring[i] == one_day for i in range(3)),
                '%s 春节: %s are not four consecutive days' % (label, fmt(spring)))
        c.check(eve == first - datetime.timedelta(1),
                '%s 春节: 除夕 %s is not the day before 初一 %s' % (label, eve, first))

    lunar = {'春节': spring[1] if len(spring) == 4 else None}
    for name in ('清明节', '端午节', '中秋节'):
        lunar[name] = days[name][0] if len(days.get(name, ())) == 1 else None

    ref = REFERENCE.get(year)
    if ref:
        for name, want in zip(('春节', '清明节', '端午节', '中秋节'), ref):
            got = lunar[name]
            c.check(got is not None and got.isoformat() == want,
                    '%s %s: %s, published %s' % (label, name, got, want))
    else:
        for name, (lo, hi) in BOUNDS.items():
            got = lunar[name]
            c.check(got is not None and lo <= (got.month, got.day) <= hi,
                    '%s %s: %s outside %02d-%02d..%02d-%02d' % (label, name, got, *lo, *hi))
    # month lengths are 29 or 30 days, so 端午 is 4 months + 4 days after 初一,
    # 中秋 3 months + 10 days after 端午; one more month if a leap month intervenes
    if lunar['春节'] and lunar['端午节'] and lunar['中秋节']:
        a = (lunar['端午节'] - lunar['春节']).days
        b = (lunar['中秋节'] - lunar['端午节']).days
        c.check(120 <= a <= 124 or 149 <= a <= 154,
                '%s: 端午 %d days after 初一' % (label, a))
        c.check(97 <= b <= 100 or 126 <= b <= 130,
                '%s: 中秋 %d days after 端午' % (label, b))

    # distinct rest days: 13, less one when 中秋 falls on 1-3 October
    distinct = {d for dates in days.values() for d in dates}
    mid_autumn = parse_date(ref[3]) if ref else lunar['中秋节']
    want = 13 - (1 if mid_autumn and (10, 1) <= (mid_autumn.month, mid_autumn.day)
                 <= (10, 3) else 0)
    c.check(len(distinct) == want, '%s: %d distinct rest days, want %d'
            % (label, len(distinct), want))


def fmt(dates):
    return ','.join(d.isoformat() for d in dates) if dates else '(none)'


def load_notice(c, path, year):
    """[(first, last, {names})] of the notice's holiday lines."""
    ranges = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#') or line.startswith('notice:'):
                continue
            m = re.fullmatch(r'(holiday|workday)\s+(\S+)\s+(\S+)', line)
            if not c.check(m is not None, '%s:%d: unparsed line %r' % (path, n, line)):
                continue
            if m.group(1) != 'holiday':
                continue
            first_text, _, last_text = m.group(2).partition('..')
            first = parse_date(first_text)
            last = parse_date(last_text) if last_text else first
            if c.check(first and last and first <= last and first.year == year,
                       '%s:%d: bad range %r' % (path, n, m.group(2))):
                ranges.append((first, last, set(m.group(3).split('、'))))
    return ranges


def check_notice(c, year, days, ranges, path):
    for name in HOLIDAYS:
        for date in days.get(name, ()):
            inside = [r for r in ranges if r[0] <= date <= r[1]]
            c.check(any(name in r[2] for r in inside),
                    '%s %s %s: not inside a "holiday" range named %s in %s'
                    % (year, name, date, name, path))


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    table_path, data_dir = argv[1], argv[2]
    c = Checker()
    table, years = load_table(c, table_path)
    if years:
        first, last = years
        c.check(sorted(table) == list(range(first, last + 1)),
                '%s: years %s, header says %d-%d'
                % (table_path, ','.join(map(str, sorted(table))), first, last))
        c.check(all(y in table for y in REFERENCE if first <= y <= last)
                and first <= min(REFERENCE) and max(REFERENCE) <= last,
                '%s: does not cover the reference years %d-%d'
                % (table_path, min(REFERENCE), max(REFERENCE)))
    for year in sorted(table):
        check_year(c, year, table[year])

    notices = set()
    for entry in sorted(os.listdir(data_dir)):
        m = re.fullmatch(r'(\d{4})\.txt', entry)
        if not m or int(m.group(1)) not in table:
            continue
        year = int(m.group(1))
        path = os.path.join(data_dir, entry)
        check_notice(c, year, table[year], load_notice(c, path, year), path)
        notices.add(year)
    # the notices published when this was written; later ones are checked too
    for year in (2025, 2026):
        c.check(year in notices or year not in table,
                '%s: no State Council notice %d.txt to check %d against'
                % (data_dir, year, year))

    if c.failed:
        print('statutory: %d of %d checks failed' % (c.failed, c.failed + c.passed))
        return 1
    print('statutory: %d checks passed' % c.passed)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
