#!/usr/bin/env bash
# Beyond-RAM deduplication benchmark: builds 1,000,000 ~2 KB documents from real text (see
# io.winnow.bench.DedupCorpus), runs MinHash dedup (FineWeb defaults) under a fixed small heap with a small
# sort buffer, and prints documents/s per core, peak RSS and the disk the run used.
#   bash bench/dedup.sh [SHARED_DIR] [DOCUMENTS] [HEAP] [SORT_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
docs="${2:-1000000}"
heap="${3:-1g}"
sort_mb="${4:-64}"
work="${BENCH_DIR:-/tmp/winnow-bench}"
mkdir -p "$work"
mvn -q -DskipTests install >/dev/null
corpus="$work/dedup-$docs"
[[ -d "$corpus" ]] || java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.DedupCorpus "$shared" "$corpus" "$docs" 8
run="$work/run-dedup-$docs"
rm -rf "$run"
for workers in 2; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$work/dedup.time" java -Xmx"$heap" -XX:+UseParallelGC -jar winnow-cli/target/winnow.jar dedup "$corpus" \
    --out "$run" --workers "$workers" --memory-mb "$sort_mb" --progress none > "$work/dedup.out"
  secs=$(echo "$(date +%s.%N) - $start" | bc -l)
  read -r rss user sys < "$work/dedup.time"
  printf 'minhash_dedup: docs=%d heap=%s sort_buffer=%sMB workers=%d wall=%.1fs docs/s=%.0f docs/s/core(wall)=%.0f cpu=%.0fs docs/s/cpu-second=%.0f peakRSS=%dMB disk=%s\n' \
    "$docs" "$heap" "$sort_mb" "$workers" "$secs" "$(echo "$docs / $secs" | bc -l)" "$(echo "$docs / $secs / $workers" | bc -l)" \
    "$(echo "$user + $sys" | bc -l)" "$(echo "$docs / ($user + $sys)" | bc -l)" "$((rss / 1024))" "$(du -sh "$run" | cut -f1)"
  grep -E "minhash_dedup:|records" "$work/dedup.out"
done
