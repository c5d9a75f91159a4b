#!/usr/bin/env bash
# Usage: scripts/bench.sh PRESET [--peer] [--runs N] [--bucket NAME] [--profile callgrind|perf] [--no-build] [--no-extra]
#   PRESET: small | medium | large | xl  (the presets of shared/bench/gen_snapshot.py)
#   or:    scripts/bench.sh collect [ARGS]  (the collector against the reference script: scripts/bench-collect.sh)
#
# End-to-end benchmark of the release binary on a synthetic snapshot:
#   1. generates PRESET with shared/bench/gen_snapshot.py (default seed) into $BENCH_DIR/PRESET,
#      only when that folder is missing (the cache; delete it to regenerate);
#   2. builds the release binary (`swift build -c release`);
#   3. reads every snapshot file once, untimed (a warm page cache, as right after `collect`), then
#      runs `accessgraph findings SNAP --format json` and `accessgraph who-can SNAP arn:aws:s3:::BUCKET
#      --format json` N times each (default 3) under /usr/bin/time, with ACCESSGRAPH_TIMINGS=1 for the
#      stage times, and prints one table: stage times and wall time (medians), peak RSS (max of the runs),
#      and the issue's target for the preset, met or missed.
#   4. measures the read floor (shared/bench/read_floor.py: Python's json module parsing every file once)
#      before and after the tool runs, and prints first the table of issue 14's targets as ratios to that
#      floor (findings default JSON and its size, findings --format ndjson of every finding on large,
#      who-can, peak RSS), each met or missed; then the table of the earlier per-preset targets.
#   5. then the targets of issues 16 and 18, each as a ratio to the read floor of the snapshot it reads:
#      `admins` and `who-can BUCKET --with-escalation` (≤ 3x), and `hygiene` and `unused` (≤ 1.5x) on a
#      copy of the snapshot with a credential report, password policy, account summary and service
#      last-accessed files for every account ($BENCH_DIR/PRESET-usage, made once by
#      scripts/add-usage-reports.py --last-accessed). --no-extra skips them.
#   --peer     (small only) also runs shared/bench/peer_pmapper.sh small (Principal Mapper 1.1.5 against
#              moto), runs our tool N times on the snapshot collected from that same moto account, prints the
#              ratio (PMapper graph create + one who-can query) / (our findings + who-can), all from this run,
#              and compares the principals both tools list for s3:GetObject on the bucket.
#   --profile  one extra `findings` run under `perf record -e cpu-clock` (default) or valgrind --tool=callgrind
#              (instruction counts); the top functions go to $BENCH_DIR/profile-PRESET-findings.*.txt.
#              Note: valgrind 3.19 (Debian 12) dies with an internal SIGSEGV on this binary as soon as
#              libdispatch starts its worker threads (seen 2026-11-25, memcheck too), so callgrind fails here.
#   --bucket   the bucket for who-can (default: the first public-* bucket folder of the first account,
#              or the first bucket folder when there is none)
#   --no-build use the existing release binary
# Env: BENCH_DIR (default /tmp/accessgraph-bench), ACCESSGRAPH_BENCH_SHARED (default: shared/bench beside the
#      clone, i.e. ../shared/bench relative to the repository), BENCH_TIMEOUT (seconds per tool run, default 900),
#      BENCH_SEED (generator seed, default: the generator's own default).
set -euo pipefail
if [ "${1:-}" = collect ]; then shift; exec bash "$(dirname "$0")/bench-collect.sh" "$@"; fi

REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ACCESSGRAPH_BENCH_SHARED:-"$(cd "$(dirname "$0")/../.." && pwd)/shared/bench"}
BENCH_DIR=${BENCH_DIR:-/tmp/accessgraph-bench}
TMO=${BENCH_TIMEOUT:-900}

die() { echo "bench.sh: $*" >&2; exit 2; }
usage() { sed -n '2,3p' "$0" | sed 's/^# //' >&2; exit 2; }

PRESET=""; PEER=0; RUNS=3; BUCKET=""; PROFILE=""; BUILD=1; EXTRA=1
while [ $# -gt 0 ]; do
  case "$1" in
    --peer) PEER=1 ;;
    --runs) RUNS=${2:?--runs needs a number}; shift ;;
    --runs=*) RUNS=${1#--runs=} ;;
    --bucket) BUCKET=${2:?--bucket needs a name}; shift ;;
    --profile) PROFILE=perf; case "${2:-}" in callgrind|perf) PROFILE=$2; shift ;; esac ;;
    --profile=*) PROFILE=${1#--profile=} ;;
    --no-build) BUILD=0 ;;
    --no-extra) EXTRA=0 ;;
    -h|--help) awk 'NR>1 && /^#/ {sub(/^# ?/, ""); print; next} NR>1 {exit}' "$0"; exit 0 ;;
    small|medium|large|xl) PRESET=$1 ;;
    *) echo "bench.sh: unknown argument: $1" >&2; usage ;;
  esac
  shift
