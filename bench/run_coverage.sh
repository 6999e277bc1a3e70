#!/usr/bin/env bash
# Benchmarks `clinconsensus coverage`, `select` and `dedup` on a synthetic 2,500-case
# benchmark, and the dedup library on 100,000 in-memory texts. Builds nothing.
#
#   bench/run_coverage.sh [BUILD_DIR]        (default: build)
#
# Environment: RUNS (timed runs per figure, default 10, at least 5), CASES (default 2500),
# SEED (default 1), TEXTS (default 100000), KEEP=1 keeps the synthetic repository.
#
# Figures: (a) coverage --no-cache (cold: no facts cache; OS file cache warm after the
# warm-up run); (b) coverage with the facts cache warm and nothing changed; (c) select
# --count 900 (facts cache warm); (d) select --count 900 --no-cache; (e) dedup; (f)
# cc_dedup_bench on TEXTS texts. Wall time is the median of RUNS runs (hyperfine, else a
# shell loop); peak RSS is the largest of 3 runs under /usr/bin/time -v.
set -euo pipefail

CASES=${CASES:-2500}
SEED=${SEED:-1}
TEXTS=${TEXTS:-100000}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "${1:-build}" cc-bench cc_gen_synthetic cc_dedup_bench
GEN="$BUILD/cc_gen_synthetic"
DEDUP="$BUILD/cc_dedup_bench"
repo="$work/repo"

echo "== machine"
machine_line
"$GEN" --out "$repo" --cases "$CASES" --seed "$SEED" >/dev/null
cd "$repo"
rm -rf .clinconsensus

echo "== (a) coverage --no-cache"
cold_ms=$(median_ms "$CLI" coverage --no-cache)
read -r cold_rss cold_cpu < <(usage "$CLI" coverage --no-cache)
echo "== (b) coverage, facts cache warm"
"$CLI" coverage >/dev/null
warm_ms=$(median_ms "$CLI" coverage)
read -r warm_rss warm_cpu < <(usage "$CLI" coverage)
echo "== (c) select --count 900 --seed 1, facts cache warm"
sel_ms=$(median_ms "$CLI" select --count 900 --seed 1 --out "$work/ids.txt")
read -r sel_rss sel_cpu < <(usage "$CLI" select --count 900 --seed 1 --out "$work/ids.txt")
"$CLI" select --count 900 --seed 1 --out "$work/ids.txt" | sed -n '/^part 1/p' || true
echo "== (d) select --count 900 --seed 1 --no-cache"
selc_ms=$(median_ms "$CLI" select --count 900 --seed 1 --no-cache --out "$work/ids.txt")
echo "== (e) dedup"
dedup_ms=$(median_ms "$CLI" dedup)
read -r dedup_rss dedup_cpu < <(usage "$CLI" dedup)
"$CLI" dedup | head -1 || true
echo "== (e2) dedup --no-criteria"
dedupc_ms=$(median_ms "$CLI" dedup --no-criteria)
echo "== (f) cc_dedup_bench --texts $TEXTS"
/usr/bin/time -v "$DEDUP" --texts "$TEXTS" 2>"$work/big.time" | tee "$work/big.out"
big_wall=$(sed -n 's/.*m:ss): *//p' "$work/big.time" | awk '{n = split($1, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.0f", s * 1000}')
big_rss=$(awk -F': *' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/big.time")

echo
printf '%-40s %12s %10s %-7s %10s %10s\n' "run" "median wall" "target" "" "CPU u+s" "peak RSS"
printf '%-40s %9s ms %10s %-7s %7s ms %7s MB\n' "(a) coverage, cold (--no-cache)" "$cold_ms" "<1000 ms" "$(verdict "$cold_ms" 1000)" "$cold_cpu" "$cold_rss"
printf '%-40s %9s ms %10s %-7s %7s ms %7s MB\n' "(b) coverage, facts cache warm" "$warm_ms" "<1000 ms" "$(verdict "$warm_ms" 1000)" "$warm_cpu" "$warm_rss"
printf '%-40s %9s ms %10s %-7s %7s ms %7s MB\n' "(c) select 900 of $CASES, cache warm" "$sel_ms" "<2000 ms" "$(verdict "$sel_ms" 2000)" "$sel_cpu" "$sel_rss"
printf '%-40s %9s ms %10s %-7s\n' "(d) select 900 of $CASES, --no-cache" "$selc_ms" "<2000 ms" "$(verdict "$selc_ms" 2000)"
printf '%-40s %9s ms %10s %-7s %7s ms %7s MB\n' "(e) dedup, $CASES cases" "$dedup_ms" "<2000 ms" "$(verdict "$dedup_ms" 2000)" "$dedup_cpu" "$dedup_rss"
printf '%-40s %9s ms %10s %-7s\n' "(e2) dedup --no-criteria, $CASES cases" "$dedupc_ms" "<2000 ms" "$(verdict "$dedupc_ms" 2000)"
printf '%-40s %9s ms %10s %-7s %10s %7s MB (<2048)\n' "(f) dedup library, $TEXTS texts (1 run)" "$big_wall" "<60000 ms" "$(verdict "$big_wall" 60000)" "" "$big_rss"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
