#!/usr/bin/env bash
# Benchmarks `clinconsensus score` on a synthetic evaluation: MODELS models × CASES cases ×
# 30 criteria of judge verdicts in the public evaluator's layout, and checks its numbers
# against the Python reference evaluator (bench/reference_eval.py). Builds nothing.
#
#   bench/run_score.sh [BUILD_DIR]        (default: build)
#
# Environment: RUNS (timed runs per figure, default 10, at least 5), PY_RUNS (runs of the
# Python reference, default 3), CASES (2500), MODELS (11), SEED (1), CHECK_RESAMPLES
# (bootstrap resamples for the interval comparison, default 20), KEEP=1 keeps the data.
#
# Figures: (a) full scoring, every slice and the k-sweep, no bootstrap; (b) the same with
# the default 1,000 bootstrap resamples; (c) as (a) with the cases read from the benchmark
# folders instead of the JSONL export; (d) the Python reference doing (a)'s work. Wall time
# is the median of RUNS runs (hyperfine when installed, else a shell loop) after one warm-up;
# peak RSS is the largest "Maximum resident set size" of 3 runs under /usr/bin/time -v.
set -euo pipefail

BUILD=${1:-build}
RUNS=${RUNS:-10}
PY_RUNS=${PY_RUNS:-3}
CASES=${CASES:-2500}
MODELS=${MODELS:-11}
SEED=${SEED:-1}
CHECK_RESAMPLES=${CHECK_RESAMPLES:-20}
(( RUNS >= 5 )) || { echo "RUNS must be at least 5" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -d $BUILD ]] || BUILD="$here/../$BUILD"
BUILD=$(cd "$BUILD" && pwd)
CLI="$BUILD/clinconsensus"
for exe in "$CLI" "$BUILD/cc_gen_synthetic" "$BUILD/cc_gen_verdicts"; do
  [[ -x $exe ]] || { echo "missing $exe: build first" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }
HAVE_HYPERFINE=0
command -v hyperfine >/dev/null && HAVE_HYPERFINE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-score-bench.XXXXXX")
if [[ ${KEEP:-0} == 1 ]]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

# median_ms N CMD...: median wall time of N runs (after one warm-up), in ms.
median_ms() {
  local n=$1; shift
  if (( HAVE_HYPERFINE )); then
    hyperfine -N --style none --warmup 1 --runs "$n" --export-json "$work/hf.json" -- "$(printf '%q ' "$@")" \
      >/dev/null 2>&1 || { echo "hyperfine failed on: $*" >&2; exit 1; }
    sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$work/hf.json" | head -1 | awk '{printf "%.1f", $1 * 1000}'
  else
    "$@" >/dev/null 2>&1 || true
    local i t0 t1
    for ((i = 0; i < n; i++)); do
      t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
      echo $(( (t1 - t0) / 1000 ))
    done | sort -n | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000}'
  fi
}

# peak_mb CMD...: the largest peak RSS of 3 runs, in MB.
peak_mb() {
  local i
  for i in 1 2 3; do
    /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): *//p'
  done | sort -n | tail -1 | awk '{printf "%.1f", $1 / 1024}'
}

verdict() { awk -v m="$1" -v l="$2" 'BEGIN {print (m < l) ? "met" : "MISSED"}'; }

echo "== machine"
echo "nproc: $(nproc); CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
  "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo);" \
  "OS: $(. /etc/os-release && echo "$PRETTY_NAME"); clinconsensus $("$CLI" --version 2>/dev/null || true);" \
  "$(python3 --version); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== data: $CASES cases, $MODELS models (seed $SEED)"
"$BUILD/cc_gen_synthetic" --out "$work/repo" --cases "$CASES" --seed "$SEED" >/dev/null
"$BUILD/cc_gen_verdicts" --repo "$work/repo" --out "$work/verdicts" --cases-jsonl "$work/cases.jsonl" \
  --models "$MODELS" --seed "$SEED" --explanation ""