done
[ -n "$PRESET" ] || usage
case "$RUNS" in ''|*[!0-9]*|0) die "--runs must be a positive integer" ;; esac
case "$PROFILE" in ''|callgrind|perf) ;; *) die "--profile takes callgrind or perf" ;; esac
[ -f "$SHARED/gen_snapshot.py" ] || die "shared bench scripts not found at $SHARED (expected shared/ beside the clone; set ACCESSGRAPH_BENCH_SHARED to the folder holding gen_snapshot.py)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
if [ "$PEER" = 1 ] && [ "$PRESET" != small ]; then
  echo "bench.sh: --peer runs Principal Mapper on small only (its graph create does not finish at 4x small; see shared/bench/README.md); ignoring --peer" >&2
  PEER=0
fi

# Targets from the issue: findings wall, who-can wall (seconds), peak RSS (MiB).
case "$PRESET" in
  small)  T_FIND=0.1; T_WHO=0.1; T_RSS=100 ;;
  medium) T_FIND=1;   T_WHO=0.5; T_RSS=300 ;;
  large)  T_FIND=8;   T_WHO=3;   T_RSS=3072 ;;
  xl)     T_FIND=45;  T_WHO=15;  T_RSS=10240 ;;
esac

# --- 1. the snapshot (cached) ---
SNAP="$BENCH_DIR/$PRESET"
mkdir -p "$BENCH_DIR"
if [ ! -d "$SNAP/accounts" ]; then
  echo "generating $PRESET into $SNAP ..." >&2
  rm -rf "$SNAP.tmp"
  python3 "$SHARED/gen_snapshot.py" --preset "$PRESET" ${BENCH_SEED:+--seed "$BENCH_SEED"} --out "$SNAP.tmp" >&2
  mv "$SNAP.tmp" "$SNAP"
fi

# --- 2. the release binary ---
cd "$REPO"
if [ "$BUILD" = 1 ]; then
  echo "building release ..." >&2
  swift build -c release >&2 || die "swift build -c release failed"
fi
BIN="$(swift build -c release --show-bin-path)/accessgraph"
[ -x "$BIN" ] || die "no release binary at $BIN (run without --no-build)"

first_bucket() {  # first_bucket SNAPSHOT: first public-* bucket folder of the first account, else the first bucket
  local acct s3
  acct=$(find "$1/accounts" -mindepth 1 -maxdepth 1 -type d | LC_ALL=C sort | head -1)
  [ -n "$acct" ] || acct=$1   # a single-account snapshot given as the account folder
  s3="$acct/s3"
  [ -d "$s3" ] || return 1
  local b
  b=$(find "$s3" -mindepth 1 -maxdepth 1 -type d -name 'public-*' -printf '%f\n' | LC_ALL=C sort | head -1)
  [ -n "$b" ] || b=$(find "$s3" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort | head -1)
  [ -n "$b" ] && echo "$b"
}
[ -n "$BUCKET" ] || BUCKET=$(first_bucket "$SNAP") || die "no bucket folder in the first account of $SNAP"

median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) {print "-"; exit} if (NR%2) print a[(NR+1)/2]; else printf "%.6g\n", (a[NR/2]+a[NR/2+1])/2 }'; }
maxof() { sort -g | tail -1; }

