#!/usr/bin/python3
# Generates data/holidays/statutory.tsv: the statutory public-holiday rest days of
# China (法定节假日) year by year, for the years the State Council has not yet
# published its annual 放假安排 notice (data/holidays/YYYY.txt). Only the days the
# law names are listed: no bridging days, no make-up working days (调休), which
# only a notice can decide.
#
# Runs under Debian's /usr/bin/python3 with python3-ephem (PyEphem 4.1.4); the
# output is deterministic, so `--check` proves the committed table matches.
"""usage: gen-statutory.py [--from YEAR] [--to YEAR] [-o OUT | --check FILE]"""

import argparse
import datetime
import difflib
import re
import sys

try:
    import ephem
except ImportError:
    ephem = None

# The rest days, 《全国年节及纪念日放假办法》 article 2 as amended by 国务院令第795号
# (2024-11-10, in force 2025-01-01). The law calls 元旦 "新年"; the name here is the
# one the State Council notices and data/holidays/YYYY.txt use. Each day is
#   ('solar', month, day)           a Gregorian date
#   ('lunar', month, day, offset)   a date of the Chinese calendar plus `offset`
#                                   days (除夕, the last day of month 12, is the
#                                   day before 正月初一)
#   ('term', longitude)             the day of a solar term (节气): the apparent
#                                   longitude of the Sun reaches `longitude` degrees
# Rows for one date are written in this table's order.
RULES = (
    # name      days                                         the law's words
    ('元旦',   (('solar', 1, 1),),                           '1月1日'),
    ('春节',   (('lunar', 1, 1, -1),                         # 除夕
                ('lunar', 1, 1, 0), ('lunar', 1, 2, 0), ('lunar', 1, 3, 0)),
                                                             '农历除夕、正月初一至初三'),
    ('清明节', (('term', 15),),                              '农历清明当日'),
    ('劳动节', (('solar', 5, 1), ('solar', 5, 2)),           '5月1日、2日'),
    ('端午节', (('lunar', 5, 5, 0),),                        '农历端午当日'),
    ('中秋节', (('lunar', 8, 15, 0),),                       '农历中秋当日'),
    ('国庆节', (('solar', 10, 1), ('solar', 10, 2), ('solar', 10, 3)),
                                                             '10月1日至3日'),
)

DEFAULT_FROM = 2025   # the amended rules apply from 2025-01-01
DEFAULT_TO = 2040

# GB/T 33661-2017 keeps the calendar in Beijing time (UTC+8), not local mean time:
# every instant is shifted by +8 h before its civil date is taken.
UTC_OFFSET_HOURS = 8

# Astronomy. PyEphem's C core, libastro (from XEphem), computes the Sun from VSOP87
# (version D, the Earth's heliocentric position on the mean ecliptic and equinox
# of date, reduced to FK5) and the Moon from S. L. Moshier's analytical lunar
# theory (libastro moon.c, fitted to JPL DE404, peak residual 0.4" in longitude
# over 1500-2500) - not from ELP2000-82b, as is sometimes said. Both are good to
# about 1" here: about 25 s of solar motion, 2 s of the Moon's motion relative to
# the Sun. Body.compute(date) with a bare date sets g_ra/g_dec, the apparent
# geocentric place: the mean-of-date position rotated to the equator with the mean
# obliquity, then nutation (IAU 1980) and annual aberration applied (aberration
# is skipped for the Moon, which travels with the Earth). Converting g_ra/g_dec
# back to ecliptic coordinates of the date (ephem.Ecliptic with epoch = date,
# which rotates by the mean obliquity) yields the apparent ecliptic longitude:
# true equinox of date, nutation in longitude and aberration (-20.5") included.
# Using the mean rather than the true obliquity moves the longitude of a point on
# the ecliptic only to second order (< 0.001"). ephem.next_new_moon() converts
# g_ra/g_dec the same way and finds the instant the two apparent longitudes are
# equal. ephem.Date is UT; libastro adds ΔT itself.

SECOND = 1.0 / 86400          # in days, the unit of ephem.Date
SUN_MOTION = 360 / 365.2422   # mean degrees per day, for first guesses only


def sun_longitude(date):
    """Apparent geocentric ecliptic longitude of the Sun, degrees in [0, 360)."""
    sun = ephem.Sun(date)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=date), epoch=date)
    return ecl.lon / ephem.degree % 360.0


def offset(longitude, target):
    """longitude - target, wrapped into [-180, 180)."""
    return (longitude - target + 180.0) % 360.0 - 180.0


