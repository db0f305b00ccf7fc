#!/usr/bin/env python3
# Generates src/core/pinyin_table.c, the toneless pinyin readings of every Han
# character that Unihan gives a Mandarin reading, from Debian's unicode-data
# (Unihan_Readings.txt.bz2). Standard library only; the output is deterministic so
# that `--check` can prove the committed table matches the data.
"""usage: gen-pinyin.py [-o OUT | --check FILE] [Unihan_Readings.txt[.bz2]]"""

import argparse
import bz2
import re
import sys
import unicodedata

DEFAULT_INPUT = '/usr/share/unicode/Unihan_Readings.txt.bz2'

# Fields from modern dictionaries, in order of preference: the first reading kept
# is the one a character gets when the variant cap leaves it no choice.
#   kMandarin    one customary reading (重 zhòng, 行 xíng, 长 zhǎng, 乐 lè)
#   kHanyuPinlu  readings ordered by corpus frequency (about 3800 common characters)
#   kXHC1983     现代汉语词典: both readings of 重 行 长 乐
#   kTGHZ2013    通用规范汉字字典: likewise
# kHanyuPinyin (汉语大字典) is used only for a character none of these cover: it
# lists classical readings nobody types (能 tái xióng, 胜 qìng, 技 qí, 重 tóng) for
# 1612 of the 8105 standard characters, which would find 能源 under "taiyuan" and
# spend the variant budget of pinyin_index_form on them. It also lacks most
# simplified forms (长, 乐).
MODERN_FIELDS = ('kMandarin', 'kHanyuPinlu', 'kXHC1983', 'kTGHZ2013')
FALLBACK_FIELD = 'kHanyuPinyin'

# Runs of covered code points closer than this are merged (the gap filled with
# "no reading"): fewer runs to search, a few more 2-byte slots.
RUN_GAP = 8

# Must match PINYIN_MAX_READINGS in src/core/pinyin.h.
MAX_READINGS = 8


def readings_of(field, value):
    """The pinyin readings (with tones) a Unihan field value lists."""
    if field == 'kHanyuPinyin':
        # 10019.020:tiàn  or  63680.020:zhòng,chóng,tóng
        return [r for part in value.split() for r in part.split(':', 1)[1].split(',')]
    if field in ('kXHC1983', 'kTGHZ2013'):
        # 0149.100:chóng 1502.040:zhòng (kXHC1983 may mark a location with *)
        return [part.split(':', 1)[1] for part in value.split()]
    if field == 'kHanyuPinlu':
        # zhòng(1823) chóng(329): already in order of frequency
        return [re.sub(r'\(\d+\)$', '', part) for part in value.split()]
    return value.split()


def toneless(reading):
    """ASCII as an IME takes it: tone marks dropped, ü typed as v."""
    s = unicodedata.normalize('NFD', reading.lower()).replace('u\u0308', 'v')
    s = ''.join(ch for ch in s if not unicodedata.combining(ch))
    if not re.fullmatch(r'[a-z]+', s):
        raise ValueError('unexpected reading %r' % reading)
    return s