bytes=$(cat "$work"/verdicts/* | wc -c)
echo "verdicts: $(ls "$work/verdicts" | wc -l) files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f MB", b / 1e6}');" \
  "cases JSONL: $(awk -v b="$(wc -c < "$work/cases.jsonl")" 'BEGIN {printf "%.1f MB", b / 1e6}')"

score_a=("$CLI" score --cases "$work/cases.jsonl" --verdicts "$work/verdicts" --k-sweep --bootstrap 0 --out "$work/a" -q)
score_b=("$CLI" score --cases "$work/cases.jsonl" --verdicts "$work/verdicts" --k-sweep --out "$work/b" -q)
score_c=("$CLI" -C "$work/repo" score --verdicts "$work/verdicts" --k-sweep --bootstrap 0 --out "$work/c" -q)
ref=(python3 "$here/reference_eval.py" score --cases "$work/cases.jsonl" --verdicts "$work/verdicts" --k-sweep
     --out "$work/ref.json")

echo "== agreement with the Python reference (tolerance 1e-9)"
"${score_a[@]}" >/dev/null
"${ref[@]}" 2>/dev/null
python3 "$here/reference_eval.py" compare "$work/ref.json" "$work/a"
"$CLI" score --cases "$work/cases.jsonl" --verdicts "$work/verdicts" --bootstrap "$CHECK_RESAMPLES" --seed 7 \
  --out "$work/ci" -q >/dev/null
python3 "$here/reference_eval.py" score --cases "$work/cases.jsonl" --verdicts "$work/verdicts" \
  --bootstrap "$CHECK_RESAMPLES" --seed 7 --out "$work/ref-ci.json" 2>/dev/null
echo -n "with $CHECK_RESAMPLES bootstrap resamples (intervals, paired differences): "
python3 "$here/reference_eval.py" compare "$work/ref-ci.json" "$work/ci"
"${score_c[@]}" >/dev/null
if cmp -s "$work/a/summary.csv" "$work/c/summary.csv"; then
  echo "benchmark folders and JSONL export give the same summary.csv"
else
  echo "benchmark folders and JSONL export DIFFER" >&2; exit 1
fi
"${score_b[@]}" >/dev/null; cp -r "$work/b" "$work/b1"; "${score_b[@]}" >/dev/null
if diff -r "$work/b" "$work/b1" >/dev/null; then echo "two runs with 1,000 resamples: byte-identical outputs"; else
  echo "two runs DIFFER" >&2; exit 1; fi

echo "== timing"
a_ms=$(median_ms "$RUNS" "${score_a[@]}"); a_rss=$(peak_mb "${score_a[@]}")
b_ms=$(median_ms "$RUNS" "${score_b[@]}"); b_rss=$(peak_mb "${score_b[@]}")
c_ms=$(median_ms "$RUNS" "${score_c[@]}"); c_rss=$(peak_mb "${score_c[@]}")
d_ms=$(median_ms "$PY_RUNS" "${ref[@]}"); d_rss=$(peak_mb "${ref[@]}")
echo
echo "timer: $( ((HAVE_HYPERFINE)) && echo hyperfine || echo shell loop), median of $RUNS runs ($PY_RUNS for Python)"
printf '%-52s %10s %9s %-7s %9s %9s %s\n' "run" "wall" "target" "" "peak RSS" "target" ""
row() {  # NAME WALL LIMIT RSS [RSS_LIMIT]
  local target="" ok=""
  [[ -n $3 ]] && target="<$3 ms" && ok=$(verdict "$2" "$3")
  printf '%-52s %7s ms %9s %-7s %6s MB %9s %s\n' "$1" "$2" "$target" "$ok" "$4" "${5:+<$5 MB}" "${5:+$(verdict "$4" "${5:-0}")}"
}
row "(a) score, all slices + k-sweep, no bootstrap" "$a_ms" 250 "$a_rss" 500
row "(b) score, all slices + k-sweep, 1,000 resamples" "$b_ms" 1000 "$b_rss" 500
row "(c) as (a), cases from the benchmark folders" "$c_ms" "" "$c_rss"
row "(d) Python reference doing (a)" "$d_ms" "" "$d_rss"
speedup=$(awk -v p="$d_ms" -v c="$a_ms" 'BEGIN {printf "%.1f", p / c}')
echo "score is ${speedup}x faster than the Python reference (target: at least 10x): $(verdict 10 "$speedup")"
