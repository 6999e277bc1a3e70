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
# warm and nothing changed; (d) validate of one case + its rubric (case-text cache warm);
# (d') the same with --no-cache, so every other case is parsed. Wall time is the median
# of RUNS runs (hyperfine, else a shell loop); peak RSS is the largest "Maximum resident set
# size" of 3 runs under /usr/bin/time -v.
set -euo pipefail

CASES=${CASES:-2500}
CRITERIA=${CRITERIA:-30}
SEED=${SEED:-1}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "${1:-build}" cc-bench cc_gen_synthetic
GEN="$BUILD/cc_gen_synthetic"
repo="$work/repo"
if ! command -v hyperfine >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  apt-get install -y hyperfine >/dev/null 2>&1 || true
  command -v hyperfine >/dev/null && HAVE_HYPERFINE=1
fi

echo "== machine"
machine_line
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
expect_ok "$CLI" validate --no-cache
cold_ms=$(median_ms "$CLI" validate --no-cache)
read -r cold_rss cold_cpu < <(usage "$CLI" validate --no-cache)

echo "== (c) warm: clinconsensus validate (result cache filled, nothing changed)"
expect_ok "$CLI" validate >/dev/null  # fills the cache
expect_ok "$CLI" validate
warm_ms=$(median_ms "$CLI" validate)
read -r warm_rss warm_cpu < <(usage "$CLI" validate)

echo "== (d) one case: clinconsensus validate $one_case $one_rubric"
expect_ok "$CLI" validate "$one_case" "$one_rubric"
one_ms=$(median_ms "$CLI" validate "$one_case" "$one_rubric")
read -r one_rss one_cpu < <(usage "$CLI" validate "$one_case" "$one_rubric")

echo "== (d') one case, --no-cache: every other case is parsed for integrity/duplicate-case-text"
expect_ok "$CLI" validate --no-cache "$one_case" "$one_rubric"
one_cold_ms=$(median_ms "$CLI" validate --no-cache "$one_case" "$one_rubric")
read -r one_cold_rss one_cold_cpu < <(usage "$CLI" validate --no-cache "$one_case" "$one_rubric")

echo
echo "Synthetic benchmark: $files files, $size_mb; timer: $( ((HAVE_HYPERFINE)) && echo hyperfine || echo shell loop), median of $RUNS runs"
row() {  # NAME WALL_MS WALL_LIMIT CPU_MS RSS_MB [RSS_LIMIT]
  local rss_target=${6:+<$6 MB} rss_verdict=${6:+$(verdict "$5" "${6:-0}")}
  local target="<$3 ms" met
  met=$(verdict "$2" "$3")
  [[ $3 == - ]] && target="-" met="-"
  printf '%-32s %9s ms %9s %-7s %8s ms %8s MB %8s %s\n' "$1" "$2" "$target" "$met" "$4" "$5" \
    "$rss_target" "$rss_verdict"
}
printf '%-32s %12s %9s %-7s %11s %11s %8s\n' "run" "median wall" "target" "" "CPU u+s" "peak RSS" "target"
row "(b) full, --no-cache (cold)" "$cold_ms" 1500 "$cold_cpu" "$cold_rss" 300
row "(c) full, cache warm, unchanged" "$warm_ms" 200 "$warm_cpu" "$warm_rss"
row "(d) one case + its rubric" "$one_ms" 50 "$one_cpu" "$one_rss"
row "(d') the same, --no-cache" "$one_cold_ms" - "$one_cold_cpu" "$one_cold_rss"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only meaningful on an idle machine)"
