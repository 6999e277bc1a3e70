#!/usr/bin/env bash
# Benchmarks IRT calibration at benchmark size on simulated verdicts: RESPONDENTS
# simulated models × CASES cases × 30 criteria drawn from known 2PL parameters.
# Builds nothing.
#
#   bench/run_irt.sh [BUILD_DIR]        (default: build)
#
# Environment: RESPONDENTS (150), CASES (300), SEED (1), QUADRATURE (41), RUNS (5, at least
# 5: timed runs of the CLI), HELD_OUT (10 leave-one-model-out fits), KEEP=1 keeps the data.
#
# Figures: (a) cc_irt_bench: the in-process fit (wall time, EM cycles), parameter recovery
# (Pearson r of difficulty, discrimination and ability with the truth), leave-one-model-out
# error of the p-IRT Rubric Accuracy from an IRT-chosen tenth of the cases, and the Spearman
# ρ of ranking new models from that tenth against 51 random tenths; (a') the 2PL, 1PL and
# 3PL fits of the same data (time, CPU time and recovery only); (b) `clinconsensus irt
# fit` end to end on the simulation written as files (cases.jsonl and one verdict JSONL per
# model): median wall time of RUNS runs, and peak RSS. The machine may be shared: the load
# average is printed beside the figures.
set -euo pipefail

RESPONDENTS=${RESPONDENTS:-150}
CASES=${CASES:-300}
SEED=${SEED:-1}
QUADRATURE=${QUADRATURE:-41}
HELD_OUT=${HELD_OUT:-10}
RUNS=${RUNS:-5}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "${1:-build}" cc-irt-bench cc_irt_bench

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
echo "== (a) in-process: $RESPONDENTS respondents x $CASES cases x 30 criteria, seed $SEED"
"$BUILD/cc_irt_bench" --respondents "$RESPONDENTS" --cases "$CASES" --seed "$SEED" --quadrature "$QUADRATURE" \
  --threads 2 --held-out "$HELD_OUT" --write "$work/sim"

echo "== (a') the 2PL, 1PL and 3PL fits of the same data, in process, with CPU time"
# CPU time beside wall time: on a shared machine it is the figure least moved by others.
for model in 2pl 1pl 3pl; do
  /usr/bin/time -f "  (whole process: %e s wall, %U s user CPU, %S s system CPU; load $(cut -d' ' -f1 /proc/loadavg))" \
    "$BUILD/cc_irt_bench" --respondents "$RESPONDENTS" --cases "$CASES" --seed "$SEED" --quadrature "$QUADRATURE" \
    --threads 2 --model "$model" --fit-only 1
done

echo "== (b) clinconsensus irt fit on the files ($(du -sh "$work/sim" | cut -f1) of verdicts)"
cd "$work/sim"
expect_ok "$CLI" irt fit --cases cases.jsonl --verdicts verdicts --quadrature "$QUADRATURE" -j 2 --out fit -q >/dev/null
ms=$(median_ms "$CLI" irt fit --cases cases.jsonl --verdicts verdicts --quadrature "$QUADRATURE" -j 2 --out fit -q)
rss=$( { /usr/bin/time -v "$CLI" irt fit --cases cases.jsonl --verdicts verdicts --quadrature "$QUADRATURE" -j 2 --out fit -q; } 2>&1 \
  | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}')
echo "irt fit: median ${ms} ms wall over $RUNS runs, peak RSS ${rss} kB; $(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print("%d EM cycles, converged %s" % (j["iterations"], j["converged"]))' fit/fit.json 2>/dev/null || true)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
