#!/usr/bin/env python3
# Golden screen tests: run qifu headless (--keys) for each case, size and language,
# and compare its text dump with tests/golden/NAME.WxH.LANG.txt. GENERATE=1 rewrites
# the expected files; a mismatch prints a unified diff. Every dumped row must also be
# exactly the terminal width, counted as the program counts (wide = 2, combining = 0,
# ambiguous as the case's settings say).
# Each run works in a directory of its own, on a copy of its database and with the
# *.csv and *.notice files of tests/golden beside it, so that cases that save, import or export
# neither see each other's changes nor depend on their order.
#
# The cases are the files tests/golden/NAME.keys. Each declares how it runs in one
# header line among the comment lines before its first key (qifu's --keys reader skips
# it as a comment):
#
#   # golden: sizes 80x24 120x40; languages zh_CN en; database demo
#
# three fields separated by ';', each once, in any order: 'sizes' lists COLSxROWS,
# 'languages' the LANGUAGE values, 'database' names one of DATABASES below; and,
# optionally, 'config' names a settings file in tests/golden that qifu reads with
# --config (e.g. wide.ini, ambiguous characters two columns wide). The case runs every
# size in every language and writes NAME.WxH.LANG.txt for each. A .keys
# file without the header, or with a garbled one, fails naming file and line; so does
# any tests/golden/*.txt that no case produces (unless cases are named on the command
# line, which runs only those). See tests/golden/README.
import argparse
import configparser
import difflib
import glob
import os
import pwd
import re
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import cells  # noqa: E402  (tests/cells.py)

# the databases, made by qifu demo: 60 enterprises, and none (the empty states);
# 'officer' is the demo with the person at the keyboard made 昌东镇's area officer,
# 'inspector' the same person as staff of 高新市场监管局, whose evaluations are hidden;
# 'ladder' the appeals demo (appeals up the ladder) with the quarter's RATINGS,
# 'leader' the appeals demo with the person at the keyboard the principal leader,
# 'leader2' the same with a level-2 leader who oversees two units,
# 'fire' the demo with the person at the keyboard the head (supervisor) of 高新消防大队,
# who registers, approves and records the unit's own inspections, and
# 'reporter' the frontdesk database with REPORTER_APPEAL answered by its lead unit, so
# that the front desk, its first-responsible unit, has the enterprise to tell (告知企业),
# 'annual' the ladder database with 2026Q2 rated too (RATINGS_Q2), the four quarters of
# 2026 frozen and the supervision requests and accountability of ANNUAL_RECORDS,
# 'tricky' the appeals demo with its first enterprises renamed to the tricky names of
# tests/cells.py (ambiguous characters, U+FFFD, emoji sequences)
DATABASES = {
    'demo': ['--enterprises', '60', '--seed', '7'],
    'empty': ['--enterprises', '0', '--seed', '7'],
    'officer': ['--enterprises', '60', '--seed', '7'],
    'appeals': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'frontdesk': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'inspector': ['--enterprises', '60', '--seed', '7'],
    'admin': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'ladder': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'annual': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'leader': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'leader2': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'fire': ['--enterprises', '60', '--seed', '7'],
    'tricky': cells.DEMO_ARGS,
    'reporter': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'financing': ['--enterprises', '60', '--seed', '7'],
    'staff': ['--enterprises', '60', '--seed', '7'],
    'large': ['--enterprises', '1200', '--seed', '7'],
}
# 'large' is the demo with enough enterprises for four-digit list positions (1200/1200),
# which must leave the summary lines whole at 80 columns
# 'staff' is the demo with the person at the keyboard an administrator of 区财政局, a
# unit no other demo login is in, so that their row keeps its place in the staff list
# whatever their login; that login, which differs from machine to machine, is shown as
# STAFF_ME in the list's first column (the cases never show it anywhere else)
STAFF_SQL = "UPDATE staff SET role = 'admin', unit = '区财政局' WHERE login = ?"
STAFF_ME = 'tester'
STAFF_LOGIN_CELLS = 12
# 'financing' is the demo with financing needs in several areas and statuses, some of
# them moved (their history), for the coordination list and the 360 view: the
# enterprise (by its place in the register's id order), then the command's options
FINANCING = [
    (0, ['add', '--amount', '500万', '--purpose', '设备更新改造']),
    (1, ['add', '--amount', '1.5亿', '--purpose', '扩建厂房', '--status', 'matching']),
    (3, ['add', '--amount', '300万', '--purpose', '流动资金']),
    (7, ['add', '--amount', '800万', '--purpose', '研发投入']),
    (2, ['add', '--amount', '2000万', '--purpose', '冷库建设', '--status', 'matching']),
    (3, ['add', '--amount', '120万', '--purpose', '原料采购']),
    (None, ['update', '1', '--status', 'matching', '--note', '已推送三家银行']),
    (None, ['update', '1', '--status', 'matched', '--institution', '江西银行高新支行',
            '--note', '银行已受理']),
    (None, ['update', '3', '--status', 'matched', '--institution', '工商银行']),
    (None, ['update', '3', '--status', 'funded', '--funded', '280万', '--note', '放款到位']),
    (None, ['update', '4', '--status', 'closed', '--note', '企业自筹解决']),
]
# the appeals demo with the person at the keyboard at the centre's front desk, who
# dispatches and calls back
FRONTDESK_SQL = "UPDATE staff SET role = 'frontdesk', unit = '区企服中心' WHERE login = ?"
AREA_OFFICER_SQL = ("UPDATE staff SET role = 'area_officer', unit = '昌东镇', area = '昌东镇' "
                    "WHERE login = ?")
