#!/usr/bin/env bash
# Score once, filter many times: the speed of `winnow refilter` against re-running the pipeline, with identical
# decisions. Builds a corpus of about SIZE_MB from the shared data (real Common Crawl and CCNet pages, human and
# machine texts, repeated with new ids: io.winnow.bench.WebCorpus), runs the four FineWeb filters and the quality
# step once with annotate: true, then makes the same change of thresholds twice:
#   (a) a new run of the pipeline with the changed thresholds (what one does without refilter),
#   (b) `winnow refilter` of the annotated run with the same --set,
# each timed with /usr/bin/time -v, and checks that (a) and (b) decide every document alike (id, outcome, dropping
# step, reason). One worker for both, so the figures are per core.
#   bash bench/refilter.sh [SHARED_DIR] [SIZE_MB]
# Environment: BENCH_DIR (work folder, default /tmp/winnow-bench), SKIP_BUILD=1 (use the jars already built),
# CORPUS (a JSONL file to use instead of the built one, e.g. bench/distinct_corpus.py's distinct text: the built
# corpus repeats its texts, which the word splitter's chunk cache flatters in the re-run).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
size="${2:-200}"
work="${BENCH_DIR:-/tmp/winnow-bench}"
mkdir -p "$work"
[[ "${SKIP_BUILD:-0}" == 1 ]] || mvn -q -o -DskipTests -pl winnow-cli,winnow-bench -am package >/dev/null
jar=winnow-cli/target/winnow.jar
java_opts=(-Xmx2g -XX:+UseParallelGC -XX:InlineSmallCode=1000) # the launcher's flags (./winnow)
corpus="${CORPUS:-$work/web-${size}mb.jsonl}"
[[ -f "$corpus" ]] || java -cp winnow-bench/target/benchmarks.jar io.winnow.bench.WebCorpus "$shared" "$corpus" "$size"
docs=$(wc -l < "$corpus")
mb=$(( $(stat -c %s "$corpus") / 1000000 ))

# the change: a stricter quality threshold and a looser fineweb_quality rule
sets=(quality.threshold=0.7 fineweb_quality.line_punct_thr=0.2)

pipeline() { # OUT_YAML RUN_DIR ANNOTATE QUALITY_THRESHOLD LINE_PUNCT_THR
  cat > "$1" <<YAML
input: {paths: ['$corpus']}
steps:
  - {type: gopher_repetition, annotate: $3}
  - {type: gopher_quality, annotate: $3}
  - {type: c4, filter_no_terminal_punct: false, annotate: $3}
  - {type: fineweb_quality, line_punct_thr: $5, annotate: $3}
  - {type: quality, threshold: $4, annotate: $3}
output: {path: '$2', compression: zstd}
run: {workers: 1}
YAML
}

timed() { # LABEL COMMAND...: prints wall seconds, user+sys seconds and peak RSS of the command
  local label="$1"; shift
  /usr/bin/time -v -o "$work/time-$label.txt" "$@" > "$work/out-$label.txt"
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/time-$label.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$work/time-$label.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$work/time-$label.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$work/time-$label.txt")
  printf '%-28s wall=%7.2fs  cpu=%7.2fs  peakRSS=%5dMB\n' "$label" "$wall" "$(echo "$user + $sys" | bc -l)" "$rss"
  echo "$wall" > "$work/wall-$label.txt"
}

# one line per document: id, outcome, dropping step and reason, from a run's decision log
outcomes() {
  for f in "$1"/decisions/*.jsonl.zst; do zstd -dc "$f"; done | python3 -c '
import json, sys
for line in sys.stdin:
    if line.strip():
        e = json.loads(line)
        print(e["id"], e["outcome"], e.get("by", "-"), e.get("reason", "-"))' | sort
}

annotated="$work/run-refilter-annotated"
rerun="$work/run-refilter-rerun"
refiltered="$work/run-refilter-refiltered"
rm -rf "$annotated" "$rerun" "$refiltered"
pipeline "$work/refilter-annotated.yaml" "$annotated" true 0.5 0.12
pipeline "$work/refilter-rerun.yaml" "$rerun" false 0.7 0.2
echo "corpus: $corpus ($docs documents, $mb MB); change: ${sets[*]}"
timed "annotated run (once)" java "${java_opts[@]}" -jar "$jar" run "$work/refilter-annotated.yaml" --progress none
timed "(a) re-run the pipeline" java "${java_opts[@]}" -jar "$jar" run "$work/refilter-rerun.yaml" --progress none
set_args=(); for s in "${sets[@]}"; do set_args+=(--set "$s"); done
timed "(b) refilter" java "${java_opts[@]}" -jar "$jar" refilter "$annotated" "${set_args[@]}" -o "$refiltered"
printf 'refilter speed-up (wall a / wall b): %.1fx\n' "$(echo "$(cat "$work/wall-(a) re-run the pipeline.txt") / $(cat "$work/wall-(b) refilter.txt")" | bc -l)"

outcomes "$rerun" > "$work/outcomes-rerun.txt"
outcomes "$refiltered" > "$work/outcomes-refiltered.txt"
if diff -q "$work/outcomes-rerun.txt" "$work/outcomes-refiltered.txt" >/dev/null; then
  echo "decisions identical: $(wc -l < "$work/outcomes-rerun.txt") documents, $(grep -c ' kept ' "$work/outcomes-rerun.txt") kept"
else
  echo "DECISIONS DIFFER (first lines of the diff):"
  diff "$work/outcomes-rerun.txt" "$work/outcomes-refiltered.txt" | head -20
  exit 1
fi
