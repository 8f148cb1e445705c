#!/usr/bin/env bash
# Whole-process throughput of the local engine on distinct text, in documents per CPU-second (user + sys from
# /usr/bin/time, JVM start included), so the figure holds on a machine busy with other work:
#   no-op (read -> write), the four FineWeb filters, MinHash dedup, the filters with exact + MinHash dedup after
#   them, and the Common Crawl pipeline on WARC (url_filter -> extract -> language -> filters -> dedup); then no-op
#   and the filters on the same corpus uncompressed, split in 32 MiB byte ranges (input.split_bytes), so that
#   WORKERS workers share one file: run it with WORKERS 1 and 2 for the scaling (on an otherwise idle machine).
#   bash bench/engine.sh [SHARED_DIR] [WORKERS] [JAR] [SCENARIO...]   (scenarios: noop filters minhash
#   filters+dedup cc-warc split-noop split-filters quality, and noop-warm filters-warm minhash-warm quality-warm
#   split-noop-warm split-filters-warm;
#   all by default; quality is the shipped model's step alone)
# The -warm scenarios give the JIT-warm whole-process figure: the same pipeline on the corpus and on a corpus twice
# its size whose first half is the same documents (bench/distinct_corpus.py --mb 420, same seed: no document
# occurs twice in it either); the second half's documents divided by the difference of the two runs' CPU time is
# what a document costs once the JVM has started and the JIT has compiled the hot code (both runs pay those
# alike), reading, writing and compression included. (A --limit run for the first half is no good: planning the
# limit reads ahead, so the difference came out lower than the filtering thread's own time.)
# Corpora (built once under $BENCH_DIR, default /tmp/winnow-bench): bench/distinct_corpus.py (~210 MB of distinct
# ~2 KB documents, JSONL.zst) and bench/warc_corpus.py (922 real HTML pages as a WARC).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
workers="${2:-1}"
jar="${3:-winnow-cli/target/winnow.jar}"
scenarios="${*:4}"
work="${BENCH_DIR:-/tmp/winnow-bench}"
jvm_flags="${JVM_FLAGS:--XX:+UseParallelGC -XX:InlineSmallCode=1000}" # the launcher's defaults (./winnow)
mkdir -p "$work"
[[ -f "$jar" ]] || mvn -q -DskipTests -pl winnow-cli -am package >/dev/null
corpus="$work/distinct-210mb.jsonl.zst"
if [[ ! -f "$corpus" ]]; then
  python3 bench/distinct_corpus.py "$shared" "$work/distinct-210mb.jsonl"
  zstd -q -3 --rm "$work/distinct-210mb.jsonl" -o "$corpus"
fi
warc="$work/pages.warc.gz"
[[ -f "$warc" ]] || python3 bench/warc_corpus.py "$shared" "$warc"
filters='gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality'

bench() { # name, input, steps, input format, more input options
  local name="$1" input="$2" steps="$3" format="${4:-auto}" more="${5:-}"
  [[ -z "$scenarios" || " $scenarios " == *" $name "* ]] || return 0
  local yaml="$work/engine-$name.yaml" run="$work/run-engine-$name"
  printf 'input: {paths: [%s], format: %s%s}\nsteps: [%s]\noutput: {path: %s}\nrun: {workers: %s}\n' \
    "$input" "$format" "$more" "$steps" "$run" "$workers" > "$yaml"
  rm -rf "$run"
  /usr/bin/time -f "%e %U %S %M" -o "$work/engine-$name.time" \
    java -Xmx2g $jvm_flags -jar "$jar" run "$yaml" --progress none > "$work/engine-$name.out" 2>&1
  read -r wall user sys rss < "$work/engine-$name.time"
  local records
  records=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['records'], s['kept'])" "$run/stats.json")
  set -- $records
  printf '%-16s workers=%s records=%s kept=%s wall=%.1fs cpu=%.1fs docs/cpu-second=%.0f peakRSS=%dMB\n' \
    "$name" "$workers" "$1" "$2" "$wall" "$(echo "$user + $sys" | bc -l)" "$(echo "$1 / ($user + $sys)" | bc -l)" "$((rss / 1024))"
}