# the appeals demo with the person at the keyboard its administrator, who imports notices
ADMIN_SQL = "UPDATE staff SET role = 'admin' WHERE login = ?"
INSPECTOR_SQL = ("UPDATE staff SET role = 'unit_staff', unit = '高新市场监管局', area = NULL "
                 "WHERE login = ?")
# 'leader' is the demo with appeals up the ladder and the person at the keyboard made
# the principal (level-1) leader, who may hold the dispatches at level 1
LEADER_SQL = "UPDATE staff SET role = 'leader', unit = '区党工委', level = 1 WHERE login = ?"
# 'leader2' the same demo with the person at the keyboard a level-2 leader overseeing
# 区投促局 and 鲤鱼洲管理处, whose board opens on those units
LEADER2_SQL = "UPDATE staff SET role = 'leader', unit = '区党工委', level = 2 WHERE login = ?"
LEADER2_OVERSEES = ('区投促局', '鲤鱼洲管理处')
FIRE_SQL = "UPDATE staff SET unit = '高新消防大队' WHERE login = ?"
# the reporter database's appeal: the first one in progress that the centre took in,
# with a login of its lead unit, who answers it
REPORTER_APPEAL_SQL = ("SELECT a.number, s.login FROM appeal a JOIN staff s"
                       " ON s.unit = a.lead_unit AND s.role IN ('unit_staff', 'area_officer')"
                       " WHERE a.state = 'in_progress' AND a.first_unit = '区企服中心'"
                       " ORDER BY a.id, s.id LIMIT 1")

# the quarterly assessment's golden screens need ratings: fixed scores for a few units,
# given through the rating command as staff would
RATINGS = [('区科经局', 95), ('区科经局', 88), ('区投促局', 82), ('区投促局', 79),
           ('昌东镇', 91), ('昌东镇', 93), ('麻丘镇', 70), ('艾溪湖管理处', 86)]
# the same enterprises rate the same units in 2026Q2 (a unit not listed goes unrated)
RATINGS_Q2 = [85, 90, 77, None, 88, 96, 65, None]
# 'annual': the commands after the ratings, as the supervisor at the keyboard
ANNUAL_RECORDS = [
    ['quarter', 'freeze', '2026Q1'], ['quarter', 'freeze', '2026Q2'],
    ['quarter', 'freeze', '2026Q3'], ['quarter', 'freeze', '2026Q4'],
    ['supervise', 'add', '--from', 'figures', '--unit', '麻丘镇', '--what',
     '满意度连续两个季度偏低，限期提交整改报告', '--due', '2026-12-15'],
    ['supervise', 'add', '--from', 'figures', '--unit', '区投促局', '--what',
     '按时签收率偏低，说明原因', '--due', '2026-12-08'],
    ['supervise', 'outcome', '2', '--outcome', 'unresolved', '--note', '逾期未说明'],
    ['accountability', 'add', '--request', '2', '--by', '区纪检监察工委', '--person',
     '赵某（区投促局副局长）', '--measure', '约谈提醒'],
]

