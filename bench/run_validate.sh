#!/usr/bin/env bash
# Benchmarks `clinconsensus validate` on a synthetic 2,500-case benchmark. Builds nothing.
#
#   bench/run_validate.sh [BUILD_DIR]        (default: build)
#
# Environment: RUNS (timed runs per figure, default 10, at least 5), CASES (default 2500),
# CRITERIA (default 30), SEED (default 1), KEEP=1 keeps the synthetic repository.
#
# Figures: (a) generation; (b) full validate with --no-cache ("cold": no result cache; the
# OS file cache is warm after the warm-up run); (c) full validate again with the result cache
# warm and nothing changed; (d) validate of one case + its rubric. Wall time is the median
# of RUNS runs (hyperfine, else a shell loop); peak RSS is the largest "Maximum resident set
# size" of 3 runs under /usr/bin/time -v.
set -euo pipefail

BUILD=${1:-build}
RUNS=${RUNS:-10}
CASES=${CASES:-2500}
CRITERIA=${CRITERIA:-30}
SEED=${SEED:-1}
(( RUNS >= 5 )) || { echo "RUNS must be at least 5" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -d $BUILD ]] || BUILD="$here/../$BUILD"  # also accept a path relative to the project
BUILD=$(cd "$BUILD" && pwd)
CLI="$BUILD/clinconsensus"
GEN="$BUILD/cc_gen_synthetic"
for exe in "$CLI" "$GEN"; do
  [[ -x $exe ]] || { echo "missing $exe: build first (see bench/README.md)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
if ! command -v hyperfine >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  apt-get install -y hyperfine >/dev/null 2>&1 || true
fi
HAVE_HYPERFINE=0
command -v hyperfine >/dev/null && HAVE_HYPERFINE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/cc-bench.XXXXXX")
repo="$work/repo"
if [[ ${KEEP:-0} == 1 ]]; then echo "keeping $repo"; else trap 'rm -rf "$work"' EXIT; fi

# median_ms CMD...: median wall time of RUNS runs (after one warm-up), in ms.
median_ms() {
  if (( HAVE_HYPERFINE )); then
    hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-json "$work/hf.json" -- "$(printf '%q ' "$@")" \
      >/dev/null 2>&1 || { echo "hyperfine failed on: $*" >&2; exit 1; }
    sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$work/hf.json" | head -1 | awk '{printf "%.1f", $1 * 1000}'
  else
    "$@" >/dev/null 2>&1 || true
    local i t0 t1
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
      echo $(( (t1 - t0) / 1000 ))
    done | sort -n | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000}'
  fi
}

# usage CMD...: "PEAK_MB CPU_MS" — the largest peak RSS and the median user+sys CPU time of
# 3 runs under /usr/bin/time -v. CPU time is much less sensitive than wall time to other
# load on the machine.
usage() {
  local i
  for i in 1 2 3; do
    /usr/bin/time -v "$@" 2>&1 >/dev/null |
      awk -F': *' '/Maximum resident set size/ {r = $2} /User time/ {u = $2} /System time/ {s = $2}
                   END {printf "%d %.0f\n", r, (u + s) * 1000}'
  done | sort -k2,2n | awk '{if ($1 > r) r = $1; c[NR] = $2} END {printf "%.1f %d\n", r / 1024, c[2]}'
}

# expect_clean CMD...: the command must exit 0 (no errors), or the figures mean nothing.
expect_clean() {
  local out
  if ! out=$("$@" 2>&1); then
    echo "not clean: $*" >&2; echo "$out" | tail -20 >&2; exit 1
  fi
  echo "$out" | tail -1
}

# verdict MEASURED LIMIT
verdict() { awk -v m="$1" -v l="$2" 'BEGIN {print (m < l) ? "met" : "MISSED"}'; }

echo "== machine"
echo "nproc: $(nproc); CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
  "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo);" \
  "OS: $(. /etc/os-release && echo "$PRETTY_NAME"); $("$CLI" --version 2>/dev/null || true)"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== (a) generate $CASES cases x $CRITERIA criteria (seed $SEED)"
t0=$(date +%s%N)
"$GEN" --out "$repo" --cases "$CASES" --criteria "$CRITERIA" --seed "$SEED"
t1=$(date +%s%N)
gen_ms=$(( (t1 - t0) / 1000000 ))
files=$(find "$repo/cases" "$repo/rubrics" -type f -name '*.yaml' | wc -l)
bytes=$(find "$repo/cases" "$repo/rubrics" -type f -name '*.yaml' -print0 | xargs -0 cat | wc -c)
size_mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f MB (%.2f MiB)", b / 1e6, b / 1048576}')
echo "$files YAML files, $size_mb, generated in $gen_ms ms"

cd "$repo"
one_case=$(find cases -name 'CC-0001.yaml' | head -1)
one_rubric=${one_case/#cases/rubrics}
rm -rf .clinconsensus

echo "== (b) cold: clinconsensus validate --no-cache"
expect_clean "$CLI" validate --no-cache
cold_ms=$(median_ms "$CLI" validate --no-cache)
read -r cold_rss cold_cpu < <(usage "$CLI" validate --no-cache)

echo "== (c) warm: clinconsensus validate (result cache filled, nothing changed)"
expect_clean "$CLI" validate >/dev/null  # fills the cache
expect_clean "$CLI" validate
warm_ms=$(median_ms "$CLI" validate)
read -r warm_rss warm_cpu < <(usage "$CLI" validate)

echo "== (d) one case: clinconsensus validate $one_case $one_rubric"
expect_clean "$CLI" validate "$one_case" "$one_rubric"
one_ms=$(median_ms "$CLI" validate "$one_case" "$one_rubric")
read -r one_rss one_cpu < <(usage "$CLI" validate "$one_case" "$one_rubric")

echo
echo "Synthetic benchmark: $files files, $size_mb; timer: $( ((HAVE_HYPERFINE)) && echo hyperfine || echo shell loop), median of $RUNS runs"
row() {  # NAME WALL_MS WALL_LIMIT CPU_MS RSS_MB [RSS_LIMIT]
  local rss_target=${6:+<$6 MB} rss_verdict=${6:+$(verdict "$5" "${6:-0}")}
  printf '%-32s %9s ms %9s %-7s %8s ms %8s MB %8s %s\n' "$1" "$2" "<$3 ms" "$(verdict "$2" "$3")" "$4" "$5" \
    "$rss_target" "$rss_verdict"
}
printf '%-32s %12s %9s %-7s %11s %11s %8s\n' "run" "median wall" "target" "" "CPU u+s" "peak RSS" "target"
row "(b) full, --no-cache (cold)" "$cold_ms" 1500 "$cold_cpu" "$cold_rss" 300
row "(c) full, cache warm, unchanged" "$warm_ms" 200 "$warm_cpu" "$warm_rss"
row "(d) one case + its rubric" "$one_ms" 50 "$one_cpu" "$one_rss"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only meaningful on an idle machine)"
