#!/usr/bin/env bash
# Whole-process speed of the quality step (shipped model) on one worker: the standard 20,000-document corpus and
# a corpus of about SIZE_MB built from the shared data (io.winnow.bench.WebCorpus), timed with /usr/bin/time -v;
# prints documents per second of wall and of CPU time (JVM start-up and JSON reading/writing included). The
# model alone: java -jar winnow-bench/target/benchmarks.jar QualityBenchmark -p shared=SHARED_DIR
#   bash bench/quality.sh [SHARED_DIR] [SIZE_MB]
# Environment: BENCH_DIR (work folder, default /tmp/winnow-bench), SKIP_BUILD=1 (use the jars already built).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
size="${2:-200}"
work="${BENCH_DIR:-/tmp/winnow-bench}"
mkdir -p "$work"
[[ "${SKIP_BUILD:-0}" == 1 ]] || mvn -q -o -DskipTests -pl winnow-cli,winnow-bench -am package >/dev/null
corpus="$work/web-${size}mb.jsonl"
[[ -f "$corpus" ]] || java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.WebCorpus "$shared" "$corpus" "$size"
for input in "$shared/bench/corpus-20k.jsonl.zst" "$corpus"; do
  run="$work/run-quality"
  rm -rf "$run"
  cat > "$work/quality.yaml" <<YAML
input: {paths: ['$input']}
steps: [quality]
output: {path: '$run', compression: zstd}
run: {workers: 1}
YAML
  /usr/bin/time -v -o "$work/time-quality.txt" java -Xmx2g -XX:+UseParallelGC -jar winnow-cli/target/winnow.jar run "$work/quality.yaml" --progress none > /dev/null
  docs=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["documents"])' "$run/stats.json")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time-quality.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time-quality.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time-quality.txt")
  printf '%s: docs=%d  wall=%.1fs  cpu=%.1fs  docs/s (wall)=%.0f  docs/s (cpu)=%.0f  peakRSS=%dMB\n' "$(basename "$input")" \
    "$docs" "$wall" "$cpu" "$(echo "$docs / $wall" | bc -l)" "$(echo "$docs / $cpu" | bc -l)" "$rss"
done