# the header of a .keys file: exactly '# golden: ' and the fields
HEADER_PREFIX = '# golden:'
# a comment line meant as a header, however misspelt ('#golden:', '# Golden sizes ...')
HEADER_LIKE = re.compile(r'#\s*golden\s*(?:[:=]|(?:sizes|languages|database)\b)', re.I)
SIZE_RE = re.compile(r'[1-9][0-9]*x[1-9][0-9]*')
LANG_RE = re.compile(r'[a-z]{2,3}(?:_[A-Z]{2})?')
HEADER_FIELDS = ('sizes', 'languages', 'database')
OPTIONAL_FIELDS = ('config',)
CONFIG_RE = re.compile(r'[A-Za-z0-9_-]+\.ini')
HEADER_SYNTAX = ("'# golden: sizes 80x24 ...; languages zh_CN ...; database NAME' "
                 "(and optionally '; config FILE.ini')")


class HeaderError(Exception):
    """A .keys file whose header is missing or garbled; str() is 'file:line: why'."""


def parse_header_fields(text, where, golden_dir):
    """(sizes, languages, database, config file or None) from the text after
    '# golden:'."""
    fields = {}
    for part in text.split(';'):
        words = part.split()
        if not words:
            raise HeaderError('%s: empty field in the header (fields are separated by \';\'); '
                              'expected %s' % (where, HEADER_SYNTAX))
        field, values = words[0], words[1:]
        if field not in HEADER_FIELDS + OPTIONAL_FIELDS:
            raise HeaderError('%s: unknown header field %r; the fields are %s'
                              % (where, field, ', '.join(HEADER_FIELDS + OPTIONAL_FIELDS)))
        if field in fields:
            raise HeaderError('%s: header field %r given twice' % (where, field))
        if not values:
            raise HeaderError('%s: header field %r has no value' % (where, field))
        if len(set(values)) != len(values):
            raise HeaderError('%s: header field %r repeats a value: %s'
                              % (where, field, ' '.join(values)))
        if field == 'sizes':
            for v in values:
                if not SIZE_RE.fullmatch(v):
                    raise HeaderError('%s: size %r is not COLSxROWS (e.g. 80x24)' % (where, v))
        elif field == 'languages':
            for v in values:
                if not LANG_RE.fullmatch(v):
                    raise HeaderError('%s: language %r is not a LANGUAGE value like zh_CN or en'
                                      % (where, v))
        elif field == 'config':
            if len(values) != 1 or not CONFIG_RE.fullmatch(values[0]):
                raise HeaderError('%s: header field \'config\' takes one FILE.ini, not %s'
                                  % (where, ' '.join(values)))
            if not os.path.isfile(os.path.join(golden_dir, values[0])):
                raise HeaderError('%s: no settings file %s beside the case'
                                  % (where, values[0]))
        else:
            if len(values) != 1:
                raise HeaderError('%s: header field \'database\' takes one name, not %s'
                                  % (where, ' '.join(values)))
            if values[0] not in DATABASES:
                raise HeaderError('%s: unknown database %r; run.py makes %s'
                                  % (where, values[0], ', '.join(DATABASES)))
        fields[field] = values
    missing = [f for f in HEADER_FIELDS if f not in fields]
    if missing:
        raise HeaderError('%s: header lacks %s; expected %s'
                          % (where, ' and '.join(repr(f) for f in missing), HEADER_SYNTAX))
    config = fields['config'][0] if 'config' in fields else None
    return fields['sizes'], fields['languages'], fields['database'][0], config


