#!/usr/bin/env bash
# Loads the HTML report of a snapshot in headless Chromium (Debian's `chromium` package) and fails
# when the page's script did not finish (no data-ok="true" on <body>), when it finished more than
# MAX_MS (default 5000) milliseconds after navigation started (data-ms), when Chromium logged any
# console message (an uncaught error, a load blocked by the page's Content-Security-Policy...),
# when sorting or filtering, preset through the address, gives the wrong rows, or when unfolding
# entry points does not show what they reach. Writes a screenshot.
#
#   scripts/check-report.sh [SNAPSHOT] [SCREENSHOT.png]
#   defaults: samples/acme-org and docs/report-screenshot.png; QUERY (default vendor) is the filter word tried
# ACCESSGRAPH names the binary (default .build/debug/accessgraph, built when missing);
# REPORT names an existing report to check instead of generating one.
set -euo pipefail
cd "$(dirname "$0")/.."
snapshot="${1:-samples/acme-org}"
screenshot="${2:-docs/report-screenshot.png}"
chromium_bin="${CHROMIUM:-chromium}"
command -v "$chromium_bin" >/dev/null 2>&1 || { echo "check-report: $chromium_bin is not on the PATH (apt-get install -y chromium)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
report="${REPORT:-}"
if [ -z "$report" ]; then
  bin="${ACCESSGRAPH:-.build/debug/accessgraph}"
  [ -x "$bin" ] || swift build --product accessgraph >&2
  report="$work/report.html"
  "$bin" report "$snapshot" -o "$report" >&2
fi
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"

max_ms="${MAX_MS:-5000}"
failures=0
fail() { echo "check-report: FAIL: $*" >&2; failures=$((failures + 1)); }

# chromium DUMP_OUT ERR_OUT URL_SUFFIX [extra flags...]: runs headless Chromium on the report.
run_chromium() {
  local dom="$1" err="$2" suffix="$3"
  shift 3
  timeout 120 "$chromium_bin" --headless --disable-gpu --no-sandbox --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
    "$@" "file://$report$suffix" >"$dom" 2>"$err" || { fail "chromium exited with $? for #${suffix#\#}"; cat "$err" >&2; }
}

# console_check ERR LABEL: any console message (errors, CSP violations, warnings) fails.
console_check() {
  if grep -E ':CONSOLE|Uncaught' "$1" >/dev/null; then
    fail "$2: console messages:"
    grep -E ':CONSOLE|Uncaught' "$1" >&2
  fi
}

# 1. Default view: the script ran to the end without an error.
run_chromium "$work/dom.html" "$work/err.txt" "" --dump-dom
console_check "$work/err.txt" "default view"
grep -q '<body[^>]*data-ok="true"' "$work/dom.html" || fail 'default view: <body> has no data-ok="true" (the script did not finish)'
ms="$(sed -n 's/.*<body[^>]*data-ms="\([0-9]*\)".*/\1/p' "$work/dom.html" | head -1)"
if [ -z "$ms" ] || [ "$ms" -gt "$max_ms" ]; then fail "default view: the page was ready after ${ms:-?} ms (limit $max_ms)"; fi

# 2. Filtering and sorting in the browser, preset through the address.
run_chromium "$work/dom-public.html" "$work/err-public.txt" "#public&sort=0&dir=descending" --dump-dom
console_check "$work/err-public.txt" "#public&sort=0&dir=descending"
query="${QUERY:-vendor}"
run_chromium "$work/dom-query.html" "$work/err-query.txt" "#q=$query" --dump-dom
console_check "$work/err-query.txt" "#q=$query"
run_chromium "$work/dom-open.html" "$work/err-open.txt" "#open=3" --dump-dom
console_check "$work/err-open.txt" "#open=3"
python3 - "$report" "$work/dom.html" "$work/dom-public.html" "$work/dom-query.html" "$work/dom-open.html" "$query" <<'PY' || fail "sorting, filtering or unfolding in the browser"
import re, sys
report, default, public, query, opened = (open(p, encoding="utf-8").read() for p in sys.argv[1:6])
word = sys.argv[6].lower()
total = int(re.search(r'id="count-findings"><span class="value">(\d+)', report).group(1))
publics = int(re.search(r'id="count-public"><span class="value">(\d+)', report).group(1))

def groups(dom):
    """(resource, public, hidden) of each finding's <tbody> drawn, in document order."""
    out = []
    for m in re.finditer(r'<tbody class="finding"([^>]*)>\s*<tr><td data-value="([^"]*)"', dom):
        attrs = m.group(1)
        out.append((m.group(2), 'data-public="true"' in attrs, re.search(r'\shidden(=""|\s|$)', attrs) is not None))
    return out

errors = []
page = int(re.search(r'<table id="findings" class="sortable" data-page="(\d+)"', report).group(1))
g = groups(default)
if len(g) != min(total, page):
    errors.append(f"default view shows {len(g)} rows, expected {min(total, page)} (of {total}, {page} a page)")
if [p for _, p, _ in g] != sorted([p for _, p, _ in g], reverse=True):
    errors.append("default view: public findings are not first")
g = groups(public)
if len(g) != min(publics, page) or not all(p for _, p, _ in g):
    errors.append(f"#public shows {len(g)} rows, expected {min(publics, page)} of the {publics} public findings")
if [r for r, _, _ in g] != sorted((r for r, _, _ in g), reverse=True):
    errors.append("#sort=0&dir=descending: rows are not sorted by resource, descending")
if f"{publics} of {total} findings" not in public:
    errors.append(f"#public: the count does not read '{publics} of {total} findings'")

def rows(dom):
    """(hidden, text) of each <tbody> drawn, of both tables."""
    out = []
    for m in re.finditer(r'<tbody class="(?:finding|entry)"([^>]*)>(.*?)</tbody>', dom, re.S):
        text = re.sub(r"<[^>]+>", " ", m.group(2)).replace("&amp;", "&").lower()
        out.append((re.search(r'\shidden(=""|\s|$)', m.group(1)) is not None, text))
    return out
shown = [t for h, t in rows(query) if not h]
if not shown or not all(word in t for t in shown):
    errors.append(f"#q={word} shows {len(shown)} rows, some without {word}")
entries = int(re.search(r'id="count-entry-points"><span class="value">(\d+)', report).group(1))
reach_tables = len(re.findall(r'<table class="reach">', opened))
if reach_tables != min(3, entries):
    errors.append(f"#open=3 shows {reach_tables} reach tables, expected {min(3, entries)}")
if entries and not re.search(r'<table class="reach">.*?<td class="number">[0-9,]+</td>', opened, re.S):
    errors.append("#open=3: the reach tables have no resource counts")
for e in errors:
    print("check-report:", e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY

# 3. A screenshot for people to look at.
mkdir -p "$(dirname "$screenshot")"
case "$screenshot" in /*) ;; *) screenshot="$(pwd)/$screenshot" ;; esac
run_chromium "$work/shot.out" "$work/err-shot.txt" "#open=1" --screenshot="$screenshot" --window-size=1280,1500
console_check "$work/err-shot.txt" "screenshot"
[ -s "$screenshot" ] || fail "no screenshot written to $screenshot"

if [ "$failures" -gt 0 ]; then
  echo "check-report: $failures check(s) failed" >&2
  exit 1
fi
echo "check-report: OK ($("$chromium_bin" --version 2>/dev/null | head -1)): no console messages, data-ok set, sorting and filtering right; screenshot $screenshot"
