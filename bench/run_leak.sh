#!/usr/bin/env bash
# Benchmarks `clinconsensus leak --corpus` on a synthetic benchmark (cc_gen_synthetic,
# CASES cases) and generated corpora: CORPUS_MB of plain text made of the benchmark's own
# characters in shuffled order (the same alphabet, no shared 13-gram), with PLANT cases
# planted whole; the same rows as JSONL; and that JSONL compressed with zstd and gzip.
# Builds nothing.
#
#   bench/run_leak.sh [BUILD_DIR]        (default: build)
#
# Environment: RUNS (timed runs per figure, default 5), CASES (2500), CORPUS_MB (1000),
# PLANT (100), SEED (1), JOBS (2), THRESHOLD (0.9, for the recall check), KEEP=1 keeps the data.
#
# The synthetic cases are written from one vocabulary of clinical phrases, so any two of
# them share 20-60 % of their 13-grams: with the default threshold (0.2) a planted case
# lists most others too. Real cases do not share that much; the recall check therefore
# uses THRESHOLD, and prints how many cases other than the planted ones reach it.
#
# Figures: wall time (median of RUNS after a warm-up), throughput in MB of text per second
# (decompressed bytes for .zst/.gz), and peak RSS (largest of 3 runs under /usr/bin/time -v).
# Recall: every planted case must be listed; any other listed case is printed.
set -euo pipefail

RUNS=${RUNS:-5}
CASES=${CASES:-2500}
CORPUS_MB=${CORPUS_MB:-1000}
PLANT=${PLANT:-100}
SEED=${SEED:-1}
JOBS=${JOBS:-2}
THRESHOLD=${THRESHOLD:-0.9}
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_setup "${1:-build}" cc-leak-bench cc_gen_synthetic
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }
command -v zstd >/dev/null || { echo "needs zstd (apt-get install -y zstd)" >&2; exit 2; }

echo "== machine"
machine_line

echo "== data: $CASES cases, $CORPUS_MB MB corpus, $PLANT planted (seed $SEED)"
"$BUILD/cc_gen_synthetic" --out "$work/repo" --cases "$CASES" --seed "$SEED" >/dev/null
python3 - "$work" "$CORPUS_MB" "$PLANT" "$SEED" <<'PY'
import glob, json, random, re, sys
work, mb, plant, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
cases = {}
for path in sorted(glob.glob(work + "/repo/cases/*/*.yaml")):
    t = open(path, encoding="utf-8").read()
    cid = re.search(r"^case_id: (\S+)", t, re.M).group(1)
    ctx = re.search(r"^clinical_context: \|\n  (.*)$", t, re.M).group(1)
    req = re.search(r"^user_request: \|\n  (.*)$", t, re.M).group(1)
    cases[cid] = (ctx, req)
chars = list("".join(c + r for c, r in cases.values()))
rng.shuffle(chars)
pool = "".join(chars)
lines = [pool[i:i + 60] for i in range(0, len(pool) - 60, 60)]
planted = rng.sample(sorted(cases), plant)
open(work + "/planted.txt", "w").write("\n".join(sorted(planted)) + "\n")
target = mb * 1000 * 1000
every = target // (plant + 1)
with open(work + "/corpus.txt", "w", encoding="utf-8") as txt, open(work + "/corpus.jsonl", "w", encoding="utf-8") as js:
    size, nxt, k, i = 0, every, 0, 0
    while size < target:
        line = lines[i % len(lines)]
        i += 1
        if size >= nxt and k < plant:
            ctx, req = cases[planted[k]]
            line = ctx + req
            k += 1
            nxt += every
        txt.write(line + "\n")
        js.write(json.dumps({"id": i, "text": line}, ensure_ascii=False) + "\n")
        size += len(line.encode()) + 1
PY
zstd -q -3 -T2 "$work/corpus.jsonl" -o "$work/corpus.jsonl.zst"
gzip -c -1 "$work/corpus.jsonl" > "$work/corpus.jsonl.gz"
for f in corpus.txt corpus.jsonl corpus.jsonl.zst corpus.jsonl.gz; do
  echo "$f: $(awk -v b="$(wc -c < "$work/$f")" 'BEGIN {printf "%.1f MB", b / 1e6}')"
done

echo "== recall (threshold $THRESHOLD)"
for f in corpus.txt corpus.jsonl.zst; do
  "$CLI" -C "$work/repo" leak --corpus "$work/$f" -j "$JOBS" --threshold "$THRESHOLD" --format csv \
    > "$work/found.csv" || true
  cut -d, -f1 "$work/found.csv" | tail -n +2 | sort -u > "$work/found.txt"
  missed=$(comm -23 "$work/planted.txt" "$work/found.txt" | wc -l)
  extra=$(comm -13 "$work/planted.txt" "$work/found.txt" | wc -l)
  echo "$f: $(wc -l < "$work/planted.txt") planted, $missed missed, $extra other cases listed"
  (( missed == 0 )) || { echo "recall MISSED" >&2; exit 1; }
done

echo "== timing ($JOBS threads)"
printf '%-20s %11s %7s %7s %9s %9s %10s %6s\n' corpus median MB/s target CPU "MB/CPU-s" "peak RSS" load
for f in corpus.txt corpus.jsonl corpus.jsonl.zst corpus.jsonl.gz; do
  bytes=$( [[ $f == corpus.txt ]] && wc -c < "$work/corpus.txt" || wc -c < "$work/corpus.jsonl")
  load=$(cut -d' ' -f1 /proc/loadavg)
  cmd=("$CLI" -C "$work/repo" leak --corpus "$work/$f" -j "$JOBS" --format json)
  med=$(median_ms "${cmd[@]}")
  read -r rss cpu <<<"$(usage "${cmd[@]}")"
  mbs=$(awk -v b="$bytes" -v m="$med" 'BEGIN {printf "%.0f", b / 1e6 / (m / 1000)}')
  mbc=$(awk -v b="$bytes" -v c="$cpu" 'BEGIN {printf "%.0f", b / 1e6 / (c / 1000)}')
  printf '%-20s %8s ms %7s %7s %6s ms %9s %7s MB %6s\n' "$f" "$med" "$mbs" "$(verdict 99.999 "$mbs")" "$cpu" "$mbc" "$rss" "$load"
done
echo "(target: at least 100 MB/s of text and under 500 MB peak RSS; MB/CPU-s = MB of text per second of CPU time,"
echo " all threads: the figure least moved by other load on a shared machine; a compressed file is decompressed on a"
echo " thread of its own beside the JOBS threads that scan its chunks)"