def term_instant(target, near):
    """The instant (ephem.Date, UT) within a few days of `near` at which the Sun's
    apparent longitude is `target` degrees, by bisection to under a second."""
    guess = float(near) - offset(sun_longitude(near), target) / SUN_MOTION
    lo, hi = guess - 3, guess + 3
    assert offset(sun_longitude(lo), target) < 0 < offset(sun_longitude(hi), target)
    while hi - lo > SECOND:
        mid = (lo + hi) / 2
        if offset(sun_longitude(mid), target) < 0:
            lo = mid
        else:
            hi = mid
    return ephem.Date(hi)


def beijing_date(instant):
    """The civil date in Beijing (UTC+8) of an ephem.Date instant."""
    dt = ephem.Date(instant + UTC_OFFSET_HOURS * ephem.hour).datetime()
    return dt.date()


class Ephemeris:
    """New moons and principal terms (中气) over a span of years, in Beijing time."""

    def __init__(self, first_year, last_year):
        start = ephem.Date((first_year - 1, 10, 1))
        end = ephem.Date((last_year + 1, 2, 1))
        self.new_moons = []            # (ephem.Date UT, Beijing date)
        d = ephem.previous_new_moon(start)
        while d < end:
            self.new_moons.append((d, beijing_date(d)))
            d = ephem.next_new_moon(d + 1)
        # principal terms: longitudes 0, 30, ..., 330; searched month by month
        self.principal = []            # (longitude, ephem.Date UT, Beijing date)
        lon = (int(sun_longitude(start)) // 30 + 1) * 30 % 360
        guess = float(start) + offset(lon, sun_longitude(start)) % 360 / SUN_MOTION
        while guess < end:
            t = term_instant(lon, ephem.Date(guess))
            self.principal.append((lon, t, beijing_date(t)))
            lon = (lon + 30) % 360
            guess = float(t) + 30 / SUN_MOTION

    def winter_solstice(self, year):
        """Beijing date of 冬至 (270°) in December of `year`."""
        for lon, t, day in self.principal:
            if lon == 270 and day.year == year:
                return day
        raise ValueError('no winter solstice computed for %d' % year)

    def month_eleven(self, year):
        """Index in new_moons of the month that contains the winter solstice of
        `year` (a month runs from its new-moon day to the day before the next):
        month 11."""
        solstice = self.winter_solstice(year)
        i = max(i for i, (_, day) in enumerate(self.new_moons) if day <= solstice)
        assert self.new_moons[i + 1][1] > solstice
        return i

    def months(self, year):
        """The months from month 11 of year-1 (the one holding its December
        solstice) up to, not including, month 11 of `year`, numbered as GB/T
        33661-2017 does: 12 months are numbered 11, 12, 1, ..., 10; of 13, the
        first without a principal term is the leap month and repeats the number
        of the month before it. A list of (number, leap, first day, days)."""
        first, last = self.month_eleven(year - 1), self.month_eleven(year)
        starts = [day for _, day in self.new_moons[first:last + 1]]
        count = last - first                       # 12, or 13 in a leap year
        assert count in (12, 13), (year, count)
        principal_days = [day for _, _, day in self.principal]
        result = []
        number, leap_found = 10, False
        for k in range(count):
            begin, end = starts[k], starts[k + 1]
            has_principal = any(begin <= d < end for d in principal_days)
            if count == 13 and not leap_found and not has_principal:
                leap_found = True                  # keeps the previous number
                result.append((number, True, begin, (end - begin).days))
            else:
                number = number % 12 + 1
                result.append((number, False, begin, (end - begin).days))
        assert number == 10 and (count == 12 or leap_found), (year, result)
        return result

    def lunar_date(self, year, month, day):
        """Gregorian date of day `day` of (non-leap) month `month` (1-10) of the
        Chinese year whose 正月 falls in Gregorian `year`."""
        if not 1 <= month <= 10:
            # months 11 and 12 of this span belong to the previous Chinese year
            raise ValueError('lunar month %d is not supported' % month)
        for number, leap, begin, days in self.months(year):
            if number == month and not leap:
                assert 1 <= day <= days
                return begin + datetime.timedelta(days=day - 1)
        raise AssertionError((year, month))

    @staticmethod
    def term_date(year, longitude):
        """Beijing date of the solar term at `longitude` degrees in `year`."""
        # the Sun is at longitude L about (L - 280)/0.9856 days after 1 January
        near = ephem.Date((year, 1, 1)) + offset(longitude, 280) % 360 / SUN_MOTION
        return beijing_date(term_instant(longitude, near))


def rest_days(eph, year):
    """The (date, holiday) rows of `year`'s rules, sorted by date then rule order."""
    rows = []
    for order, (name, days, _) in enumerate(RULES):
        for spec in days:
            if spec[0] == 'solar':
                date = datetime.date(year, spec[1], spec[2])
            elif spec[0] == 'lunar':
                date = eph.lunar_date(year, spec[1], spec[2])
                date += datetime.timedelta(days=spec[3])
            elif spec[0] == 'term':
                date = eph.term_date(year, spec[1])
            else:
                raise ValueError(spec)
            assert date.year == year, (name, date)
            rows.append((date, order, name))
    rows.sort()
    return [(date, name) for date, _, name in rows]


def rules_text():
    return ['#   %s %d day%s (%s)' % (name, len(days), 's' if len(days) > 1 else '', words)
            for name, days, words in RULES]


def generate(first, last):
    eph = Ephemeris(first, last)
    out = [
        '# 法定节假日（全体公民放假的节日）的放假日：没有国务院放假安排通知的年份用。',
        '# Statutory public-holiday rest days of China, for years without a State Council',
        '# notice; no bridging days or make-up working days (调休), which only a notice sets.',
        '# generated by scripts/gen-statutory.py; do not edit',
        '# years: %d-%d' % (first, last),
        '# law: 《全国年节及纪念日放假办法》 art. 2, as amended by 国务院令第795号',
        '#   (2024-11-10, in force 2025-01-01); rules:',
    ] + rules_text() + [
        '# lunar calendar: GB/T 33661-2017《农历的编算和颁行》, Beijing time (UTC+8)',
        '# ephemeris: PyEphem %s / libastro: Sun VSOP87, Moon S. L. Moshier\'s theory'
        % ephem.__version__,
        '#   (fitted to JPL DE404; not ELP2000-82b); apparent geocentric longitudes',
        '# a date with two holidays (中秋节 and 国庆节) has one row for each',
        'year\tholiday\tdate',
    ]
    for year in range(first, last + 1):
        for date, name in rest_days(eph, year):
            out.append('%d\t%s\t%s' % (date.year, name, date.isoformat()))
    return '\n'.join(out) + '\n'


def header_years(text):
    m = re.search(r'^# years: (\d{4})-(\d{4})\r?$', text, re.M)
    return (int(m.group(1)), int(m.group(2))) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--from', dest='first', type=int, help='first year (default %d)'
                    % DEFAULT_FROM)
    ap.add_argument('--to', dest='last', type=int, help='last year (default %d)'
                    % DEFAULT_TO)
    g = ap.add_mutually_exclusive_group()
    g.add_argument('-o', '--output', help='write the table here (default: stdout)')
    g.add_argument('--check', metavar='FILE',
                   help='exit 1 with a diff if FILE differs from what would be '
                        'generated for the years its header names, 77 (skipped) '
                        'if PyEphem is missing')
    args = ap.parse_args()

    if ephem is None:
        print('gen-statutory: PyEphem not found (Debian package python3-ephem; '
              'run with /usr/bin/python3)', file=sys.stderr)
        return 77 if args.check else 1

    if args.check:
        with open(args.check, encoding='utf-8', newline='') as f:
            old = f.read()
        years = header_years(old)
        if years is None:
            print('gen-statutory: %s has no "# years: FIRST-LAST" line' % args.check,
                  file=sys.stderr)
            return 1
        first = args.first if args.first is not None else years[0]
        last = args.last if args.last is not None else years[1]
    else:
        first = args.first if args.first is not None else DEFAULT_FROM
        last = args.last if args.last is not None else DEFAULT_TO
    if not 1901 <= first <= last <= 2099:
        ap.error('years must satisfy 1901 <= --from <= --to <= 2099')

    text = generate(first, last)

    if args.check:
        if old != text:
            sys.stdout.writelines(difflib.unified_diff(
                old.splitlines(keepends=True), text.splitlines(keepends=True),
                args.check, 'gen-statutory.py --from %d --to %d' % (first, last)))
            print('gen-statutory: %s is out of date' % args.check, file=sys.stderr)
            return 1
        return 0
    if args.output:
        with open(args.output, 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)
        print('gen-statutory: wrote %s (%d-%d)' % (args.output, first, last),
              file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
