#!/usr/bin/env python3
"""The QR codes the golden screens show, scanned: every screen of tests/golden/*.txt that
draws a QR code (the Calendar's plan detail) is painted as the terminal shows it and
decoded with zbar's zbarimg (qr_scan.py), which must give the plan code of the screen's
title and the line that verifies it, in the screen's language. The code is drawn dark on
light inside its own quiet zone, and the screen around it is painted dark, as on the
usual dark terminal; the screen drew the slim quiet zone of 2 modules where the standard
4 did not fit, so 2 is all that is assumed. A screen scrolled to part of a code is
passed over; a golden set with no whole code on any screen fails: nothing would be
checked.

Usage: qr_golden.py QR_SCAN_PY GOLDEN_DIR   Exit 0, 1 on a failure, 77 without zbarimg.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

CODE = re.compile(r"JC\d\d-\d{6}-[0-9A-Z]")
BLOCKS = "\u2580\u2584\u2588"
# what a plan code's QR code says (app/inspection_notice.c), per language of the screen
SAYS = {
    "zh_CN": "执法计划码 {0}\n核验：qifu inspect verify {0}",
    "en": "Inspection plan code {0}\nVerify: qifu inspect verify {0}",
}
SLIM_QUIET = 2


def screens(path):
    """(first line number, rows) of each screen of a golden file"""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, cur, start, height = [], None, 0, 0
    for n, line in enumerate(lines, 1):
        if line.startswith("--- ") and line.endswith(" ---"):
            if cur is not None:
                out.append((start, cur[:height]))
            cur, start = [], n
            height = int(line[4:-4].split("x")[1])
        elif cur is not None:
            cur.append(line)
    if cur is not None:
        out.append((start, cur[:height]))
    return out


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    scan_py, golden = argv
    if not shutil.which("zbarimg"):
        print("zbarimg not found (Debian package zbar-tools): skipped", file=sys.stderr)
        return 77
    checked = failures = 0
    for path in sorted(glob.glob(os.path.join(golden, "*.txt"))):
        lang = os.path.basename(path).split(".")[-2]
        for start, lines in screens(path):
            # a row of a code is blocks and blanks only; the reports' charts draw blocks
            # too, but beside a unit's name and figures
            rows = [i for i, line in enumerate(lines)
                    if line.strip() and all(ch in BLOCKS or ch == " " for ch in line)
                    and any(ch in BLOCKS for ch in line)]
            if not rows:
                continue
            where = "%s:%d" % (os.path.basename(path), start)
            # a view scrolled part of the way shows part of a code: whole is a code with a
            # body row (not the title, not the hint and F-key lines) above and below it
            if rows[0] - 1 < 2 or rows[-1] + 1 > len(lines) - 3:
                print("cut  %s: part of a QR code, scrolled" % where)
                continue
            # the title row names the plan; the drawing is the run of block rows
            code = CODE.search(lines[1]) if len(lines) > 1 else None
            if not code or lang not in SAYS:
                print("FAIL %s: a QR code on a screen without a plan code in its title (%s)"
                      % (where, lines[1] if len(lines) > 1 else ""))
                failures += 1
                continue
            want = SAYS[lang].format(code.group(0))
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as f:
                f.write("\n".join(lines))
                f.flush()
                r = subprocess.run([sys.executable, scan_py, "--quiet=%d" % SLIM_QUIET, f.name],
                                   capture_output=True, text=True)
            checked += 1
            if r.returncode != 0 or r.stdout != want:
                print("FAIL %s: scanned %r (exit %d, %s), want %r"
                      % (where, r.stdout, r.returncode, r.stderr.strip(), want))
                failures += 1
            else:
                print("ok   %s: %s" % (where, want.replace("\n", " / ")))
    if checked == 0:
        print("FAIL: no golden screen draws a QR code")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
