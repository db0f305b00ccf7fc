#!/usr/bin/env python3
"""Scan the QR code drawn in a text as a phone would: paint the text as a terminal or a
printer does (each character cell twice as tall as it is wide; a glyph is ink, the rest
background), write that picture as a PNG (zlib only, no PIL), and decode it with zbar's
zbarimg. Prints the decoded text.

Usage: qr_scan.py [--invert] [--wide] [--quiet=N] [FILE]   (FILE defaults to stdin)
  --invert  the text is shown light on dark (ink is light, the background dark)
  --wide    block elements and U+3000 take two columns (ambiguous-wide terminal)
  --quiet=N the drawing has a light quiet zone of N modules and the screen around it
            is dark (a dark terminal around a code drawn dark on light), not paper;
            not with --invert
Exit 0 with the text, 1 when nothing is found or decoded, 77 (meson's skip) when
zbarimg is not installed.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

COL = 4           # pixels a terminal column is wide
ROW = 2 * COL     # and a line tall: the usual cell of 1:2
MARGIN = 3        # lines and columns of background around the text
BLOCKS = {"\u2588": (True, True), "\u2580": (True, False), "\u2584": (False, True)}
BLANKS = {" ": 1, "\u3000": 2}


def cells(line, wide):
    """(top ink, bottom ink, columns) for each character of a line of the drawing"""
    for ch in line:
        if ch in BLOCKS:
            top, bottom = BLOCKS[ch]
            yield top, bottom, 2 if wide else 1
        elif ch in BLANKS:
            yield False, False, BLANKS[ch]
        else:
            raise ValueError("not part of a QR drawing: %r in %r" % (ch, line))


def drawing(text):
    """the run of lines that hold block characters (the drawing, with its quiet zone
    when that is ink), or [] when there is none"""
    run = []
    for line in text.split("\n"):
        if any(ch in BLOCKS for ch in line):
            run.append(line.rstrip())
        elif run:
            break
    return run


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + bytes(r) for r in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def darken_outside(rows, quiet, module):
    """paint dark what lies beyond the ink's bounding box and quiet modules of light:
    the terminal's dark background around a code drawn dark on light"""
    inked = [(y, x) for y, r in enumerate(rows) for x, v in enumerate(r) if v == 0]
    top = min(y for y, _ in inked) - quiet * module
    bottom = max(y for y, _ in inked) + quiet * module
    left = min(x for _, x in inked) - quiet * module
    right = max(x for _, x in inked) + quiet * module
    for y, r in enumerate(rows):
        for x in range(len(r)):
            if not (top <= y <= bottom and left <= x <= right):
                r[x] = 0


def picture(lines, invert, wide, quiet=None):
    ink, paper = (255, 0) if invert else (0, 255)
    grid = [list(cells(line, wide)) for line in lines]
    cols = max(sum(c[2] for c in row) for row in grid) + 2 * MARGIN
    width, height = cols * COL, (len(grid) + 2 * MARGIN) * ROW
    rows = [[paper] * width for _ in range(height)]
    for y, row in enumerate(grid):
        x = MARGIN
        for top, bottom, w in row:
            for half, on in ((0, top), (1, bottom)):
                if not on:
                    continue
                y0 = (y + MARGIN) * ROW + half * ROW // 2
                for py in range(y0, y0 + ROW // 2):
                    rows[py][x * COL:(x + w) * COL] = [ink] * (w * COL)
            x += w
    if quiet is not None:
        # a module is COL pixels a side: half a line tall, one column (two when wide) wide
        darken_outside(rows, quiet, 2 * COL if wide else COL)
    return png(width, height, rows)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    invert, wide = "--invert" in argv, "--wide" in argv
    quiet = [int(a[len("--quiet="):]) for a in argv if a.startswith("--quiet=")]
    if quiet and invert:
        print("--quiet paints the screen around a code drawn dark on light: not with --invert",
              file=sys.stderr)
        return 2
    zbarimg = shutil.which("zbarimg")
    if not zbarimg:
        print("zbarimg not found (Debian package zbar-tools): skipped", file=sys.stderr)
        return 77
    with open(args[0], encoding="utf-8") if args else sys.stdin as f:
        lines = drawing(f.read())
    if not lines:
        print("no QR drawing in the text", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "qr.png")
        with open(path, "wb") as f:
            f.write(picture(lines, invert, wide, quiet[-1] if quiet else None))
        if os.environ.get("QR_SCAN_KEEP"):
            shutil.copy(path, os.environ["QR_SCAN_KEEP"])
        r = subprocess.run([zbarimg, "--raw", "-q", path], capture_output=True)
    if r.returncode != 0:
        print("zbarimg found no code (exit %d): %s" % (r.returncode, r.stderr.decode(errors="replace")),
              file=sys.stderr)
        return 1
    out = r.stdout.decode("utf-8")
    sys.stdout.write(out[:-1] if out.endswith("\n") else out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
