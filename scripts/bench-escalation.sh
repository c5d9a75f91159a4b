#!/usr/bin/env bash
# Usage: scripts/bench-escalation.sh SNAPSHOT [--runs N] [--bucket NAME] [--no-build]
#
# Issue 16's speed target: `admins` and `who-can --with-escalation` within 3x the read floor.
# Builds the release binary (unless --no-build), warms the page cache with the snapshot, measures
# the read floor (shared/bench/read_floor.py) before and after, runs each command N times (default
# 3) under /usr/bin/time, and prints one table: median wall, CPU (user+sys), peak RSS, rows, the
# ratio to the read floor (mean of the two floors) and the verdict, with the load average.
# --bucket: the bucket for who-can (default: the first public-* bucket folder of the first account,
# else its first bucket folder). Env: ACCESSGRAPH_BENCH_SHARED (default ../shared/bench beside the clone).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ACCESSGRAPH_BENCH_SHARED:-"$(cd "$(dirname "$0")/../.." && pwd)/shared/bench"}
die() { echo "bench-escalation.sh: $*" >&2; exit 2; }

SNAP=""; RUNS=3; BUCKET=""; BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=${2:?--runs needs a number}; shift ;;
    --bucket) BUCKET=${2:?--bucket needs a name}; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option: $1" ;;
    *) SNAP=$1 ;;
  esac
  shift
done
[ -n "$SNAP" ] && [ -d "$SNAP/accounts" ] || die "give a snapshot directory (with accounts/)"
case "$RUNS" in ''|*[!0-9]*|0) die "--runs must be a positive integer" ;; esac
[ -f "$SHARED/read_floor.py" ] || die "no read_floor.py in $SHARED (set ACCESSGRAPH_BENCH_SHARED)"

if [ "$BUILD" = 1 ]; then (cd "$REPO" && swift build -c release >&2); fi
BIN="$REPO/.build/release/accessgraph"
[ -x "$BIN" ] || die "no release binary at $BIN"

if [ -z "$BUCKET" ]; then
  acct=$(find "$SNAP/accounts" -mindepth 1 -maxdepth 1 -type d | LC_ALL=C sort | head -1)
  BUCKET=$(find "$acct/s3" -mindepth 1 -maxdepth 1 -type d -name 'public-*' -printf '%f\n' 2>/dev/null | LC_ALL=C sort | head -1)
  [ -n "$BUCKET" ] || BUCKET=$(find "$acct/s3" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | LC_ALL=C sort | head -1)
  [ -n "$BUCKET" ] || die "no bucket folder in $acct/s3; give --bucket"
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
find "$SNAP" -type f -print0 | xargs -0 cat > /dev/null
floor() { python3 "$SHARED/read_floor.py" "$SNAP" | sed -n 's/^read-floor: \([0-9.]*\) s.*/\1/p'; }
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }

F1=$(floor)
LOAD1=$(cut -d' ' -f1 /proc/loadavg)
declare -A WALL CPU RSS ROWS
for cmd in admins who-can; do
  args=(admins "$SNAP" --format json)
  [ "$cmd" = who-can ] && args=(who-can "$SNAP" "arn:aws:s3:::$BUCKET" --with-escalation --format json --no-index)
  : > "$OUT/$cmd.runs"
  for i in $(seq "$RUNS"); do
    t0=$(date +%s%N)
    /usr/bin/time -f "%M %U %S" -o "$OUT/$cmd.time" "$BIN" "${args[@]}" > "$OUT/$cmd.json" 2> "$OUT/$cmd.err" \
      || { tail -5 "$OUT/$cmd.err" >&2; die "$cmd failed"; }
    t1=$(date +%s%N)
    read -r rss usr sys < <(tail -1 "$OUT/$cmd.time")
    awk -v a="$t0" -v b="$t1" -v u="$usr" -v s="$sys" -v r="$rss" 'BEGIN{printf "%.3f %.2f %d\n", (b-a)/1e9, u+s, r}' >> "$OUT/$cmd.runs"
    echo "$cmd run $i/$RUNS: $(tail -1 "$OUT/$cmd.runs") (wall s, CPU s, RSS KB)" >&2
  done
  WALL[$cmd]=$(cut -d' ' -f1 "$OUT/$cmd.runs" | median)
  CPU[$cmd]=$(cut -d' ' -f2 "$OUT/$cmd.runs" | median)
  RSS[$cmd]=$(cut -d' ' -f3 "$OUT/$cmd.runs" | sort -g | tail -1)
  ROWS[$cmd]=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d.get("admins", d.get("principals", []))))' "$OUT/$cmd.json")
done
F2=$(floor)
LOAD2=$(cut -d' ' -f1 /proc/loadavg)
FLOOR=$(awk -v a="$F1" -v b="$F2" 'BEGIN{printf "%.3f", (a+b)/2}')

echo "snapshot: $SNAP; bucket for who-can: $BUCKET; runs: $RUNS; read floor: $F1 s before, $F2 s after; load average: $LOAD1 before, $LOAD2 after"
echo
echo "| command | rows | wall (median) | CPU user+sys (median) | peak RSS | wall / read floor | target | verdict |"
echo "|---|---|---|---|---|---|---|---|"
for cmd in admins who-can; do
  label="admins --format json"; [ "$cmd" = who-can ] && label="who-can arn:aws:s3:::$BUCKET --with-escalation --format json"
  ratio=$(awk -v w="${WALL[$cmd]}" -v f="$FLOOR" 'BEGIN{printf "%.1f", w/f}')
  verdict=$(awk -v r="$ratio" 'BEGIN{print (r <= 3 ? "met" : "MISSED")}')
  echo "| $label | ${ROWS[$cmd]} | ${WALL[$cmd]} s | ${CPU[$cmd]} s | $(( ${RSS[$cmd]} / 1024 )) MiB | ${ratio}x | ≤ 3x | $verdict |"
done