# run_tool TAG RUNS SNAPSHOT BUCKET: runs findings and who-can RUNS times, writes $OUT/TAG.tsv with one line per run:
#   command run rc wall_s rss_kb read_ms build_ms stage_ms files principals resources count cpu_s(user+sys)
run_tool() {
  local tag=$1 runs=$2 snap=$3 bucket=$4 i cmd rc
  local tsv="$OUT/$tag.tsv"; : > "$tsv"
  # Warm the page cache with the snapshot (untimed), as right after `collect` wrote it: every
  # preset is then measured alike. Cold, xl's 311,768 files took 15.9 s to read instead of 6.2 s,
  # depending on what earlier runs had pushed out of the cache.
  find "$snap" -type f -print0 | xargs -0 cat > /dev/null
  local cmds="findings who-can findings-index who-can-index"
  # Every finding, one per line (issue 14's ndjson target is set for large only): to /dev/null.
  [ "$PRESET" = large ] && [ "$tag" = "$PRESET" ] && cmds="$cmds ndjson"
  for cmd in $cmds; do
    local base=${cmd%-index} bytes=-
    local args=("$base" "$snap" --format json)
    [ "$base" = who-can ] && args=(who-can "$snap" "arn:aws:s3:::$bucket" --format json)
    [ "$cmd" = ndjson ] && { base=ndjson; args=(findings "$snap" --format ndjson); }
    if [ "$cmd" = "$base" ]; then
      args+=(--no-index)   # computed every time
    else
      # A repeated query: one untimed run stores the answer, the timed runs read it back.
      args+=(--index-dir "$OUT/index")
      "$BIN" "${args[@]}" > /dev/null 2>&1 || true
    fi
    for i in $(seq "$runs"); do
      # Each run writes a fresh file: truncating the previous run's output (181 MB for large findings)
      # costs the shell about 75 ms of kernel time before the tool starts, which is not the tool's.
      rm -f "$OUT/$tag-$cmd.json"
      rc=0; local t0 t1; t0=$(date +%s%N)
      local sink="$OUT/$tag-$cmd.json"; [ "$cmd" = ndjson ] && sink=/dev/null
      ACCESSGRAPH_TIMINGS=1 timeout "$TMO" /usr/bin/time -f "%e %M %U %S" -o "$OUT/$tag-$cmd.time.$i" \
        "$BIN" "${args[@]}" > "$sink" 2> "$OUT/$tag-$cmd.err.$i" || rc=$?
      t1=$(date +%s%N)
      local wall rss etime usr sys cpu
      read -r etime rss usr sys < <(grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$OUT/$tag-$cmd.time.$i" | tail -1 || echo "- - - -")
      cpu=$(awk -v u="${usr:--}" -v s="${sys:--}" 'BEGIN{ if (u=="-") print "-"; else printf "%.2f", u+s }')
      # wall: nanosecond clock around the run (/usr/bin/time's %e has 10 ms resolution; it supplies peak RSS)
      wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
      local err="$OUT/$tag-$cmd.err.$i"
      local rd bd st files pr rs cnt
      rd=$(sed -n 's/^timing: read snapshot (\([0-9]*\) files): \([0-9.]*\) ms$/\2/p' "$err" | tail -1)
      files=$(sed -n 's/^timing: read snapshot (\([0-9]*\) files): .*/\1/p' "$err" | tail -1)
      bd=$(sed -n 's/^timing: build model (.*): \([0-9.]*\) ms$/\1/p' "$err" | tail -1)
      pr=$(sed -n 's/^timing: build model (\([0-9]*\) principals, \([0-9]*\) resources).*/\1/p' "$err" | tail -1)
      rs=$(sed -n 's/^timing: build model (\([0-9]*\) principals, \([0-9]*\) resources).*/\2/p' "$err" | tail -1)
      if [ "$cmd" != "$base" ]; then
        st=$(sed -n 's/^timing: answer from the index: \([0-9.]*\) ms$/\1/p' "$err" | tail -1)
        cnt=-
      elif [ "$cmd" = findings ]; then
        # `findings (N direct)`, then `entry points (M)`: the analysis is both.
        st=$(awk '/^timing: findings \(/ {a=$(NF-1)} /^timing: entry points \(/ {b=$(NF-1)}
          END { if (a == "") print ""; else printf "%.1f", a + b }' "$err")
        cnt=$(sed -n 's/^timing: findings (\([0-9]*\) direct): .*/\1/p' "$err" | tail -1)
        local eps; eps=$(sed -n 's/^timing: entry points (\([0-9]*\)): .*/\1/p' "$err" | tail -1)
        [ -n "$eps" ] && cnt="$cnt direct, $eps entry points"
        bytes=$(stat -c %s "$OUT/$tag-$cmd.json" 2>/dev/null || echo -)
      elif [ "$cmd" = ndjson ]; then
        st=$(sed -n 's/^timing: stream findings (\([0-9]*\)): \([0-9.]*\) ms$/\2/p' "$err" | tail -1)
        cnt=$(sed -n 's/^timing: stream findings (\([0-9]*\)): .*/\1/p' "$err" | tail -1)
      else
        st=$(sed -n 's/^timing: who-can: \([0-9.]*\) ms$/\1/p' "$err" | tail -1)
        cnt=$(python3 -c 'import json,sys
try:
    d=json.load(open(sys.argv[1])); print(len(d.get("principals", d.get("entries", []))) if isinstance(d, dict) else len(d))
except Exception: print("-")' "$OUT/$tag-$cmd.json" 2>/dev/null || echo -)
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cmd" "$i" "$rc" "${wall:--}" "${rss:--}" \
        "${rd:--}" "${bd:--}" "${st:--}" "${files:--}" "${pr:--}" "${rs:--}" "${cnt:--}" "${cpu:--}" "${bytes:--}" >> "$tsv"
      if [ "$rc" != 0 ]; then
        if [ "$rc" = 124 ]; then echo "$tag $cmd run $i: TIMED OUT after ${TMO} s" >&2
        else echo "$tag $cmd run $i failed (rc=$rc); tail of $err:" >&2; tail -5 "$err" >&2; fi
        break   # do not repeat a failing or timed-out command
      fi
      echo "$tag $cmd run $i/$runs: wall ${wall} s, CPU ${cpu} s, peak RSS $(( ${rss:-0} / 1024 )) MiB" >&2
    done
  done
}

col() { awk -F'\t' -v c="$1" -v k="$2" '$1==c && $3==0 && $k!="-" {print $k}' "$3"; }
failed() { awk -F'\t' -v c="$1" '$1==c && $3!=0 {print $3; exit}' "$2"; }
fmt_ms() { [ "$1" = - ] && echo - || awk -v x="$1" 'BEGIN{ if (x>=1000) printf "%.2f s", x/1000; else printf "%.1f ms", x }'; }
verdict() {  # verdict VALUE TARGET UNIT
  awk -v v="$1" -v t="$2" -v u="$3" 'BEGIN{ if (v=="-") {print "not measured"; exit}
    if (v+0 <= t+0) printf "met (%.0f%% of target)", 100*v/t; else printf "MISSED by %.3g %s (%.1fx target)", v-t, u, v/t }'
}

# table TAG LABEL: prints one markdown table from $OUT/TAG.tsv
table() {
  local tag=$1 label=$2 tsv="$OUT/$1.tsv" cmd
  local first; first=$(awk -F'\t' '$3==0' "$tsv" | head -1)
  echo
  echo "### $label"
  echo
  echo "snapshot: $( [ -n "$first" ] && awk -F'\t' '{printf "%s files, %s principals, %s resources", $9, $10, $11}' <<<"$first" ); bucket for who-can: $4"
  echo "runs per command: $RUNS (medians; peak RSS = max of the runs); binary: $BIN"
  echo
  echo "| command | read snapshot | build model | analysis stage | result count | wall (median) | CPU user+sys (median) | peak RSS | target wall | target RSS | wall vs target | RSS vs target |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for cmd in findings who-can findings-index who-can-index; do
    local n rd bd st cnt wall rss rssm tw rc cpu
    n=$(col "$cmd" 4 "$tsv" | wc -l)
    rd=$(col "$cmd" 6 "$tsv" | median); bd=$(col "$cmd" 7 "$tsv" | median); st=$(col "$cmd" 8 "$tsv" | median)
    cnt=$(col "$cmd" 12 "$tsv" | tail -1); wall=$(col "$cmd" 4 "$tsv" | median); cpu=$(col "$cmd" 13 "$tsv" | median); rss=$(col "$cmd" 5 "$tsv" | maxof)
    [ -n "$rss" ] && rssm=$(awk -v k="$rss" 'BEGIN{printf "%.0f", k/1024}') || rssm=-
    if [ "$cmd" = findings ]; then tw=$T_FIND; elif [ "$cmd" = who-can ]; then tw=$T_WHO; else tw=0.3; fi
    rc=$(failed "$cmd" "$tsv")
    if [ "$n" = 0 ]; then
      local why="failed (rc=$rc)"; [ "$rc" = 124 ] && why="did not finish in ${TMO} s (timeout)"
      # stage times that the failed run printed before it was stopped
      local frd fbd
      frd=$(awk -F'\t' -v c="$cmd" '$1==c && $3!=0 {print $6; exit}' "$tsv"); fbd=$(awk -F'\t' -v c="$cmd" '$1==c && $3!=0 {print $7; exit}' "$tsv")
      echo "| $cmd | $(fmt_ms "${frd:--}") | $(fmt_ms "${fbd:--}") | - | - | $why | - | - | ≤ $tw s | ≤ $T_RSS MiB | MISSED ($why) | - |"
      continue
    fi
    local note=""; [ -n "$rc" ] && note=" (a later run failed, rc=$rc)"
    echo "| $cmd | $(fmt_ms "$rd") | $(fmt_ms "$bd") | $(fmt_ms "$st") | ${cnt:--} | ${wall} s$note | ${cpu} s | ${rssm} MiB | ≤ $tw s | ≤ $T_RSS MiB | $(verdict "$wall" "$tw" s) | $(verdict "$rssm" "$T_RSS" MiB) |"
  done
  echo
  echo "findings/who-can run with --no-index; *-index rows repeat the same query answered from the on-disk index (analysis stage = \`timing: answer from the index\`, fingerprint + read + write)."
  echo "analysis stage = \`timing: findings\` (excludes writing JSON) or \`timing: who-can\` (includes building the JSON, not writing it); wall = whole process (fork to exit, ns clock); CPU and peak RSS from /usr/bin/time (%U+%S, %M). On a shared machine CPU time is the steadier number."
}

# Issue 14's targets, as ratios to the read floor of the same run: findings (default JSON), its
# JSON size (MB), findings --format ndjson, who-can, peak RSS (MiB); "-" where the issue sets none.
case "$PRESET" in
  large) R_FIND=2.5; R_JSON=20; R_NDJSON=8; R_WHO=1; R_RSS=2048 ;;
  xl)    R_FIND=2.5; R_JSON=-;  R_NDJSON=-; R_WHO=1; R_RSS=8192 ;;
  *)     R_FIND=-;   R_JSON=-;  R_NDJSON=-; R_WHO=-; R_RSS=- ;;
