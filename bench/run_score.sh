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

PY_RUNS=${PY_RUNS:-3}
CASES=${CASES:-2500}
MODELS=${MODELS:-11}
SEED=${SEED:-1}
CHECK_RESAMPLES=${CHECK_RESAMPLES:-20}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "${1:-build}" cc-score-bench cc_gen_synthetic cc_gen_verdicts
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# timed N CMD...: runs CMD N times (after one warm-up) and prints "median min user sys" in ms
# (user and sys: mean CPU time per run, all threads). The machine may be shared: the load
# average is printed beside every figure, and CPU time is the figure least moved by it.
timed() {
  local n=$1; shift
  if (( HAVE_HYPERFINE )); then
    hyperfine -N --style none --warmup 1 --runs "$n" --export-json "$work/hf.json" -- "$(printf '%q ' "$@")" \
      >/dev/null 2>&1 || { echo "hyperfine failed on: $*" >&2; exit 1; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f %.1f %.1f %.1f" % (r["median"]*1e3, r["min"]*1e3, r["user"]*1e3, r["system"]*1e3))' "$work/hf.json"
  else
    "$@" >/dev/null 2>&1 || true
    local i t0 t1
    for ((i = 0; i < n; i++)); do
      t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
      echo $(( (t1 - t0) / 1000 ))
    done | sort -n | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f - -\n", m / 1000, v[1] / 1000}'
  fi
}

# peak_mb CMD...: the largest peak RSS of 3 runs, in MB.
peak_mb() { usage "$@" | cut -d' ' -f1; }

echo "== machine"
machine_line
python3 --version

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
declare -A fig
for key in a b c d; do
  case $key in
    a) cmd=("${score_a[@]}"); n=$RUNS ;;
    b) cmd=("${score_b[@]}"); n=$RUNS ;;
    c) cmd=("${score_c[@]}"); n=$RUNS ;;
    d) cmd=("${ref[@]}"); n=$PY_RUNS ;;
  esac
  load=$(cut -d' ' -f1 /proc/loadavg)
  fig[$key]="$(timed "$n" "${cmd[@]}") $(peak_mb "${cmd[@]}") $load"
done
echo
echo "timer: $( ((HAVE_HYPERFINE)) && echo hyperfine || echo shell loop), $RUNS runs ($PY_RUNS for Python) after a warm-up;" \
  "CPU = user + sys per run, all threads; load = 1-minute load average when the figure started"
printf '%-50s %9s %9s %9s %-7s %9s %9s %6s\n' "run" "median" "min" "CPU" "target" "" "peak RSS" "load"
row() {  # NAME KEY LIMIT
  read -r med min usr sys rss load <<<"${fig[$2]}"
  local cpu="-"
  [[ $usr != - ]] && cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN {printf "%.0f ms", u + s}')
  local target="" ok=""
  [[ -n $3 ]] && target="<$3 ms" && ok=$(verdict "$med" "$3")
  printf '%-50s %6s ms %6s ms %9s %-7s %-7s %6s MB %6s\n' "$1" "$med" "$min" "$cpu" "$target" "$ok" "$rss" "$load"
}
row "(a) score, all slices + k-sweep, no bootstrap" a 250
row "(b) score, all slices + k-sweep, 1,000 resamples" b 1000
row "(c) as (a), cases from the benchmark folders" c ""
row "(d) Python reference doing (a)" d ""
rss_max=$(for k in a b; do read -r _ _ _ _ rss _ <<<"${fig[$k]}"; echo "$rss"; done | sort -n | tail -1)
echo "peak memory of score: $rss_max MB (target: under 500 MB): $(verdict "$rss_max" 500)"
read -r a_med _ <<<"${fig[a]}"; read -r d_med _ <<<"${fig[d]}"
speedup=$(awk -v p="$d_med" -v c="$a_med" 'BEGIN {printf "%.1f", p / c}')
echo "score is ${speedup}x faster than the Python reference (target: at least 10x): $(verdict 10 "$speedup")"

echo "== report.html"
# What the page costs `score`: the time its writer takes (CC_SCORE_TIMING, one worker
# thread, median of RUNS runs of (a)), and its size.
for ((i = 0; i < RUNS; i++)); do
  CC_SCORE_TIMING=1 "${score_a[@]}" 2>&1 >/dev/null | sed -n 's/^timing: *format report\.html *\([0-9.]*\) ms$/\1/p'
done | sort -n | awk '{v[NR] = $1} END {printf "report.html written in %.1f ms (median of %d runs of (a))\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, NR}'
echo "report.html: $(wc -c < "$work/a/report.html") bytes, $(grep -o '<[a-z]' "$work/a/report.html" | wc -l) elements; load $(cut -d' ' -f1 /proc/loadavg)"
# How long the page takes to open: headless Chromium loading it and printing its DOM, less
# the same for an empty page (the browser's own start-up).
if chromium=$(command -v chromium || command -v chromium-browser); then
  printf '<!DOCTYPE html><html><body></body></html>\n' > "$work/empty.html"
  open_ms() {
    local page=$1 i t0 t1
    for ((i = 0; i < 5; i++)); do
      t0=$(date +%s%N)
      timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --proxy-server=127.0.0.1:9 \
        --user-data-dir="$work/profile" --dump-dom "file://$page" >/dev/null 2>&1 || true
      t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))
    done | sort -n | sed -n 3p
  }
  empty=$(open_ms "$work/empty.html"); page=$(open_ms "$work/a/report.html")
  echo "opening report.html in headless Chromium: ${page} ms, an empty page ${empty} ms" \
    "(median of 5): the page adds $((page - empty)) ms (target: opens in under 2 s)"
else
  echo "chromium not installed: the opening time of report.html is not measured"
fi
