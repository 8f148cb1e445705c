#!/usr/bin/env bash
# Spark's overhead on one machine: the four FineWeb filters and MinHash dedup over the >= 200 MB benchmark corpus
# (bench/filters.sh builds it, 8 shards), with the local engine (2 workers) and with Spark local[2]; prints wall
# time and documents/s for both, and checks that they kept the same documents.
#   bash bench/spark.sh [SHARED_DIR] [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
size="${2:-200}"
work="${BENCH_DIR:-/tmp/winnow-bench}"
mkdir -p "$work"
mvn -q -DskipTests install >/dev/null
corpus="$work/web-${size}mb.jsonl"
[[ -f "$corpus" ]] || java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.WebCorpus "$shared" "$corpus" "$size"
docs=$(wc -l < "$corpus")
mb=$(( $(stat -c %s "$corpus") / 1000000 ))
rm -rf "$work/shards" && mkdir -p "$work/shards"
split -n l/8 -d --additional-suffix=.jsonl "$corpus" "$work/shards/part-"
cat > "$work/spark-bench.yaml" <<YAML
input: {paths: ['$work/shards']}
steps:
  - gopher_repetition
  - gopher_quality
  - {type: c4, filter_no_terminal_punct: false}
  - fineweb_quality
  - minhash_dedup
output: {compression: zstd}
run: {workers: 2}
YAML
for engine in local spark; do
  run="$work/run-$engine"
  rm -rf "$run"
  start=$(date +%s.%N)
  if [[ $engine == local ]]; then
    java -Xmx4g -XX:+UseParallelGC -jar winnow-cli/target/winnow.jar run "$work/spark-bench.yaml" --out "$run" --progress none > "$work/out-$engine.txt"
  else
    WINNOW_JAVA_OPTS="-Xmx4g -XX:+UseParallelGC" ./winnow spark-run "$work/spark-bench.yaml" --master 'local[2]' --out "$run" > "$work/out-$engine.txt" 2> "$work/err-$engine.txt"
  fi
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  kept=$(grep -o 'kept [0-9][0-9,]*' "$work/out-$engine.txt" | head -1)
  printf 'engine=%-5s docs=%d MB=%d wall=%.1fs docs/s=%.0f (2 cores) %s\n' "$engine" "$docs" "$mb" "$secs" "$(echo "$docs / $secs" | bc -l)" "$kept"
done
if diff <(cd "$work/run-local/data" && zstdcat part-* | sort | sha256sum) <(cd "$work/run-spark/data" && zstdcat part-* | sort | sha256sum) >/dev/null; then
  echo "kept documents: identical"
else
  echo "kept documents: DIFFERENT" && exit 1
fi