esac

# read_floor SNAPSHOT: seconds Python's json module takes to parse every file once.
read_floor() {
  python3 "$SHARED/read_floor.py" "$1" 2>/dev/null | sed -n 's/^read-floor: \([0-9.]*\) s.*/\1/p' | tail -1
}

ratio_verdict() {  # ratio_verdict VALUE TARGET: "met"/"MISSED" for a value and its ceiling, or "no target"
  awk -v v="$1" -v t="$2" 'BEGIN{ if (v=="" || v=="-") {print "not measured"; exit} if (t=="-") {print "no target (informative)"; exit}
    if (v+0 <= t+0) print "**met**"; else print "**MISSED**" }'
}

# issue14_table TAG: the first table, issue 14's targets as ratios to the read floor.
issue14_table() {
  local tsv="$OUT/$1.tsv" floor
  floor=$(printf '%s\n%s\n' "$FLOOR_BEFORE" "$FLOOR_AFTER" | grep -v '^$' | sort -g | head -1)
  echo
  echo "### Issue 14 targets: ratios to the read floor of this run"
  echo
  echo "read floor (\`read_floor.py\`, Python's json module parsing every file once): ${FLOOR_BEFORE:--} s before the runs, ${FLOOR_AFTER:--} s after; ratios use the lower, **${floor:--} s**"
  echo
  echo "| measure | value | ratio to floor | target | verdict |"
  echo "|---|---|---|---|---|"
  local wall ratio bytes mb rss
  for cmd in findings ndjson who-can; do
    wall=$(col "$cmd" 4 "$tsv" | median)
    local target=$R_FIND label="findings (default JSON: direct findings + entry points)"
    [ "$cmd" = ndjson ] && { target=$R_NDJSON; label="findings --format ndjson (every finding, to /dev/null)"; }
    [ "$cmd" = who-can ] && { target=$R_WHO; label="who-can (JSON)"; }
    if [ -z "$wall" ] || [ "$wall" = - ]; then
      [ "$cmd" = ndjson ] && [ "$PRESET" != large ] && continue
      echo "| $label | failed or timed out (rc=$(failed "$cmd" "$tsv")) | - | ≤ ${target}x | **MISSED** (not measured) |"
      continue
    fi
    ratio=$(awk -v w="$wall" -v f="$floor" 'BEGIN{ if (f+0 > 0) printf "%.2f", w/f; else print "-" }')
    local count; count=$(col "$cmd" 12 "$tsv" | tail -1)
    echo "| $label | ${wall} s (${count:-?}) | ${ratio}x | $( [ "$target" = - ] && echo - || echo "≤ ${target}x") | $(ratio_verdict "$ratio" "$target") |"
  done
  bytes=$(col findings 14 "$tsv" | tail -1)
  if [ -n "$bytes" ]; then
    mb=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')
    echo "| findings default JSON size | ${mb} MB | - | $( [ "$R_JSON" = - ] && echo - || echo "≤ ${R_JSON} MB") | $(ratio_verdict "$mb" "$R_JSON") |"
  fi
  rss=$( { col findings 5 "$tsv"; col ndjson 5 "$tsv"; col who-can 5 "$tsv"; } | maxof)
  if [ -n "$rss" ]; then
    local mib; mib=$(awk -v k="$rss" 'BEGIN{printf "%.0f", k/1024}')
    echo "| peak RSS (max of findings, ndjson, who-can) | ${mib} MiB | - | $( [ "$R_RSS" = - ] && echo - || echo "≤ ${R_RSS} MiB") | $(ratio_verdict "$mib" "$R_RSS") |"
  fi
  echo
  echo "Wall = whole process, median of the runs. The floor is measured in this run, so ratios from a busy machine stay comparable; the machine's load is in the header."
}

