# Shared by the bench/run_*.sh scripts: set-up, timers and verdicts. Source it, then call
# bench_setup. Wall times are medians of RUNS runs (hyperfine when installed, else a shell
# loop); the machine may be shared, so the scripts print the load average beside them.

# bench_setup BUILD_DIR TEMP_PREFIX EXE...: checks RUNS, resolves BUILD_DIR (absolute, or
# relative to the project) and sets BUILD, CLI, HAVE_HYPERFINE and work (a temp folder,
# removed on exit unless KEEP=1). Each EXE is a file name in BUILD that must exist.
bench_setup() {
  local build=$1 prefix=$2; shift 2
  RUNS=${RUNS:-10}
  (( RUNS >= 5 )) || { echo "RUNS must be at least 5" >&2; exit 2; }
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  [[ -d $build ]] || build="$here/../$build"
  [[ -d $build ]] || { echo "no build folder $1: build first (see bench/README.md)" >&2; exit 2; }
  BUILD=$(cd "$build" && pwd)
  CLI="$BUILD/clinconsensus"
  local exe
  for exe in clinconsensus "$@"; do
    [[ -x $BUILD/$exe ]] || { echo "missing $BUILD/$exe: build first (see bench/README.md)" >&2; exit 2; }
  done
  [[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
  HAVE_HYPERFINE=0
  command -v hyperfine >/dev/null && HAVE_HYPERFINE=1
  work=$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")
  if [[ ${KEEP:-0} == 1 ]]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
}

# median_ms [--prepare SHELL_CMD] CMD...: median wall time of RUNS runs in ms. Without
# --prepare, one untimed warm-up run comes first; with it, SHELL_CMD runs untimed before
# every run instead. Exit codes are ignored (dedup exits 1 when it lists pairs): check
# a command with expect_ok first.
median_ms() {
  local prepare=""
  if [[ $1 == --prepare ]]; then prepare=$2; shift 2; fi
  if (( HAVE_HYPERFINE )); then
    local setup=(--warmup 1)
    [[ -n $prepare ]] && setup=(--prepare "bash -c '$prepare'")
    hyperfine -N -i --style none "${setup[@]}" --runs "$RUNS" --export-json "$work/hf.json" \
      -- "$(printf '%q ' "$@")" >/dev/null 2>&1 || { echo "hyperfine failed on: $*" >&2; exit 1; }
    sed -n 's/.*"median": *\([0-9.eE+-]*\).*/\1/p' "$work/hf.json" | head -1 | awk '{printf "%.1f", $1 * 1000}'
  else
    [[ -z $prepare ]] && { "$@" >/dev/null 2>&1 || true; }
    local i t0 t1
    for ((i = 0; i < RUNS; i++)); do
      [[ -n $prepare ]] && bash -c "$prepare" >/dev/null 2>&1
      t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
      echo $(( (t1 - t0) / 1000 ))
    done | sort -n | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000}'
  fi
}

# usage CMD...: "PEAK_MB CPU_MS" — the largest peak RSS and the median user+sys CPU time
# of 3 runs under /usr/bin/time -v. CPU time is much less moved than wall time by other
# load on the machine.
usage() {
  local i
  for i in 1 2 3; do
    { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } |
      awk -F': *' '/Maximum resident set size/ {r = $2} /User time/ {u = $2} /System time/ {s = $2}
                   END {printf "%d %.0f\n", r, (u + s) * 1000}'
  done | sort -k2,2n | awk '{if ($1 > r) r = $1; c[NR] = $2} END {printf "%.1f %d\n", r / 1024, c[2]}'
}

# expect_ok CMD...: the command must succeed, or the figures mean nothing; prints its
# last line of output.
expect_ok() {
  local out
  if ! out=$("$@" 2>&1); then
    echo "failed: $*" >&2; echo "$out" | tail -20 >&2; exit 1
  fi
  echo "$out" | tail -1
}

# verdict MEASURED LIMIT: "met" when MEASURED < LIMIT.
verdict() { awk -v m="$1" -v l="$2" 'BEGIN {print (m < l) ? "met" : "MISSED"}'; }

# machine_line: what the figures were measured on.
machine_line() {
  echo "nproc: $(nproc); CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
    "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo);" \
    "OS: $(. /etc/os-release && echo "$PRETTY_NAME"); $("$CLI" --version 2>/dev/null || true)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