def read_header(path):
    """(sizes, languages, database, config) declared by the .keys file at path.

    The header is the one line starting '# golden:' among the comment and blank lines
    before the first key; anything else raises HeaderError naming file and line."""
    found = None
    in_lead = True
    try:
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
    except (OSError, UnicodeDecodeError) as e:
        raise HeaderError('%s:1: cannot read: %s' % (path, e))
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip('\r\n')
        stripped = line.strip()
        where = '%s:%d' % (path, n)
        if not stripped:
            continue
        if not stripped.startswith('#'):
            in_lead = False
            continue
        if not (line.startswith(HEADER_PREFIX) or HEADER_LIKE.match(stripped)):
            continue
        if not line.startswith(HEADER_PREFIX + ' '):
            raise HeaderError('%s: garbled header %r; expected %s'
                              % (where, line, HEADER_SYNTAX))
        if not in_lead:
            raise HeaderError('%s: the golden header must be in the comment lines before '
                              'the first key' % where)
        if found is not None:
            raise HeaderError('%s: a second golden header (the first is on line %d)'
                              % (where, found[0]))
        found = (n, parse_header_fields(line[len(HEADER_PREFIX):], where,
                                        os.path.dirname(path)))
    if found is None:
        raise HeaderError('%s:1: no golden header: the comment lines before the first key '
                          'need one line %s' % (path, HEADER_SYNTAX))
    return found[1]


def discover_cases(golden_dir):
    """{name: (sizes, languages, database, config)} for every NAME.keys in golden_dir, and
    {name: error} for those whose header is missing or garbled."""
    cases, errors = {}, {}
    for path in sorted(glob.glob(os.path.join(golden_dir, '*.keys'))):
        name = os.path.basename(path)[:-len('.keys')]
        try:
            cases[name] = read_header(path)
        except HeaderError as e:
            errors[name] = str(e)
    return cases, errors


def staff_me(text):
    """the dump with the login of the person at the keyboard, at the start of a row of
    the staff list, written as STAFF_ME (the same cells, so widths hold)"""
    me = pwd.getpwuid(os.getuid()).pw_name
    if len(me) >= STAFF_LOGIN_CELLS or not me.isascii():
        return text
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line.startswith(me + ' ') and line[:STAFF_LOGIN_CELLS].rstrip() == me:
            lines[i] = STAFF_ME.ljust(STAFF_LOGIN_CELLS) + line[STAFF_LOGIN_CELLS:]
    return '\n'.join(lines)


def ambiguous_of(config_path):
    """the ambiguous width a settings file sets (1 when it sets none or auto: the
    headless runs ask no terminal)"""
    if not config_path:
        return 1
    ini = configparser.ConfigParser(inline_comment_prefixes=(';', '#'))
    ini.read(config_path, encoding='utf-8')
    return 2 if ini.get('display', 'ambiguous_width', fallback='auto').strip() == '2' else 1