# run_extra TAG SNAPSHOT ARGS...: one command RUNS times (after one untimed warm-up read of the
# snapshot), appending "TAG wall cpu rss_kb" per successful run to $OUT/extra.tsv.
run_extra() {
  local tag=$1 snap=$2; shift 2
  local i rc t0 t1 wall usr sys rss etime
  for i in $(seq "$RUNS"); do
    rc=0; t0=$(date +%s%N)
    ACCESSGRAPH_TIMINGS=1 timeout "$TMO" /usr/bin/time -f "%e %M %U %S" -o "$OUT/extra-$tag.time.$i" \
      "$BIN" "$@" > "$OUT/extra-$tag.out" 2> "$OUT/extra-$tag.err.$i" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" != 0 ]; then
      echo "$tag run $i failed (rc=$rc); tail of $OUT/extra-$tag.err.$i:" >&2; tail -3 "$OUT/extra-$tag.err.$i" >&2
      printf '%s\tfailed\t%s\t-\n' "$tag" "$rc" >> "$OUT/extra.tsv"
      return
    fi
    read -r etime rss usr sys < <(grep -E '^[0-9.]+ [0-9]+ [0-9.]+ [0-9.]+$' "$OUT/extra-$tag.time.$i" | tail -1)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
    printf '%s\t%s\t%s\t%s\n' "$tag" "$wall" "$(awk -v u="$usr" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')" "$rss" >> "$OUT/extra.tsv"
    echo "$tag run $i/$RUNS: wall $wall s, peak RSS $(( rss / 1024 )) MiB" >&2
  done
}

