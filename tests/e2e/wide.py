#!/usr/bin/env python3
# The real binary in a pseudo-terminal whose screen draws East Asian ambiguous
# characters (“ ” … · ① ─ │ ° § ※ α U+FFFD) two cells wide, as Xshell, SecureCRT and
# PuTTY's "CJK ambiguous characters are wide" do: tests/e2e/vtscreen plays wide.keys
# over the tricky names of tests/cells.py, with ambiguous_width left at auto, and
#   - the start-up probe finds 2 (the help's terminal page says the terminal said so);
#   - every row the screen shows is the row of the headless dump at ambiguous_width = 2
#     (what the program meant), and the USCC column stands where its header does;
#   - the shell's screen qifu leaves behind holds nothing of the probe.
# The same with a screen that draws them one cell wide (the probe finds 1), and with
# one that never answers, whose answer then comes late (the probe gives up after
# 100 ms and counts 1, and the late answer is no key: the screens stay as meant).
# `qifu check` on each screen says what its probe found.
# Usage: wide.py QIFU VTSCREEN WORKDIR
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import cells  # noqa: E402

failures = 0


def fail(msg):
    global failures
    failures += 1
    print('FAIL: ' + msg)


def check_codes(label, rows, ambiguous):
    """every USCC of the Enterprises list starts in the cell its header does"""
    found = cells.uscc_columns(rows, ambiguous)
    if not found:
        return 0
    want, codes = found
    for code, got, row in codes:
        if got != want:
            fail('%s: the code %s starts in cell %d, its header in %d: %r'
                 % (label, code, got, want, row))
    return len(codes)


def main():
    qifu, vtscreen, work = (os.path.abspath(a) for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, LANG='C.UTF-8', LANGUAGE='en', NO_COLOR='1')
    env.pop('LC_ALL', None)
    base = os.path.join(work, 'tricky.db')
    subprocess.run([qifu, '--db', base, '--today', '2026-12-01', 'demo'] + cells.DEMO_ARGS,
                   env=env, check=True, capture_output=True)
    cells.rename(qifu, base, env)
    keys = os.path.join(HERE, 'wide.keys')
    ranges = os.path.join(work, 'ambiguous-ranges')
    with open(ranges, 'w') as f:
        f.write(''.join('%X %X\n' % r for r in cells.ambiguous_ranges()))
    wide_ini = os.path.join(work, 'wide.ini')
    with open(wide_ini, 'w') as f:
        f.write('[display]\nambiguous_width = 2\n')

    def qifu_args(name, config=None):
        db = os.path.join(work, name + '.db')
        shutil.copyfile(base, db)
        # the event log's anchor goes with the database (qifu check verifies both)
        shutil.copyfile(base + '.anchor', db + '.anchor')
        return [qifu] + (['--config', config] if config else []) + \
            ['--db', db, '--today', '2026-12-01']

    for size in ('80x24', '120x40'):
        meant = {}
        for amb, config in ((2, wide_ini), (1, None)):
            out = os.path.join(work, 'meant-%s-%d.txt' % (size, amb))
            r = subprocess.run(qifu_args('h', config) + ['--keys', keys, '--size', size,
                                                          '--dump', out],
                               env=env, capture_output=True, text=True)
            if r.returncode != 0:
                fail('headless %s: exit %d: %s' % (size, r.returncode, r.stderr))
                return 1
            meant[amb] = cells.read_dump(out)
        # the screen, and what it answers: two cells, one cell, no answer and a late one
        runs = (('wide', ['--wide', ranges], 2, 'take 2 columns: the terminal said so'),
                ('narrow', [], 1, 'take 1 column: the terminal said so'),
                ('silent', ['--silent', '--late', r'\e[24;3R'], 1, 'did not answer within'))
        for name, opts, amb, says in runs:
            label = '%s %s' % (name, size)
            out = os.path.join(work, 'vt-%s-%s.txt' % (name, size))
            r = subprocess.run([vtscreen, '--size', size] + opts + [keys, out, '--'] +
                               qifu_args('v'), env=env, capture_output=True, text=True)
            if r.returncode == 77:
                print('SKIP: %s' % r.stderr.strip())
                return 77
            if r.returncode != 0:
                fail('%s: vtscreen exit %d: %s' % (label, r.returncode, r.stderr.strip()))
            got = cells.read_dump(out)
            want = meant[amb]
            if len(got) != len(want) + 1:
                fail('%s: %d screens, expected %d and the one left behind'
                     % (label, len(got), len(want) + 1))
                continue
            # the last screen meant is the help's terminal page, which says what was
            # found: compared as text below
            differ = codes = 0
            for k, ((cols, rows, a), (_, _, b)) in enumerate(zip(want[:-1], got[:-2])):
                for i, (ra, rb) in enumerate(zip(a, b)):
                    if ra != rb:
                        differ += 1
                        fail('%s: screen %d row %d is\n  %r\nmeant\n  %r' % (label, k, i, rb, ra))
                codes += check_codes('%s screen %d' % (label, k), b, amb)
            page = ' '.join(r.strip() for r in got[-2][2])
            if says not in page:
                fail('%s: the terminal page does not say "%s":\n%s'
                     % (label, says, '\n'.join(got[-2][2])))
            left = [r for r in got[-1][2] if r.strip()]
            if left:
                fail('%s: the shell\'s screen holds %r after qifu ended' % (label, left))
            if not differ:
                print('ok   %s: %d screens as meant, the USCC column straight (%d codes), '
                      'the probe: "...%s..."; %s' % (label, len(want) - 1, codes, says,
                                                     r.stdout.strip()))
    # qifu check asks as the full-screen program does, and says what it found
    empty = os.path.join(work, 'no-keys')
    open(empty, 'w').close()
    for name, opts, says in (('wide', ['--wide', ranges], 'take 2 columns: the terminal said so'),
                             ('narrow', [], 'take 1 column: the terminal said so'),
                             ('silent', ['--silent'], 'did not answer within 100 ms')):
        out = os.path.join(work, 'check-%s.txt' % name)
        r = subprocess.run([vtscreen, '--size', '200x24'] + opts + [empty, out, '--'] +
                           qifu_args('c') + ['check'], env=env, capture_output=True, text=True)
        lines = [row.strip() for row in cells.read_dump(out)[-1][2] if row.strip()]
        if r.returncode != 0 or not any(l.startswith('terminal:') and says in l for l in lines):
            fail('qifu check on the %s screen (exit %d) does not say "%s":\n%s'
                 % (name, r.returncode, says, '\n'.join(lines)))
        else:
            print('ok   qifu check on the %s screen: %s'
                  % (name, next(l for l in lines if l.startswith('terminal:'))))
    print('wide e2e %s' % ('FAILED' if failures else 'passed'))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
