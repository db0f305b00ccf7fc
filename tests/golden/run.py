#!/usr/bin/env python3
# Golden screen tests: run qifu headless (--keys) for each case, size and language,
# and compare its text dump with tests/golden/NAME.WxH.LANG.txt. GENERATE=1 rewrites
# the expected files; a mismatch prints a unified diff. Every dumped row must also be
# exactly the terminal width, counted as the program counts (wide = 2, combining = 0).
# Each run works in a directory of its own, on a copy of its database and with the
# *.csv and *.notice files of tests/golden beside it, so that cases that save, import or export
# neither see each other's changes nor depend on their order.
import argparse
import difflib
import glob
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import unicodedata

# the databases, made by qifu demo: 60 enterprises, and none (the empty states);
# 'officer' is the demo with the person at the keyboard made 昌东镇's area officer,
# 'inspector' the same person as staff of 高新市场监管局, whose evaluations are hidden
DATABASES = {
    'demo': ['--enterprises', '60', '--seed', '7'],
    'empty': ['--enterprises', '0', '--seed', '7'],
    'officer': ['--enterprises', '60', '--seed', '7'],
    'appeals': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'frontdesk': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
    'inspector': ['--enterprises', '60', '--seed', '7'],
    'admin': ['--enterprises', '60', '--seed', '7', '--appeals', '300'],
}
# the appeals demo with the person at the keyboard at the centre's front desk, who
# dispatches and calls back
FRONTDESK_SQL = "UPDATE staff SET role = 'frontdesk', unit = '区企服中心' WHERE login = ?"
AREA_OFFICER_SQL = ("UPDATE staff SET role = 'area_officer', unit = '昌东镇', area = '昌东镇' "
                    "WHERE login = ?")
# the appeals demo with the person at the keyboard its administrator, who imports notices
ADMIN_SQL = "UPDATE staff SET role = 'admin' WHERE login = ?"
INSPECTOR_SQL = ("UPDATE staff SET role = 'unit_staff', unit = '高新市场监管局', area = NULL "
                 "WHERE login = ?")

# name: (sizes, languages, database); the keys are in NAME.keys
CASES = {
    'enterprises': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'enterprises-empty': (['80x24', '120x40'], ['zh_CN', 'en'], 'empty'),
    'appeals': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'escalation': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'calendar': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'help': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'search': (['80x24'], ['zh_CN', 'en'], 'demo'),
    'too-small': (['70x20'], ['zh_CN', 'en'], 'demo'),
    'resize': (['80x24'], ['zh_CN'], 'demo'),
    'ent-search': (['80x24', '120x40'], ['zh_CN'], 'demo'),
    'ent-filter': (['80x24', '120x40'], ['zh_CN'], 'demo'),
    'ent-sort': (['80x24'], ['zh_CN'], 'demo'),
    'ent-view': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'ent-split': (['120x30', '120x40'], ['zh_CN', 'en'], 'demo'),
    'ent-add': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'ent-edit': (['80x24', '120x40'], ['zh_CN'], 'demo'),
    'ent-records': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'ent-visit-appeal': (['80x24'], ['zh_CN', 'en'], 'demo'),
    'ent-officer': (['80x24'], ['zh_CN'], 'officer'),
    'ent-override': (['80x24'], ['zh_CN', 'en'], 'demo'),
    'ent-export': (['80x24'], ['zh_CN', 'en'], 'demo'),
    'ent-import': (['80x24', '120x40'], ['zh_CN'], 'demo'),
    'app-tabs': (['80x24', '120x40'], ['zh_CN', 'en'], 'appeals'),
    'app-detail': (['80x24'], ['zh_CN'], 'appeals'),
    'app-move': (['80x24', '120x40'], ['zh_CN', 'en'], 'frontdesk'),
    'app-intake': (['80x24', '120x40'], ['zh_CN'], 'frontdesk'),
    'app-callback': (['80x24', '120x40'], ['zh_CN'], 'frontdesk'),
    'app-close': (['80x24'], ['zh_CN', 'en'], 'frontdesk'),
    'calendar-months': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'calendar-jump': (['80x24'], ['zh_CN', 'en'], 'demo'),
    'calendar-check': (['80x24', '120x40'], ['zh_CN', 'en'], 'demo'),
    'calendar-hidden': (['80x24'], ['zh_CN', 'en'], 'inspector'),
    'calendar-holiday': (['80x24', '120x40'], ['zh_CN', 'en'], 'admin'),
}


def cell_width(s):
    """Columns of s as qifu counts them with ambiguous_width = 1."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
    return w


def check_widths(text, where):
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
            w = cell_width(lines[n])
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
        if name in ('frontdesk', 'admin'):
            with sqlite3.connect(db) as con:
                con.execute(FRONTDESK_SQL if name == 'frontdesk' else ADMIN_SQL,
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

    failed = passed = 0
    for name, (sizes, langs, dbname) in CASES.items():
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
                for f in glob.glob(os.path.join(args.dir, '*.csv')) + \
                        glob.glob(os.path.join(args.dir, '*.notice')):
                    shutil.copy(f, rundir)
                run = subprocess.run([args.qifu, '--db', db, '--today', '2026-12-01',
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
                    problems += check_widths(got, label)
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