# extra_table: issues 16 and 18 targets as ratios to the floor of the snapshot each command reads.
extra_table() {
  local tsv="$OUT/extra.tsv"
  [ -f "$tsv" ] || return 0
  echo
  echo "### Issues 16 and 18 targets: ratios to the read floor of the snapshot read"
  echo
  echo "read floor: $SNAP ${FLOOR_BEFORE:--}/${FLOOR_AFTER:--} s (before/after the issue 14 runs); $USNAP (with usage files) ${UFLOOR_BEFORE:--}/${UFLOOR_AFTER:--} s (before/after); ratios use the lower of each"
  echo
  echo "| command | snapshot | wall (median) | CPU user+sys (median) | peak RSS | ratio to floor | target | verdict |"
  echo "|---|---|---|---|---|---|---|---|"
  local floor ufloor
  floor=$(printf '%s\n%s\n' "$FLOOR_BEFORE" "$FLOOR_AFTER" | grep -v '^$' | sort -g | head -1)
  ufloor=$(printf '%s\n%s\n' "$UFLOOR_BEFORE" "$UFLOOR_AFTER" | grep -v '^$' | sort -g | head -1)
  local tag label snapname f target
  for tag in admins who-can-escalation hygiene unused; do
    case "$tag" in
      admins) label="admins (JSON)"; f=$floor; snapname=$PRESET; target=3 ;;
      who-can-escalation) label="who-can BUCKET --with-escalation (JSON)"; f=$floor; snapname=$PRESET; target=3 ;;
      hygiene) label="hygiene (JSON)"; f=$ufloor; snapname="$PRESET-usage"; target=1.5 ;;
      unused) label="unused (JSON)"; f=$ufloor; snapname="$PRESET-usage"; target=1.5 ;;
    esac
    [ "$PRESET" = large ] || target=-   # the issues set these targets on large only
    local walls wall cpu rss ratio
    if awk -F'\t' -v t="$tag" '$1==t && $2=="failed" {found=1} END{exit !found}' "$tsv"; then
      echo "| $label | $snapname | failed | - | - | - | ≤ ${target}x | **MISSED** (failed) |"
      continue
    fi
    walls=$(awk -F'\t' -v t="$tag" '$1==t {print $2}' "$tsv")
    [ -n "$walls" ] || continue
    wall=$(echo "$walls" | median)
    cpu=$(awk -F'\t' -v t="$tag" '$1==t {print $3}' "$tsv" | median)
    rss=$(awk -F'\t' -v t="$tag" '$1==t {print $4}' "$tsv" | maxof)
    ratio=$(awk -v w="$wall" -v f="$f" 'BEGIN{ if (f+0 > 0) printf "%.2f", w/f; else print "-" }')
    echo "| $label | $snapname | ${wall} s | ${cpu} s | $(( rss / 1024 )) MiB | ${ratio}x | $( [ "$target" = - ] && echo - || echo "≤ ${target}x") | $(ratio_verdict "$ratio" "$target") |"
  done
}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$BENCH_DIR/results/$PRESET-$STAMP"; mkdir -p "$OUT"
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/{print $2}') GiB memory, load avg $(cut -d' ' -f1-3 /proc/loadavg) at start"

echo "measuring the read floor ..." >&2
find "$SNAP" -type f -print0 | xargs -0 cat > /dev/null
FLOOR_BEFORE=$(read_floor "$SNAP")
run_tool "$PRESET" "$RUNS" "$SNAP" "$BUCKET"
FLOOR_AFTER=$(read_floor "$SNAP")

# --- issues 16 and 18: escalation queries, and least privilege on a copy with usage files ---
USNAP="$BENCH_DIR/$PRESET-usage"
if [ "$EXTRA" = 1 ]; then
  if [ ! -d "$USNAP/accounts" ]; then
    echo "making $USNAP (usage files for every account) ..." >&2
    rm -rf "$USNAP.tmp"; cp -a "$SNAP" "$USNAP.tmp"
    python3 "$REPO/scripts/add-usage-reports.py" "$USNAP.tmp" --last-accessed >&2 || die "add-usage-reports.py failed"
    mv "$USNAP.tmp" "$USNAP"
  fi
  run_extra admins "$SNAP" admins "$SNAP" --format json
  run_extra who-can-escalation "$SNAP" who-can "$SNAP" "arn:aws:s3:::$BUCKET" --with-escalation --format json --no-index
  find "$USNAP" -type f -print0 | xargs -0 cat > /dev/null
  UFLOOR_BEFORE=$(read_floor "$USNAP")
  run_extra hygiene "$USNAP" hygiene "$USNAP" --format json
  run_extra unused "$USNAP" unused "$USNAP" --format json
  UFLOOR_AFTER=$(read_floor "$USNAP")
fi

