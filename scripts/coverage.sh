#!/bin/sh
# Prints line and branch coverage (gcovr, Debian) of the sources built in
# BUILD (make COV=1), after the tests ran on that build: one line per file,
# then per folder and overall; writes BUILD/html/index.html.
#   scripts/coverage.sh BUILD [FILTER]
# FILTER (a regular expression on the path, default every folder of the
# program) keeps the figures to what the tests that ran are about: make
# coverage-store gives '(store|util)/'.  Generated sources (BUILD/gen) and
# the tests themselves are left out.
set -eu
build=${1:-build/cov}
command -v gcovr >/dev/null || { echo "coverage: gcovr is not installed (Debian gcovr)" >&2; exit 2; }
filter=${2:-'(intake|store|export|privacy|crypto|util)/'}
mkdir -p "$build/html"
gcovr --root . --object-directory "$build" --filter "$filter" \
    --json-summary "$build/coverage.json" --json-summary-pretty \
    --json "$build/lines.json" \
    --html-details "$build/html/index.html" >/dev/null
python3 - "$build/coverage.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def pct(c, t): return 100.0 * c / t if t else 100.0
folders = {}
print("%-34s %7s %7s" % ("file", "lines", "branches"))
for f in sorted(d["files"], key=lambda f: f["filename"]):
    print("%-34s %6.1f%% %6.1f%%" % (f["filename"], pct(f["line_covered"], f["line_total"]),
                                     pct(f["branch_covered"], f["branch_total"])))
    a = folders.setdefault(f["filename"].split("/")[0], [0, 0, 0, 0])
    for i, k in enumerate(("line_covered", "line_total", "branch_covered", "branch_total")):
        a[i] += f[k]
print()
print("%-10s %22s %24s" % ("folder", "lines", "branches"))
for name, (lc, lt, bc, bt) in sorted(folders.items()):
    print("%-10s %6.1f%% (%5d/%5d) %6.1f%% (%5d/%5d)" % (name, pct(lc, lt), lc, lt, pct(bc, bt), bc, bt))
print("%-10s %6.1f%% (%5d/%5d) %6.1f%% (%5d/%5d)" % ("overall", d["line_percent"], d["line_covered"],
      d["line_total"], d["branch_percent"], d["branch_covered"], d["branch_total"]))
PY
# Issue 14: every error return of store/ and util/ reached by a test.
# Those no test reached (docs/COVERAGE.md says why for each): the first
# line of each statement that returns an error, never executed.
python3 - "$build/lines.json" <<'PY'
import json, os, re, sys
ret = re.compile(r'^\s*(return\s+(err_set|err_then|db_fail|db_explain|-1\b|NULL\b|DB_NOT_THIS_KEY)'
                 r'|(\(void\)\s*)?err_set\()')
d = json.load(open(sys.argv[1]))
out = []
for f in sorted(d["files"], key=lambda f: f["file"]):
    if not re.match(r'(store|util)/', f["file"]):
        continue
    src = open(f["file"], encoding="utf-8").read().split("\n")
    for l in f["lines"]:
        n = l["line_number"]
        if l["count"] == 0 and not l.get("gcovr/noncode") and ret.match(src[n - 1]):
            out.append("%s:%d: %s" % (f["file"], n, src[n - 1].strip()))
print()
print("error returns of store/ and util/ no test reached: %d" % len(out))
for o in out:
    print("  " + o)
# UNREACHED=FILE: the same list, each line with why it is left (the kind
# of return decides: docs/COVERAGE.md explains each kind).
dest = os.environ.get("UNREACHED")
if dest:
    def why(line):
        l = line.lower()
        if "out of memory" in l or "out of secure memory" in l or "oom" in l:
            return "memory: one allocation's NULL check; reach it with the allocation injector"
        if "too long" in l:
            return "length: a path or text over its buffer; the system refuses such paths first"
        if re.search(r'return\s+(-1|NULL)\s*;', line):
            return "passes on: the callee worded the error; reached when it fails at this call"
        if "db_fail" in l or "db_explain" in l:
            return "statement: reach it with test_faults.c's each-statement seam"
        return "needs a test: an outside condition no injected fault made yet"
    with open(dest, "w", encoding="utf-8") as w:
        w.write("# Error returns of store/ and util/ that no test reached (make coverage-inject),\n"
                "# file:line: the statement, then why it is left.  %d in all.\n" % len(out))
        for o in out:
            w.write("%s\n    why: %s\n" % (o, why(o)))
PY
echo "coverage: details in $build/html/index.html"
