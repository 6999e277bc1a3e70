#!/usr/bin/env bash
# Benchmarks the git side of clinconsensus on a synthetic 2,500-case benchmark committed to
# a fresh git repository. Builds nothing. The script uses the git CLI to set the repository
# up and to reset it between runs; the tool itself only ever uses libgit2.
#
#   bench/run_release.sh [BUILD_DIR]        (default: build)
#
# Environment: RUNS (timed runs per figure, default 10, at least 5), CASES (default 2500),
# SEED (default 1), KEEP=1 keeps the repository.
#
# Figures: (a) pre-commit: `validate --staged` with one changed case staged (what the hook
# runs, case-text cache warm); (a') the same with the cache removed before every run;
# (a'') the same with the cache removed and a full `validate` run before every run;
# (b) `release cut` of the whole benchmark, result cache cold (removed before every
# run) — the repository is reset to the commit before the cut between runs; (b2) the same
# with validate's result cache warm (a `validate` before each run, untimed); (c) `release
# diff` between two 2,500-case tags that differ in 25 labels and 25 reworded criteria.
# Wall time is the median of RUNS runs (hyperfine -N, else a shell loop).
set -euo pipefail

CASES=${CASES:-2500}
SEED=${SEED:-1}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "${1:-build}" cc-bench-release cc_gen_synthetic
command -v git >/dev/null || { echo "needs the git CLI to set up the repository" >&2; exit 2; }
GEN="$BUILD/cc_gen_synthetic"
repo="$work/repo"
g() { git -C "$repo" -c user.name=bench -c user.email=bench@example.org "$@"; }

echo "== machine"
machine_line
git --version

echo "== set-up: $CASES synthetic cases, committed"
"$GEN" --out "$repo" --cases "$CASES" --seed "$SEED" >/dev/null
printf '.clinconsensus/\n' > "$repo/.gitignore"
g init -q
g add -A
g commit -qm "synthetic benchmark"
base=$(g rev-parse HEAD)
files=$(g ls-files | grep -c '\.yaml$')
echo "$files YAML files in git"
cd "$repo"

echo "== (a) pre-commit: validate --staged, one case changed and staged"
one=$(git ls-files cases | sed -n 1p)
sed -i 's/^difficulty: low$/difficulty: medium/; t; s/^difficulty: medium$/difficulty: low/; t; s/^difficulty: high$/difficulty: medium/' "$one"
g add "$one"
expect_ok "$CLI" validate --staged
staged_ms=$(median_ms --prepare ":" "$CLI" validate --staged)
echo "== (a') the same with no cache: every other staged case is read from git and parsed"
staged_cold_ms=$(median_ms --prepare "rm -rf '$repo/.clinconsensus'" "$CLI" validate --staged)
echo "== (a'') the same right after a full validate (which fills the case-text cache)"
staged_full_ms=$(median_ms --prepare "rm -rf '$repo/.clinconsensus' && '$CLI' -C '$repo' validate" "$CLI" validate --staged)
g reset -q --hard "$base"

echo "== (b) release cut 1.0.0 (result cache removed before each run)"
reset_cut="git -C '$repo' reset -q --hard $base && (git -C '$repo' tag -d v1.0.0 >/dev/null 2>&1 || true) && rm -rf '$repo/.clinconsensus' '$repo/reports'"
bash -c "$reset_cut"
expect_ok "$CLI" release cut 1.0.0
cut_ms=$(median_ms --prepare "$reset_cut" "$CLI" release cut 1.0.0)
read -r cut_cpu < <(bash -c "$reset_cut"; /usr/bin/time -f '%U %S' "$CLI" release cut 1.0.0 2>&1 >/dev/null | tail -1 |
  awk '{printf "%.0f\n", ($1 + $2) * 1000}')

echo "== (b2) release cut 1.0.0 after a validate (result cache warm, as after a maintainer's check)"
reset_warm="git -C '$repo' reset -q --hard $base && (git -C '$repo' tag -d v1.0.0 >/dev/null 2>&1 || true) && rm -rf '$repo/reports' && '$CLI' -C '$repo' validate >/dev/null"
warm_ms=$(median_ms --prepare "$reset_warm" "$CLI" release cut 1.0.0)
bash -c "$reset_cut"

echo "== (c) release diff between two $CASES-case tags"
expect_ok "$CLI" release cut 1.0.0
n=0
for f in $(git ls-files cases | sed -n 1,25p); do
  sed -i 's/^difficulty: low$/difficulty: medium/; t; s/^difficulty: medium$/difficulty: low/; t; s/^difficulty: high$/difficulty: medium/' "$f"
done
for f in $(git ls-files rubrics | sed -n "$(( files / 2 - 24 )),$(( files / 2 ))p"); do
  sed -i '0,/^    criterion: /s//    criterion: （修订）/' "$f"
done
g commit -qam "25 labels, 25 criteria reworded"
expect_ok "$CLI" release cut 1.1.0
"$CLI" release diff 1.0.0 1.1.0 | sed -n '3p'
diff_ms=$(median_ms --prepare ":" "$CLI" release diff 1.0.0 1.1.0)

echo
echo "Synthetic benchmark: $files files in git; timer: $( ((HAVE_HYPERFINE)) && echo 'hyperfine -N' || echo 'shell loop'), median of $RUNS runs"
printf '%-46s %12s %10s %s\n' "run" "median wall" "target" ""
printf '%-46s %9s ms %10s %s\n' "(a) pre-commit: validate --staged (1 case)" "$staged_ms" "<100 ms" "$(verdict "$staged_ms" 100)"
printf '%-46s %9s ms %10s %s\n' "(a') the same, case-text cache empty (once)" "$staged_cold_ms" "-" ""
printf '%-46s %9s ms %10s %s\n' "(a'') the same, after a full validate" "$staged_full_ms" "<100 ms" "$(verdict "$staged_full_ms" 100)"
printf '%-46s %9s ms %10s %s\n' "(b) release cut, cache cold" "$cut_ms" "<5000 ms" "$(verdict "$cut_ms" 5000)  (CPU u+s ${cut_cpu} ms)"
printf '%-46s %9s ms %10s %s\n' "(b2) release cut, validate cache warm" "$warm_ms" "<5000 ms" "$(verdict "$warm_ms" 5000)"
printf '%-46s %9s ms %10s %s\n' "(c) release diff v1.0.0 v1.1.0" "$diff_ms" "<2000 ms" "$(verdict "$diff_ms" 2000)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only meaningful on an idle machine)"