# --- optional profile of findings ---
PROFILE_NOTE=""
if [ -n "$PROFILE" ]; then
  base="$BENCH_DIR/profile-$PRESET-findings"
  if [ "$PROFILE" = callgrind ]; then
    command -v valgrind >/dev/null || die "valgrind missing (apt-get install valgrind)"
    echo "profiling findings under callgrind (slow: ~50x) ..." >&2
    rc=0; timeout $(( TMO * 20 )) valgrind --tool=callgrind --callgrind-out-file="$base.callgrind.out" \
      "$BIN" findings "$SNAP" --format json --no-index > /dev/null 2> "$base.valgrind.err" || rc=$?
    if [ "$rc" = 0 ]; then
      callgrind_annotate --inclusive=no "$base.callgrind.out" 2>/dev/null | { swift demangle --simplified 2>/dev/null || cat; } | head -60 > "$base.callgrind.txt" || true
      callgrind_annotate --inclusive=yes "$base.callgrind.out" 2>/dev/null | { swift demangle --simplified 2>/dev/null || cat; } | head -60 > "$base.callgrind-inclusive.txt" || true
      PROFILE_NOTE="callgrind profile: $base.callgrind.out; top functions (self): $base.callgrind.txt, inclusive: $base.callgrind-inclusive.txt"
    else PROFILE_NOTE="callgrind run failed (rc=$rc), see $base.valgrind.err"; fi
  else
    command -v perf >/dev/null || die "perf missing (apt-get install linux-perf)"
    rc=0; timeout "$TMO" perf record -e cpu-clock -g -o "$base.perf.data" \
      "$BIN" findings "$SNAP" --format json --no-index > /dev/null 2> "$base.perf.err" || rc=$?
    if [ "$rc" = 0 ]; then
      perf report -i "$base.perf.data" --stdio --no-children --sort symbol -g none 2>/dev/null | grep -v "^$" | { swift demangle --simplified 2>/dev/null || cat; } | head -60 > "$base.perf.txt" || true
      perf report -i "$base.perf.data" --stdio --children --sort symbol -g none 2>/dev/null | grep -v "^$" | { swift demangle --simplified 2>/dev/null || cat; } | head -60 > "$base.perf-inclusive.txt" || true
      PROFILE_NOTE="perf profile (cpu-clock samples): $base.perf.data; top symbols (self): $base.perf.txt, inclusive: $base.perf-inclusive.txt"
    else PROFILE_NOTE="perf record failed (rc=$rc), see $base.perf.err"; fi
  fi
fi