# bench_warm NAME STEPS [split]: the pipeline on the corpus and on the double corpus; the figure of the second half.
# With "split" both are read uncompressed in 32 MiB byte ranges, so that WORKERS workers share each file, and the
# second half's documents per wall-second are printed too: run with WORKERS 1 and 2, their ratio is the JIT-warm
# scaling (a whole run of 210 MB pays the JIT's compilations, several CPU-seconds, on the cores the workers share).
bench_warm() {
  local name="$1" steps="$2" split="${3:-}"
  [[ -z "$scenarios" || " $scenarios " == *" $name-warm "* ]] || return 0
  local double="$work/distinct-420mb.jsonl.zst"
  if [[ ! -f "$double" ]]; then
    python3 bench/distinct_corpus.py "$shared" "$work/distinct-420mb.jsonl" --mb 420
    zstd -q -3 --rm "$work/distinct-420mb.jsonl" -o "$double"
  fi
  local size cpu1 cpu2 n1 n2 wall1 wall2 more=""
  [[ -n "$split" ]] && more=", format: jsonl, split_bytes: 33554432"
  for size in 1 2; do
    local input="$corpus" yaml="$work/engine-$name-warm-$size.yaml" run="$work/run-engine-$name-warm-$size"
    [[ $size == 2 ]] && input="$double"
    if [[ -n "$split" ]]; then
      local plain="${input%.zst}"
      [[ -f "$plain" ]] || zstd -q -dc "$input" > "$plain"
      input="$plain"
    fi
    printf 'input: {paths: [%s]%s}\nsteps: [%s]\noutput: {path: %s}\nrun: {workers: %s}\n' "$input" "$more" "$steps" "$run" "$workers" > "$yaml"
    rm -rf "$run"
    /usr/bin/time -f "%e %U %S %M" -o "$work/engine-$name-warm-$size.time" \
      java -Xmx2g $jvm_flags -jar "$jar" run "$yaml" --progress none > "$work/engine-$name-warm-$size.out" 2>&1
    read -r wall user sys rss < "$work/engine-$name-warm-$size.time"
    local records
    records=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['records'])" "$run/stats.json")
    if [[ $size == 1 ]]; then cpu1=$(echo "$user + $sys" | bc -l); n1=$records; wall1=$wall; else cpu2=$(echo "$user + $sys" | bc -l); n2=$records; wall2=$wall; fi
    rm -rf "$run"
  done
  printf '%-16s workers=%s records=%s+%s cpu=%.1fs+%.1fs JIT-warm docs/cpu-second=%.0f (whole runs: %.0f and %.0f)' \
    "$name-warm" "$workers" "$n1" "$((n2 - n1))" "$cpu1" "$(echo "$cpu2 - $cpu1" | bc -l)" \
    "$(echo "($n2 - $n1) / ($cpu2 - $cpu1)" | bc -l)" "$(echo "$n1 / $cpu1" | bc -l)" "$(echo "$n2 / $cpu2" | bc -l)"
  if [[ -n "$split" ]]; then
    printf ' wall=%.1fs+%.1fs JIT-warm docs/wall-second=%.0f' "$wall1" "$(echo "$wall2 - $wall1" | bc -l)" \
      "$(echo "($n2 - $n1) / ($wall2 - $wall1)" | bc -l)"
  fi
  printf '\n'
}

bench noop "$corpus" ""
bench filters "$corpus" "$filters"
bench minhash "$corpus" "minhash_dedup"
bench quality "$corpus" "quality"
bench filters+dedup "$corpus" "$filters, exact_dedup, minhash_dedup"
cc="{type: url_filter, blocked_domains_file: examples/lists/blocked-domains.txt, banned_words_file: examples/lists/banned-url-words.txt, soft_banned_words_file: examples/lists/soft-banned-url-words.txt}, extract, {type: language, languages: [en], min_score: 0.65}, $filters"
bench cc-warc "$warc" "$cc, exact_dedup, minhash_dedup" warc
plain="$work/distinct-210mb.jsonl" # byte-range splits need an uncompressed (or seekable zstd) file
if [[ -z "$scenarios" || "$scenarios" == *split* ]]; then [[ -f "$plain" ]] || zstd -q -dc "$corpus" > "$plain"; fi
bench split-noop "$plain" "" jsonl ", split_bytes: 33554432"
bench split-filters "$plain" "$filters" jsonl ", split_bytes: 33554432"
bench_warm noop ""
bench_warm filters "$filters"
bench_warm minhash "minhash_dedup"
bench_warm quality "quality"
bench_warm split-noop "" split
bench_warm split-filters "$filters" split
