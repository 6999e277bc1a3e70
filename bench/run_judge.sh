#!/usr/bin/env bash
# Benchmarks the judge runner: `clinconsensus judge` on one model's responses to a
# synthetic benchmark of CASES cases × CRITERIA criteria (75,000 calls at 2,500 × 30),
# against cc_fake_openai_server on 127.0.0.1, which answers at once. Builds nothing.
#
#   bench/run_judge.sh [BUILD_DIR]        (default: build)
#
# Environment: RUNS (timed runs of the cached resume, default 10, at least 5), COLD_RUNS
# (full uncached runs, default 3), CASES (2500), CRITERIA (30), SEED (1), CONCURRENCY
# (max_concurrency of the endpoint, default 64), KEEP=1 keeps the data.
#
# Figures: (a) the full run with an empty cache: wall time, the runner's own CPU time
# (user + sys of the clinconsensus process only, not the server's) per call, and its peak
# RSS, each the median (RSS: the largest) of COLD_RUNS runs; (b) the same command again
# with every answer cached (75,000 lookups, nothing sent): wall time, median of RUNS runs.
set -euo pipefail

COLD_RUNS=${COLD_RUNS:-3}
CASES=${CASES:-2500}
CRITERIA=${CRITERIA:-30}
SEED=${SEED:-1}
CONCURRENCY=${CONCURRENCY:-64}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "${1:-build}" cc-judge-bench cc_gen_synthetic cc_fake_openai_server

echo "== machine"
machine_line

echo "== data: $CASES cases × $CRITERIA criteria (seed $SEED)"
repo="$work/repo"
"$BUILD/cc_gen_synthetic" --out "$repo" --cases "$CASES" --criteria "$CRITERIA" --seed "$SEED" >/dev/null
# One response per case, as `generate` would write them: a short answer in Chinese.
find "$repo/cases" -name 'CC-*.yaml' -printf '%f\n' | sed 's/\.yaml$//' | sort |
  awk '{printf "{\"case_id\":\"%s\",\"model\":\"bench-model\",\"response\":\"建议完善相关检查，结合临床表现综合评估，必要时转诊专科并定期随访。\"}\n", $1}' \
  >"$work/responses.jsonl"
calls=$((CASES * CRITERIA))
echo "responses: $(wc -l <"$work/responses.jsonl"); calls per full run: $calls"

# The server runs for the whole script and is stopped on exit (before the temp folder
# goes). Its first line names its ephemeral port.
coproc SERVER { exec "$BUILD/cc_fake_openai_server" 2>"$work/server.err"; }
server_pid=$SERVER_PID
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; [[ ${KEEP:-0} == 1 ]] || rm -rf "$work"' EXIT
read -r -t 10 line <&"${SERVER[0]}" || { echo "cc_fake_openai_server did not start" >&2; exit 1; }
base_url=${line#listening on }
echo "server: $base_url"

cat >>"$repo/clinconsensus.yaml" <<EOF

endpoints:
  bench-judge:
    base_url: $base_url
    model: fake-judge
    api_key_env: CC_BENCH_KEY
    max_concurrency: $CONCURRENCY
    max_retries: 2
    timeout_s: 60
EOF
export CC_BENCH_KEY=bench-key-not-secret

judge=("$CLI" -C "$repo" judge --responses "$work/responses.jsonl" --judge bench-judge --out "$work/out" -q)
cache="$repo/.clinconsensus/cache"

echo "== (a) full run, empty cache: $COLD_RUNS runs of $calls calls"
for ((i = 0; i < COLD_RUNS; i++)); do
  rm -rf "$cache" "$work/out"
  t0=$(date +%s%N)
  /usr/bin/time -v "${judge[@]}" >"$work/judge.out" 2>"$work/time.txt" || {
    echo "judge failed:" >&2; tail -20 "$work/time.txt" >&2; exit 1; }
  t1=$(date +%s%N)
  rows=$(wc -l <"$work/out/verdicts/bench-model.jsonl")
  (( rows == calls )) || { echo "expected $calls verdicts, got $rows" >&2; exit 1; }
  [[ ! -s $work/out/judge_errors.jsonl ]] || { echo "judge errors in a clean run" >&2; exit 1; }
  awk -F': *' -v wall=$(( (t1 - t0) / 1000000 )) '
    /Maximum resident set size/ {r = $2} /User time/ {u = $2} /System time/ {s = $2}
    END {printf "%d %.0f %d\n", wall, (u + s) * 1000, r}' "$work/time.txt"
done >"$work/cold.txt"
# middle_of COLUMN: the median of one column of cold.txt (the lower middle when even).
middle_of() { cut -d' ' -f"$1" "$work/cold.txt" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
wall_ms=$(middle_of 1)
cpu_ms=$(middle_of 2)
rss_kb=$(cut -d' ' -f3 "$work/cold.txt" | sort -n | tail -1)
cpu_per_call=$(awk -v c="$cpu_ms" -v n="$calls" 'BEGIN {printf "%.3f", c / n}')
rss_mb=$(awk -v r="$rss_kb" 'BEGIN {printf "%.1f", r / 1024}')
echo "wall: ${wall_ms} ms ($(awk -v w="$wall_ms" -v n="$calls" 'BEGIN {printf "%.0f", n / (w / 1000)}') calls/s)"
echo "runner CPU: ${cpu_ms} ms = ${cpu_per_call} ms per call (target ≤ 0.2): $(verdict "$cpu_per_call" 0.2001)"
echo "peak RSS: ${rss_mb} MB (target ≤ 300): $(verdict "$rss_mb" 300.01)"
echo "per-run (wall ms, CPU ms, RSS KB):"; sed 's/^/  /' "$work/cold.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== (b) the same command with every answer cached: $calls lookups, nothing sent"
before=$(sha256sum "$work/out/verdicts/bench-model.jsonl" | cut -d' ' -f1)
expect_ok "${judge[@]}" >/dev/null
after=$(sha256sum "$work/out/verdicts/bench-model.jsonl" | cut -d' ' -f1)
[[ $before == "$after" ]] || { echo "a cached rerun changed the verdicts" >&2; exit 1; }
resume_ms=$(median_ms "${judge[@]}")
read -r resume_mb resume_cpu < <(usage "${judge[@]}")
echo "wall: ${resume_ms} ms (target < 2000): $(verdict "$resume_ms" 2000); CPU ${resume_cpu} ms; peak RSS ${resume_mb} MB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# The server counts what it served: the cached runs must have sent nothing.
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
served=$(sed -n 's/.*served \([0-9]*\) chat requests.*/\1/p' "$work/server.err")
echo "server: $(cat "$work/server.err")"
(( served == calls * COLD_RUNS )) || { echo "expected $((calls * COLD_RUNS)) requests, the server saw $served" >&2; exit 1; }