def check_widths(text, where, ambiguous=1):
    """Every screen in a dump has ROWS rows of exactly COLS cells."""
    problems = []
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    i = 0
    while i < len(lines):
        head = lines[i]
        if not (head.startswith('--- ') and head.endswith(' ---')):
            problems.append('%s: line %d: expected a "--- COLSxROWS ---" line, got %r'
                            % (where, i + 1, head))
            return problems
        cols, rows = (int(v) for v in head[4:-4].split('x'))
        for r in range(rows):
            n = i + 1 + r
            if n >= len(lines):
                problems.append('%s: screen at line %d has %d rows, expected %d'
                                % (where, i + 1, r, rows))
                return problems
            w = cells.cell_width(lines[n], ambiguous)
            if w != cols:
                problems.append('%s: line %d is %d columns wide, expected %d: %r'
                                % (where, n + 1, w, cols, lines[n]))
        i += rows + 1
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--qifu', required=True)
    ap.add_argument('--dir', required=True, help='tests/golden in the source tree')
    ap.add_argument('--work', required=True, help='scratch directory')
    ap.add_argument('cases', nargs='*')
    args = ap.parse_args()
    # the runs work in directories of their own: every path given is made absolute
    args.qifu, args.dir, args.work = (os.path.abspath(p) for p in (args.qifu, args.dir, args.work))
    generate = os.environ.get('GENERATE') == '1'
    os.makedirs(args.work, exist_ok=True)

    env = dict(os.environ)
    env['LANG'] = 'C.UTF-8'
    env.pop('LC_ALL', None)
    env['NO_COLOR'] = '1'
    env.pop('QIFU_TODAY', None)
    # the export prompts start in the documents folder: the same one on every machine
    # (it does not exist, so a case types over it to write a file)
    env['XDG_DOCUMENTS_DIR'] = '/home/qifu/文档'

    failed = passed = 0
    cases, header_errors = discover_cases(args.dir)
    for name in sorted(header_errors):
        if not args.cases or name in args.cases:
            failed += 1
            print('FAIL %s' % header_errors[name])
    for name in args.cases:
        if name not in cases and name not in header_errors:
            failed += 1
            print('FAIL %s: no such case (no %s)' % (name, os.path.join(args.dir, name + '.keys')))

    dbs = {}
    for name, demo_args in DATABASES.items():
        db = dbs[name] = os.path.join(args.work, name + '.db')
        if os.path.exists(db):
            os.remove(db)
        # the demo's inspections lie around its today: the screens' today keeps them put
        demo = subprocess.run([args.qifu, '--db', db, '--today', '2026-12-01', 'demo'] + demo_args,
                              env=dict(env, LANGUAGE='en'), capture_output=True, text=True)
        if demo.returncode != 0:
            print('qifu demo %s failed (%d): %s' % (name, demo.returncode, demo.stderr))
            return 1
        if name in ('officer', 'inspector'):
            with sqlite3.connect(db) as con:
                con.execute(AREA_OFFICER_SQL if name == 'officer' else INSPECTOR_SQL,
                            (pwd.getpwuid(os.getuid()).pw_name,))
        if name == 'staff':
            with sqlite3.connect(db) as con:
                con.execute(STAFF_SQL, (pwd.getpwuid(os.getuid()).pw_name,))
        if name in ('leader', 'fire'):
            with sqlite3.connect(db) as con:
                con.execute(LEADER_SQL if name == 'leader' else FIRE_SQL,
                            (pwd.getpwuid(os.getuid()).pw_name,))
        if name == 'leader2':
            me = pwd.getpwuid(os.getuid()).pw_name
            with sqlite3.connect(db) as con:
                con.execute(LEADER2_SQL, (me,))
                for unit in LEADER2_OVERSEES:
                    con.execute('INSERT INTO staff_oversees (staff_id, unit) SELECT id, ? '
                                'FROM staff WHERE login = ?', (unit, me))
        if name == 'tricky':
            try:
                cells.rename(args.qifu, db, dict(env, LANGUAGE='en'))
            except RuntimeError as e:
                print(e)
                return 1
        if name in ('ladder', 'annual'):
            # a unit is rated by the enterprises it serves (lead or cooperating): the
            # first, second ... of them for its first, second ... score
            codes, seen = [], {}
            with sqlite3.connect(db) as con:
                for unit, _ in RATINGS:
                    nth = seen.get(unit, 0)
                    seen[unit] = nth + 1
                    row = con.execute(
                        "SELECT uscc FROM enterprise WHERE lead_unit = ?1 OR '|' || coop_units"
                        " || '|' LIKE '%|' || ?1 || '|%' ORDER BY id LIMIT 1 OFFSET ?2",
                        (unit, nth)).fetchone()
                    if row is None:
                        print('the ladder database has no enterprise %d served by %s'
                              % (nth + 1, unit))
                        return 1
                    codes.append(row[0])
            rounds = [('2026Q4', [s for _, s in RATINGS])]
            if name == 'annual':
                rounds.append(('2026Q2', RATINGS_Q2))
            for quarter, scores in rounds:
                for code, (unit, _), score in zip(codes, RATINGS, scores):
                    if score is None:
                        continue
                    rate = subprocess.run([args.qifu, '--db', db, '--today', '2026-12-01',
                                           'rating', 'add', '--enterprise', code, '--unit', unit,
                                           '--quarter', quarter, '--score', str(score)],
                                          env=dict(env, LANGUAGE='en'), capture_output=True,
                                          text=True)
                    if rate.returncode != 0:
                        print('qifu rating add failed (%d): %s' % (rate.returncode, rate.stderr))
                        return 1
        if name == 'annual':
            for argv in ANNUAL_RECORDS:
                r = subprocess.run([args.qifu, '--db', db, '--today', '2026-12-01'] + argv,
                                   env=dict(env, LANGUAGE='en'), capture_output=True, text=True)
                if r.returncode != 0:
                    print('qifu %s failed (%d): %s' % (' '.join(argv), r.returncode, r.stderr))
                    return 1
        if name == 'financing':
            with sqlite3.connect(db) as con:
                codes = [r[0] for r in con.execute('SELECT uscc FROM enterprise ORDER BY id')]
            for ent, cmd in FINANCING:
                argv = ['financing', cmd[0]] + (['--enterprise', codes[ent]] if ent is not None
                                                else []) + cmd[1:]
                r = subprocess.run([args.qifu, '--db', db, '--today', '2026-12-01'] + argv,
                                   env=dict(env, LANGUAGE='en'), capture_output=True, text=True)
                if r.returncode != 0:
                    print('qifu %s failed (%d): %s' % (' '.join(argv), r.returncode, r.stderr))
                    return 1
        if name == 'reporter':
            # answered through the command line as its lead unit (--as needs an
            # administrator at the keyboard for that one command)
            me = pwd.getpwuid(os.getuid()).pw_name
            with sqlite3.connect(db) as con:
                number, login = con.execute(REPORTER_APPEAL_SQL).fetchone()
                con.execute(ADMIN_SQL, (me,))
            r = subprocess.run([args.qifu, '--db', db, '--today', '2026-12-01', '--as', login,
                                'appeal', 'answer', number, '--result', '已协调办理完毕'],
                               env=dict(env, LANGUAGE='en'), capture_output=True, text=True)
            if r.returncode != 0:
                print('qifu appeal answer failed (%d): %s' % (r.returncode, r.stderr))
                return 1
        if name in ('frontdesk', 'admin', 'reporter'):
            with sqlite3.connect(db) as con:
                con.execute(ADMIN_SQL if name == 'admin' else FRONTDESK_SQL,
                            (pwd.getpwuid(os.getuid()).pw_name,))
        if name == 'admin':
            # an appeal dispatched before the 2027 Spring Festival, whose due date a
            # notice moves: 7 working days from 2027-02-01 end on 02-12 with the
            # provisional days (02-05..08) and on 02-16 with the notice's
            with sqlite3.connect(db) as con:
                uscc = con.execute('SELECT uscc FROM enterprise ORDER BY id LIMIT 1').fetchone()[0]
            for cmd in (['appeal', 'new', '--enterprise', uscc, '--title', '节前用电增容',
                         '--kind', 'complex', '--channel', 'phone'],
                        ['appeal', 'dispatch', '2027-000001', '--unit', '区投促局']):
                r = subprocess.run([args.qifu, '--db', db, '--today', '2027-02-01',
                                    '--as', 'wangfang'] + cmd,
                                   env=dict(env, LANGUAGE='en'), capture_output=True, text=True)
                if r.returncode != 0:
                    print('qifu %s failed (%d): %s' % (' '.join(cmd), r.returncode, r.stderr))
                    return 1

    # the workbooks the import cases open, written part by part by tests/make_xlsx.py
    xlsx_dir = os.path.join(args.work, 'xlsx')
    made = subprocess.run([sys.executable, os.path.join(args.dir, '..', 'make_xlsx.py'),
                           xlsx_dir, 'register'], capture_output=True, text=True)
    if made.returncode != 0:
        print('make_xlsx.py failed (%d): %s' % (made.returncode, made.stderr))
        return 1

    produced = set()
    for name, (sizes, langs, dbname, config) in cases.items():
        produced.update('%s.%s.%s.txt' % (name, size, lang) for size in sizes for lang in langs)
        if args.cases and name not in args.cases:
            continue
        keys = os.path.join(args.dir, name + '.keys')
        for size in sizes:
            for lang in langs:
                label = '%s.%s.%s' % (name, size, lang)
                out = os.path.join(args.work, label + '.txt')
                rundir = os.path.join(args.work, label)
                shutil.rmtree(rundir, ignore_errors=True)
                os.makedirs(rundir)
                db = os.path.join(rundir, dbname + '.db')
                shutil.copyfile(dbs[dbname], db)
                # the event log's anchor goes with its database
                if os.path.exists(dbs[dbname] + '.anchor'):
                    shutil.copyfile(dbs[dbname] + '.anchor', db + '.anchor')
                for f in glob.glob(os.path.join(args.dir, '*.csv')) + \
                        glob.glob(os.path.join(args.dir, '*.notice')) + \
                        glob.glob(os.path.join(xlsx_dir, '*.xlsx')):
                    shutil.copy(f, rundir)
                config_path = os.path.join(args.dir, config) if config else None
                run = subprocess.run([args.qifu] +
                                     (['--config', config_path] if config else []) +
                                     ['--db', db, '--today', '2026-12-01',
                                      '--keys', keys, '--size', size, '--dump', out],
                                     env=dict(env, LANGUAGE=lang), capture_output=True,
                                     text=True, cwd=rundir)
                problems = []
                if run.returncode != 0:
                    problems.append('%s: qifu exited %d: %s' % (label, run.returncode,
                                                                run.stderr.strip()))
                got = ''
                if os.path.exists(out):
                    with open(out, encoding='utf-8') as f:
                        got = f.read()
                    problems += check_widths(got, label, ambiguous_of(config_path))
                    if dbname == 'staff':
                        got = staff_me(got)
                else:
                    problems.append('%s: no dump written' % label)
                expected_path = os.path.join(args.dir, label + '.txt')
                if generate and not problems:
                    with open(expected_path, 'w', encoding='utf-8') as f:
                        f.write(got)
                elif not os.path.exists(expected_path):
                    problems.append('%s: no expected file %s (run with GENERATE=1)'
                                    % (label, expected_path))
                else:
                    with open(expected_path, encoding='utf-8') as f:
                        want = f.read()
                    if want != got:
                        diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                    expected_path, out)
                        problems.append('%s: screen differs:\n%s' % (label, ''.join(diff)))
                if problems:
                    failed += 1
                    print('FAIL %s' % label)
                    for p in problems:
                        print('  ' + p)
                else:
                    passed += 1
                    print('ok   %s%s' % (label, ' (written)' if generate else ''))
    # every expected screen must be one a case produces: a .txt nobody compares is a
    # test that silently stopped running (a case whose header failed is reported above)
    if not args.cases:
        for path in sorted(glob.glob(os.path.join(args.dir, '*.txt'))):
            base = os.path.basename(path)
            if base in produced or any(base.startswith(n + '.') for n in header_errors):
                continue
            failed += 1
            m = re.fullmatch(r'(.+)\.([0-9]+x[0-9]+)\.([^.]+)\.txt', base)
            if not m:
                why = 'not named NAME.COLSxROWS.LANG.txt'
            elif m.group(1) not in cases:
                why = 'there is no %s.keys' % m.group(1)
            else:
                why = ('the header of %s.keys does not declare size %s in language %s'
                       % m.group(1, 2, 3))
            print('FAIL %s: no case produces this expected screen: %s (declare it, or delete '
                  'the file)' % (path, why))
    # a bad token stops the run before the screen starts, naming file and line
    bad = os.path.join(args.work, 'bad.keys')
    with open(bad, 'w', encoding='utf-8') as f:
        f.write('# comment\nDown\n\nNoSuchKey\ndump\n')
    run = subprocess.run([args.qifu, '--db', dbs['demo'], '--keys', bad, '--dump',
                          os.path.join(args.work, 'bad.txt')],
                         env=dict(env, LANGUAGE='en'), capture_output=True, text=True)
    if run.returncode == 2 and (bad + ':4:') in run.stderr and 'NoSuchKey' in run.stderr:
        passed += 1
        print('ok   bad keys file: exit 2 naming line 4')
    else:
        failed += 1
        print('FAIL bad keys file: exit %d, stderr %r' % (run.returncode, run.stderr))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