# --- optional peer comparison (Principal Mapper) ---
PEER_TXT=""
if [ "$PEER" = 1 ]; then
  [ -x "$SHARED/peer_pmapper.sh" ] || die "peer script not found at $SHARED/peer_pmapper.sh"
  PWORK="$BENCH_DIR/pmapper-small"
  case "$PWORK" in "$SNAP"|"$SNAP"/*) die "BENCH_DIR layout clash: $PWORK" ;; esac
  echo "running Principal Mapper peer benchmark (moto; graph create takes ~30 s, first venv setup ~50 s) ..." >&2
  rc=0; BENCH_WORK="$PWORK" "$SHARED/peer_pmapper.sh" small ${BENCH_SEED:+"$BENCH_SEED"} > "$OUT/peer.txt" 2> "$OUT/peer.err" || rc=$?
  cat "$OUT/peer.txt" >&2
  [ "$rc" = 0 ] || { echo "peer_pmapper.sh failed (rc=$rc); tail of $OUT/peer.err:" >&2; tail -5 "$OUT/peer.err" >&2; }
  [ -d "$PWORK/snapshot" ] || die "peer run left no collected snapshot at $PWORK/snapshot"
  PBUCKET=$(python3 -c 'import json,re,sys; q=json.load(open(sys.argv[1]))["queries"][0]["query"]; print(re.search(r"arn:aws:s3:::([^/ ]+)", q).group(1))' "$PWORK/pmapper-who-can.json" 2>/dev/null) \
    || PBUCKET=$(first_bucket "$PWORK/snapshot")
  cp -f "$PWORK/times.tsv" "$OUT/pmapper-times.tsv" 2>/dev/null || true
  cp -f "$PWORK/pmapper-who-can.json" "$OUT/" 2>/dev/null || true
  run_tool peer-ours "$RUNS" "$PWORK/snapshot" "$PBUCKET"
  # our who-can for s3:GetObject only, to compare principal sets
  ACCESSGRAPH_TIMINGS= "$BIN" who-can "$PWORK/snapshot" "arn:aws:s3:::$PBUCKET" --action s3:GetObject --format json --no-index \
    > "$OUT/ours-getobject.json" 2> "$OUT/ours-getobject.err" || true
  PEER_TXT=$(python3 - "$OUT" "$PBUCKET" <<'PYEOF'
import json, sys, statistics
out, bucket = sys.argv[1:]
def rows(path):
    r = {}
    for line in open(path):
        f = line.rstrip("\n").split("\t")
        r.setdefault(f[0], []).append(f)
    return r
pm = {}
for line in open(out + "/pmapper-times.tsv"):
    step, secs, rss = line.rstrip("\n").split("\t")
    pm[step] = (secs, rss)
ours = rows(out + "/peer-ours.tsv")
def med(cmd):
    v = [float(f[3]) for f in ours.get(cmd, []) if f[2] == "0" and f[3] != "-"]
    return statistics.median(v) if v else None
def rss(cmd):
    v = [int(f[4]) for f in ours.get(cmd, []) if f[2] == "0" and f[4] != "-"]
    return "%d MiB" % (max(v) // 1024) if v else "-"
def num(s):
    try: return float(s)
    except ValueError: return None
gc, q = num(pm.get("graph-create", ("-",))[0]), num(pm.get("query-who-can", ("-",))[0])
f, w = med("findings"), med("who-can")
print("| tool | step | wall (median) | peak RSS |")
print("|---|---|---|---|")
for step in ("graph-create", "query-who-can", "query-who-can-rp", "query-privesc", "visualize-svg"):
    if step in pm:
        print("| PMapper 1.1.5 | %s | %s s | %s |" % (step, pm[step][0], pm[step][1]))
for cmd in ("findings", "who-can"):
    print("| AccessGraph | %s (whole process, incl. reading the snapshot) | %s | %s |" % (cmd, "%.3f s" % med(cmd) if med(cmd) is not None else "failed", rss(cmd)))
print()
if None not in (gc, q, f, w) and f + w > 0:
    print("ratio (PMapper graph create + who-can query) / (AccessGraph findings + who-can) = (%.2f + %.2f) / (%.3f + %.3f) = **%.0fx**"
          % (gc, q, f, w, (gc + q) / (f + w)))
else:
    print("ratio: not computed (a step failed: graph create %s, query %s, findings %s, who-can %s)" % (gc, q, f, w))
print()
# who-can answers: principals for s3:GetObject on the bucket
try:
    pq = json.load(open(out + "/pmapper-who-can.json"))["queries"]
except Exception as e:
    print("PMapper answers not available: %s" % e); sys.exit(0)
try:
    od = json.load(open(out + "/ours-getobject.json"))
except Exception as e:
    print("our who-can --action s3:GetObject failed: %s" % e); sys.exit(0)
def our_principals(d):
    res = {}
    items = d.get("principals") if isinstance(d, dict) else d
    for it in items or []:
        arn = it.get("principal") or it.get("arn") or it.get("id")
        if isinstance(arn, dict): arn = arn.get("arn") or arn.get("id")
        acts = it.get("actions", [])
        acts = [a if isinstance(a, str) else a.get("action", "") for a in acts]
        if acts and not any(a.lower() in ("s3:getobject",) for a in acts):
            continue
        path = it.get("path") or []
        res[arn] = ("via path" if len(path) > 2 else "direct") + (", conditional" if it.get("conditional") else "")
    return res
ours_p = our_principals(od)
ours_set = {a for a in ours_p if a and a.startswith("arn:aws:iam::")}
print("who-can s3:GetObject on %s: AccessGraph lists %d principals (%d IAM principals in the account's ARN space)" % (bucket, len(ours_p), len(ours_set)))
for qq in pq:
    pset = qq["principals"]
    both = sorted(set(pset) & ours_set); only_pm = sorted(set(pset) - ours_set); only_us = sorted(ours_set - set(pset))
    kinds = {}
    for a in pset: kinds[pset[a]] = kinds.get(pset[a], 0) + 1
    print()
    print("PMapper `%s`%s: %d principals (%s)" % (qq["query"], " --with-resource-policy" if qq["with_resource_policy"] else "",
          len(pset), ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items()))))
    print("- both list: %d" % len(both))
    byk = {}
    for a in only_pm: byk.setdefault(pset[a], []).append(a)
    print("- only PMapper: %d (%s)" % (len(only_pm), ", ".join("%d %s" % (len(v), k) for k, v in sorted(byk.items())) or "none"))
    for k, v in sorted(byk.items()):
        for a in v[:12]: print("    - %s [%s]" % (a, k))
        if len(v) > 12: print("    - ... %d more [%s]" % (len(v) - 12, k))
    print("- only AccessGraph: %d" % len(only_us))
    for a in only_us[:12]: print("    - %s [%s]" % (a, ours_p[a]))
    if len(only_us) > 12: print("    - ... %d more" % (len(only_us) - 12))
PYEOF
  )
fi

# --- the report ---
{
  echo
  echo "## AccessGraph bench: $PRESET ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo "machine: $MACHINE; load avg at end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO" diff --quiet HEAD -- Sources 2>/dev/null || echo ' (Sources modified)')"
  issue14_table "$PRESET"
  extra_table
  table "$PRESET" "$PRESET (gen_snapshot.py --preset $PRESET${BENCH_SEED:+ --seed $BENCH_SEED}; $SNAP)" "$SNAP" "$BUCKET"
  if [ "$PEER" = 1 ]; then
    table peer-ours "AccessGraph on the moto account Principal Mapper read ($PWORK/snapshot)" "$PWORK/snapshot" "$PBUCKET"
    echo
    echo "### Principal Mapper side by side (same run, same moto account, bucket $PBUCKET)"
    echo
    echo "$PEER_TXT"
  fi
  [ -n "$PROFILE_NOTE" ] && { echo; echo "$PROFILE_NOTE"; }
  echo
  echo "raw results: $OUT"
} | tee "$OUT/report.md"
