#!/usr/bin/env python3
"""Add up meson's testlog.json files and print the closing line 'N passed, N failed'
(meson prints no such line). Exit 1 when anything failed or nothing ran."""
import json
import os
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    log = os.path.join(build, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        print(f"{build}: no test log", file=sys.stderr)
        failed += 1
        continue
    for line in open(log, encoding="utf-8"):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        result = r.get("result", "")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
            print(f"FAILED: {build}: {r.get('name')} ({result})", file=sys.stderr)
tail = f", {skipped} skipped" if skipped else ""
print(f"{passed} passed, {failed} failed{tail}")
sys.exit(1 if failed or not passed else 0)