def load(path):
    fields = {}
    version = None
    opener = bz2.open if path.endswith('.bz2') else open
    with opener(path, 'rt', encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\r\n')
            m = re.match(r'# Unicode version: (\S+)', line)
            if m:
                version = m.group(1)
            if not line or line.startswith('#'):
                continue
            cp, field, value = line.split('\t', 2)
            fields.setdefault(field, {})[int(cp[2:], 16)] = value
    if version is None:
        raise ValueError('%s: no "# Unicode version" line' % path)
    return fields, version


def character_readings(fields):
    """{code point: [toneless readings, preferred first, no duplicates]}"""
    table = {}
    cps = set()
    for field in MODERN_FIELDS + (FALLBACK_FIELD,):
        cps |= set(fields.get(field, {}))
    for cp in cps:
        out = []
        for field in MODERN_FIELDS:
            if cp in fields.get(field, {}):
                out += readings_of(field, fields[field][cp])
        if not out:
            out = readings_of(FALLBACK_FIELD, fields[FALLBACK_FIELD][cp])
        seen = []
        for r in out:
            t = toneless(r)
            if t not in seen:
                seen.append(t)
            # lüe/nüe: "lve" is the IME spelling, but "lue" is unambiguous (no
            # syllable lue exists) and how most people type it. lü/nü get no
            # such alias: lu and nu are other syllables (路, 努).
            if t in ('lve', 'nve') and t.replace('v', 'u') not in seen:
                seen.append(t.replace('v', 'u'))
        if len(seen) > MAX_READINGS:
            raise ValueError('U+%04X has %d readings, more than MAX_READINGS'
                             % (cp, len(seen)))
        table[cp] = seen
    return table


def make_runs(cps):
    runs = []
    for cp in sorted(cps):
        if runs and cp - runs[-1][1] <= RUN_GAP:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return runs


def wrap(items, indent='\t', width=96):
    lines, cur = [], indent
    for it in items:
        if len(cur) + len(it) + 2 > width and cur.strip():
            lines.append(cur.rstrip())
            cur = indent
        cur += it + ', '
    if cur.strip():
        lines.append(cur.rstrip())
    return '\n'.join(lines)


def c_string_lines(strings, indent='\t', width=96):
    """A C string literal of NUL-separated strings, one literal per line."""
    lines, cur = [], ''
    for s in strings:
        piece = s + '\\0'
        if len(indent) + len(cur) + len(piece) + 2 > width:
            lines.append('%s"%s"' % (indent, cur))
            cur = ''
        cur += piece
    if cur:
        lines.append('%s"%s"' % (indent, cur))
    return '\n'.join(lines)


def generate(table, version):
    syllables = sorted({r for rs in table.values() for r in rs})
    syl_index = {s: i for i, s in enumerate(syllables)}
    syl_at, pos = [], 0
    for s in syllables:
        syl_at.append(pos)
        pos += len(s) + 1

    # Reading sets: a count then syllable numbers; set 0 is the empty set, so a
    # zero slot means "no reading".
    sets = [0]
    set_at = {(): 0}
    for cp in sorted(table):
        key = tuple(syl_index[r] for r in table[cp])
        if key not in set_at:
            set_at[key] = len(sets)
            sets += [len(key)] + list(key)
    if len(sets) > 0xFFFF or len(syllables) > 0xFFFF or pos > 0xFFFF:
        raise ValueError('table outgrew its 16-bit indices')

    runs = make_runs(table)
    slots, run_rows = [], []
    for first, last in runs:
        run_rows.append('{ 0x%04X, %d, %d }' % (first, last - first + 1, len(slots)))
        for cp in range(first, last + 1):
            rs = table.get(cp)
            slots.append(set_at[tuple(syl_index[r] for r in rs)] if rs else 0)

    size = pos + 2 * len(syl_at) + 2 * len(sets) + 12 * len(runs) + 2 * len(slots)
    out = []
    out.append('/* generated by scripts/gen-pinyin.py from Unihan %s; do not edit.' % version)
    out.append(' * Toneless readings of %d Han characters: %d syllables, %d reading sets,'
               % (len(table), len(syllables), len(set_at)))
    out.append(' * %d runs of code points, about %d KiB of tables. Regenerate with'
               % (len(runs), (size + 1023) // 1024))
    out.append(' * `ninja -C build gen-pinyin`. */')
    out.append('#include "core/pinyin.h"')
    out.append('')
    out.append('#include <stddef.h>')
    out.append('#include <string.h>')
    out.append('')
    out.append('_Static_assert(PINYIN_MAX_READINGS >= %d, "a character has more readings than PINYIN_MAX_READINGS");'
               % max(len(rs) for rs in table.values()))
    out.append('')
    out.append('/* every syllable once, NUL-separated */')
    out.append('static const char syllable_pool[] =')
    out.append(c_string_lines(syllables) + ';')
    out.append('')
    out.append('/* offset of each syllable in syllable_pool */')
    out.append('static const uint16_t syllable_at[%d] = {' % len(syl_at))
    out.append(wrap(str(x) for x in syl_at))
    out.append('};')
    out.append('')
    out.append('/* reading sets: a count, then that many syllable numbers */')
    out.append('static const uint16_t reading_sets[%d] = {' % len(sets))
    out.append(wrap(str(x) for x in sets))
    out.append('};')
    out.append('')
    out.append('/* code points first..first+len-1 have their reading sets at slots[at..] */')
    out.append('static const struct run {')
    out.append('\tuint32_t first;')
    out.append('\tuint16_t len;')
    out.append('\tuint32_t at;')
    out.append('} runs[%d] = {' % len(runs))
    out.append(wrap(run_rows))
    out.append('};')
    out.append('')
    out.append('/* the offset in reading_sets of each code point in a run (0: none) */')
    out.append('static const uint16_t slots[%d] = {' % len(slots))
    out.append(wrap(str(x) for x in slots))
    out.append('};')
    out.append('')
    out.append(LOOKUP)
    return '\n'.join(out) + '\n', size


# The lookup lives with the tables so that they can stay static.
LOOKUP = '''int pinyin_readings(uint32_t cp, const char **out, int max)
{
	size_t lo = 0, hi = sizeof runs / sizeof runs[0];

	if (max <= 0)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < runs[mid].first) {
			hi = mid;
		} else if (cp - runs[mid].first >= runs[mid].len) {
			lo = mid + 1;
		} else {
			uint32_t slot = runs[mid].at + (cp - runs[mid].first);
			const uint16_t *set = reading_sets + slots[slot];
			int n = set[0] < max ? set[0] : max;
			for (int i = 0; i < n; i++)
				out[i] = syllable_pool + syllable_at[set[1 + i]];
			return n;
		}
	}
	return 0;
}

bool pinyin_syllable_prefix(const char *s, size_t n)
{
	size_t lo = 0, hi = sizeof syllable_at / sizeof syllable_at[0];

	/* the first syllable whose first n letters are not below s's: the syllables
	 * are sorted, so it begins with s if any does */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strncmp(syllable_pool + syllable_at[mid], s, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return n > 0 && lo < sizeof syllable_at / sizeof syllable_at[0] &&
	       strncmp(syllable_pool + syllable_at[lo], s, n) == 0;
}'''


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('input', nargs='?', default=DEFAULT_INPUT)
    g = ap.add_mutually_exclusive_group()
    g.add_argument('-o', '--output', help='write the table here (default: stdout)')
    g.add_argument('--check', metavar='FILE',
                   help='exit 1 if FILE differs from what would be generated, '
                        '77 (skipped) if the input is missing')
    args = ap.parse_args()

    try:
        fields, version = load(args.input)
    except FileNotFoundError:
        print('gen-pinyin: %s not found (Debian package unicode-data)' % args.input,
              file=sys.stderr)
        return 77 if args.check else 1
    text, size = generate(character_readings(fields), version)

    if args.check:
        with open(args.check, encoding='utf-8') as f:
            if f.read() != text:
                print('gen-pinyin: %s is out of date: run ninja -C build gen-pinyin'
                      % args.check, file=sys.stderr)
                return 1
        return 0
    if args.output:
        with open(args.output, 'w', encoding='utf-8') as f:
            f.write(text)
        print('gen-pinyin: wrote %s (%d bytes of tables)' % (args.output, size),
              file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
