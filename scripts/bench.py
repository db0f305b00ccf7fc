#!/usr/bin/env python3
"""Run qifu's benchmark cases and print whole-process figures.

Each case runs the release binary (build-bench/qifu) several times on demo databases
of 1 000 and 100 000 enterprises and reports the median wall time, the median CPU time
(user + system) and the largest resident set, then the ratio 100k / 1k. The screen
cases go through the headless door (--keys), so they include drawing every key."""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "build-bench", "qifu")
WORK = os.path.join(ROOT, "build-bench", "bench-data")
ENV = dict(os.environ, QIFU_DATA_DIR=os.path.join(ROOT, "data"),
           QIFU_LOCALEDIR=os.path.join(ROOT, "build-bench", "po"), LANG="C.UTF-8",
           LANGUAGE="zh_CN", QIFU_TODAY="2026-12-01", NO_COLOR="1",
           QIFU_SYSCONF_FILE="/nonexistent", XDG_CONFIG_HOME="/nonexistent")
SIZES = [1000, 100000]


def nav_keys(n):
    """n navigation keys: mostly Down and PgDn, some End/Home/Up, as a person scrolls"""
    cycle = ["Down"] * 6 + ["PgDn", "Down", "Up", "PgDn", "PgUp", "End", "Home", "j", "k", "G"]
    return [cycle[i % len(cycle)] for i in range(n)]


SEARCHES = ["华勤", "勤", "hqjs", "huaqin", "科技", "kj", "9136010", "南昌", "xny", "电子",
            "gd", "guangdian", "有限公司", "zn", "智能装备", "wl", "物流", "swyy", "生物", "cq"]




def appeal_keys(name):
    if name == "appeals-first":
        return ["2", "dump"]
    if name == "appeals-views":
        return ["2"] + ["Tab"] * 10 + ["dump"]
    if name == "appeals-nav-300":
        return ["2"] + nav_keys(300) + ["dump"]
    return None


def case_keys(name):
    if name == "first-screen":
        return ["dump"]
    if name == "nav-300":
        return nav_keys(300) + ["dump"]
    if name == "scroll-1000":
        return nav_keys(1000) + ["dump"]
    if name == "search-20":
        keys = []
        for q in SEARCHES:
            keys += ["F3", "C-u", "text " + q, "Enter", "Down", "Down"]
        return keys + ["dump"]
    if name == "sort-6":
        return ["F6"] * 6 + ["S", "dump"]
    return None


CLI_CASES = {
    "cli-list-search": ["enterprise", "list", "--search", "hqjs", "--format", "csv"],
    "cli-list-area": ["enterprise", "list", "--area", "麻丘镇", "--category", "industry",
                      "--format", "csv"],
}

CASES = ["first-screen", "nav-300", "scroll-1000", "search-20", "sort-6"] + list(CLI_CASES) + \
    ["import", "appeals-first", "appeals-views", "appeals-nav-300"]


def import_setup(n, dbs, tmp):
    """the register of the n-enterprise demo exported to CSV, and an empty demo
    database (same staff, no enterprises) that each run imports it into"""
    csv = os.path.join(WORK, f"export-{n}.csv")
    if not os.path.exists(csv):
        subprocess.run([BIN, "--db", dbs[n], "enterprise", "export", csv], env=ENV, check=True,
                       stdout=subprocess.DEVNULL)
    empty = os.path.join(WORK, "empty.db")
    if not os.path.exists(empty):
        subprocess.run([BIN, "demo", "--db", empty, "--enterprises", "0", "--seed", "1"],
                       env=ENV, check=True, stdout=subprocess.DEVNULL)
    return csv, empty


def demo_db(n, fresh, appeals=0):
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, f"demo-{n}.db" if not appeals else f"appeals-{appeals}.db")
    if fresh and os.path.exists(path):
        os.remove(path)
    if not os.path.exists(path):
        print(f"writing demo database with {n} enterprises …", file=sys.stderr)
        t = time.monotonic()
        extra = ["--appeals", str(appeals)] if appeals else []
        subprocess.run([BIN, "demo", "--db", path, "--enterprises", str(n), "--seed", "1"] + extra,
                       env=ENV, check=True, stdout=subprocess.DEVNULL)
        print(f"  {time.monotonic() - t:.1f} s", file=sys.stderr)
    return path


def run_once(args):
    """wall time, CPU time (user + system) and peak RSS of one run of the process"""
    t = time.monotonic()
    p = subprocess.Popen(args, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t
    stderr = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({p.returncode}): {stderr[:500]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--fresh", action="store_true", help="rewrite the demo databases")
    ap.add_argument("cases", nargs="*", default=CASES)
    a = ap.parse_args()
    dbs = {n: demo_db(n, a.fresh) for n in SIZES}
    appeal_dbs = None
    tmp = tempfile.mkdtemp(prefix="qifu-bench-")
    print(f"{'case':<18} {'size':>7} {'wall ms':>9} {'cpu ms':>8} {'max RSS KB':>11}")
    for name in a.cases:
        keys = case_keys(name)
        akeys = appeal_keys(name)
        if akeys is not None:
            keys = akeys
            if appeal_dbs is None:
                # appeals at 1 000 and 100 000 (over 1 000 and 10 000 enterprises)
                appeal_dbs = {1000: demo_db(1000, a.fresh, 1000), 100000: demo_db(10000, a.fresh, 100000)}
        medians = {}
        for n in SIZES:
            if keys is not None:
                kf = os.path.join(tmp, name + ".keys")
                with open(kf, "w", encoding="utf-8") as f:
                    f.write("\n".join(keys) + "\n")
                args = [BIN, "--db", (appeal_dbs if akeys is not None else dbs)[n], "--keys", kf, "--size", "80x24",
                        "--dump", os.path.join(tmp, "dump.txt")]
            elif name in CLI_CASES:
                args = [BIN, "--db", dbs[n]] + CLI_CASES[name]
            elif name == "import":
                args = None
            else:
                sys.exit(f"unknown case {name}; cases: {', '.join(CASES)}")
            if name == "import":
                csv, empty = import_setup(n, dbs, tmp)
                target = os.path.join(tmp, "import.db")
                args = [BIN, "--db", target, "enterprise", "import", csv]
                runs = []
                for _ in range(a.runs):
                    shutil.copyfile(empty, target)   # not timed: a fresh register each run
                    runs.append(run_once(args))
            else:
                runs = [run_once(args) for _ in range(a.runs)]
            wall = statistics.median(r[0] for r in runs) * 1000
            cpu = statistics.median(r[1] for r in runs) * 1000
            rss = max(r[2] for r in runs)
            medians[n] = wall
            print(f"{name:<18} {n:>7} {wall:>9.1f} {cpu:>8.1f} {rss:>11}")
        ratio = medians[SIZES[1]] / medians[SIZES[0]] if medians[SIZES[0]] else float("nan")
        print(f"{name:<18} {'ratio':>7} {ratio:>9.2f}   (100k / 1k wall)")


if __name__ == "__main__":
    main()
