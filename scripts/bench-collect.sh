#!/usr/bin/env bash
# Usage: scripts/bench-collect.sh [--preset small] [--jobs N] [--process-per-call] [--no-build] [--bin PATH]
#
# Collector speed, measured against the reference script on the same moto server in the same run:
#   1. starts moto on 127.0.0.1 with shared/bench/moto_account.py --preset PRESET (default small: ~1,233
#      files, most of them the ~1,180 EBS snapshots moto owns);
#   2. times shared/bench/collect_via_cli.sh (one `aws` process per command, sequential, ~50 files);
#   3. times `accessgraph collect --region us-east-1 --jobs N` (default 4) with the same aws CLI;
#      with --process-per-call, also `accessgraph collect --process-per-call` (one process per command);
#   4. prints wall seconds, files and seconds per file for each, and the ratio of seconds per file
#      (reference / accessgraph). The issue's target: accessgraph at most 1/20 of the reference's.
# The release binary is built first (`swift build -c release`) unless --no-build or --bin is given.
# Env: BENCH_DIR (default /tmp/accessgraph-bench-collect), ACCESSGRAPH_BENCH_SHARED (default ../shared/bench
#      beside the clone), BENCH_VENV (the venv shared/bench/setup.sh makes; it holds moto and awscli).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ACCESSGRAPH_BENCH_SHARED:-"$(cd "$(dirname "$0")/../.." && pwd)/shared/bench"}
BENCH_DIR=${BENCH_DIR:-/tmp/accessgraph-bench-collect}
export BENCH_VENV=${BENCH_VENV:-$HOME/.cache/accessgraph-bench/venv}

die() { echo "bench-collect.sh: $*" >&2; exit 2; }

PRESET=small; JOBS=4; PER_CALL=0; BUILD=1; BIN=""
while [ $# -gt 0 ]; do
  case "$1" in
    --preset) PRESET=${2:?}; shift 2 ;;
    --jobs) JOBS=${2:?}; shift 2 ;;
    --process-per-call) PER_CALL=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --bin) BIN=${2:?}; BUILD=0; shift 2 ;;
    *) sed -n '2p' "$0" | sed 's/^# //' >&2; exit 2 ;;
  esac
done
[ -d "$SHARED" ] || die "shared/bench not found at $SHARED (set ACCESSGRAPH_BENCH_SHARED)"
bash "$SHARED/setup.sh" >/dev/null || die "shared/bench/setup.sh failed"
PY=$BENCH_VENV/bin/python; AWS=$BENCH_VENV/bin/aws
[ -x "$AWS" ] || die "no aws CLI in $BENCH_VENV"
if [ "$BUILD" = 1 ]; then (cd "$REPO" && swift build -c release >&2) || die "release build failed"; fi
BIN=${BIN:-$REPO/.build/release/accessgraph}
[ -x "$BIN" ] || die "no accessgraph binary at $BIN (build it or pass --bin)"

mkdir -p "$BENCH_DIR"
PIDFILE=$BENCH_DIR/moto.pid
cleanup() { [ -f "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null; rm -f "$PIDFILE"; }
trap cleanup EXIT
eval "$("$PY" "$SHARED/moto_account.py" --preset "$PRESET" --pidfile "$PIDFILE")"
echo "moto: $ENDPOINT, account $ACCOUNT (preset $PRESET)" >&2

export AWS_ACCESS_KEY_ID=$ACCOUNT AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN

# timed NAME OUTDIR CMD...: runs CMD, prints "NAME wall files"
timed() {
  local name=$1 out=$2; shift 2
  rm -rf "$out"
  local start end
  start=$(date +%s.%N)
  "$@" > "$BENCH_DIR/$name.log" 2>&1 || { tail -5 "$BENCH_DIR/$name.log" >&2; die "$name failed (log: $BENCH_DIR/$name.log)"; }
  end=$(date +%s.%N)
  echo "$name $(echo "$end - $start" | bc -l) $(find "$out" -type f | wc -l)"
}

RESULTS=$BENCH_DIR/results.txt
: > "$RESULTS"
timed reference "$BENCH_DIR/reference" env AWS_CLI="$AWS" bash "$SHARED/collect_via_cli.sh" "$ENDPOINT" "$BENCH_DIR/reference" >> "$RESULTS"
timed accessgraph "$BENCH_DIR/accessgraph" "$BIN" collect --aws-cli "$AWS" --endpoint-url "$ENDPOINT" --region us-east-1 \
  --jobs "$JOBS" -o "$BENCH_DIR/accessgraph" >> "$RESULTS"
if [ "$PER_CALL" = 1 ]; then
  timed process-per-call "$BENCH_DIR/process-per-call" "$BIN" collect --aws-cli "$AWS" --endpoint-url "$ENDPOINT" \
    --region us-east-1 --jobs "$JOBS" --process-per-call -o "$BENCH_DIR/process-per-call" >> "$RESULTS"
fi

awk -v cores="$(nproc)" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
  { wall[$1] = $2; files[$1] = $3; per[$1] = $2 / $3; order[NR] = $1 }
  END {
    printf "%-18s %10s %7s %12s\n", "collector", "wall s", "files", "s per file"
    for (i = 1; i <= NR; i++) { n = order[i]; printf "%-18s %10.1f %7d %12.4f\n", n, wall[n], files[n], per[n] }
    ratio = per["reference"] / per["accessgraph"]
    verdict = "MISSED"; if (ratio >= 20) verdict = "met"
    printf "ratio (reference s/file / accessgraph s/file): %.1f  (target >= 20: %s)\n", ratio, verdict
    printf "(%d cores, load average %s at the end)\n", cores, load
  }' "$RESULTS"
