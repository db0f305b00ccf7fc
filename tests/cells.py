# What terminals do with text, for the screen tests: cell widths counted one code
# point at a time, the East Asian ambiguous ranges, and a register of tricky enterprise
# names: East Asian "ambiguous" characters (which Xshell, SecureCRT and PuTTY's "CJK
# ambiguous characters are wide" draw two cells wide), U+FFFD, and emoji sequences
# terminals disagree on (ZWJ families, flags, variation selectors, skin tones). The
# golden screens (tests/golden/run.py, database 'tricky'), the pty test of an
# ambiguous-wide terminal (tests/e2e/wide.py) and the measuring script
# (scripts/ambiguous-check) rename the demo's first enterprises to these names; their
# first characters sort them to the top of the name-sorted list.
import re
import subprocess
import unicodedata

# a unified social credit code (GB 32100-2015's alphabet)
USCC = re.compile(r'[0-9A-HJ-NPQRTUWXY]{18}')

NAMES = [
    '安“引号”科技有限公司',
    '艾‘单引号’电子有限公司',
    '奥……智能制造有限公司',
    '爱·新区光电有限公司',
    '澳①②③车间服务有限公司',
    '昂─│线缆配线有限公司',
    '岸25°C冷链物流有限公司',
    '鞍§条款※法律咨询有限公司',
    '安α粒子检测技术有限公司',
    '暗\ufffd档案修复有限公司',
    '爱\U0001F468\u200D\U0001F469\u200D\U0001F467家庭服务有限公司',
    '傲\U0001F1E8\U0001F1F3中华贸易有限公司',
    '爱\u2764\ufe0f心餐饮有限公司',
    '安\U0001F44D\U0001F3FD点赞网络科技有限公司',
    '阿“①”…·─│°§※α\ufffd混合有限公司',
]

# the demo the renamed register starts from (tests/golden/run.py's 'appeals' database)
DEMO_ARGS = ['--enterprises', '60', '--seed', '7', '--appeals', '300']


def rename(qifu, db, env, today='2026-12-01'):
    """Give the demo database's first len(NAMES) enterprises (by id) the tricky names,
    through 'qifu enterprise edit' as staff would. Raises RuntimeError on failure."""
    import sqlite3
    with sqlite3.connect(db) as con:
        codes = [r[0] for r in con.execute('SELECT uscc FROM enterprise ORDER BY id LIMIT ?',
                                           (len(NAMES),))]
    for code, name in zip(codes, NAMES):
        r = subprocess.run([qifu, '--db', db, '--today', today, 'enterprise', 'edit', code,
                            '--name', name], env=env, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError('qifu enterprise edit %s failed (%d): %s'
                               % (code, r.returncode, r.stderr))


def ambiguous_ranges():
    """The code points of East_Asian_Width A as sorted (lo, hi) ranges, from Python's
    own Unicode database: what an ambiguous-wide terminal draws two cells wide. A
    source independent of qifu's table in src/core/text.c."""
    ranges = []
    for cp in range(0x110000):
        if unicodedata.east_asian_width(chr(cp)) != 'A':
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return [tuple(r) for r in ranges]


def cell_width(s, ambiguous=1):
    """Columns of s, one code point at a time, as a terminal without grapheme clusters
    counts them: wide and fullwidth 2, ambiguous as given, combining marks and format
    characters 0."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
            continue
        eaw = unicodedata.east_asian_width(ch)
        w += 2 if eaw in ('W', 'F') or (eaw == 'A' and ambiguous == 2) else 1
    return w


def read_dump(path):
    """[(cols, rows, [row text])] of a dump in qifu's --dump format (tests/e2e/vtscreen
    writes the same)"""
    out = []
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    i = 0
    while i < len(lines):
        m = re.fullmatch(r'--- (\d+)x(\d+) ---', lines[i])
        if m:
            rows = int(m.group(2))
            out.append((int(m.group(1)), rows, lines[i + 1:i + 1 + rows]))
            i += rows
        i += 1
    return out


def uscc_columns(rows, ambiguous, header=None):
    """On a screen of the Enterprises list: (the cell its USCC header starts in, [(code,
    the cell it starts in, row)] for the rows below the header), as a terminal counts
    cells; None on any other screen. header: the rows to find the header in, when
    another screen's (what the program meant) should place it."""
    head_rows = header if header is not None else rows
    for i, r in enumerate(head_rows):
        title = ('USCC' if 'Name' in r and 'USCC' in r else
                 '统一社会信用代码' if '名称' in r and '统一社会信用代码' in r else None)
        if title:
            break
    else:
        return None
    want = cell_width(head_rows[i][:head_rows[i].find(title)], ambiguous)
    codes = []
    for r in rows[i + 1:]:
        m = USCC.search(r)
        if m:
            codes.append((m.group(0), cell_width(r[:m.start()], ambiguous), r))
    return want, codes
