#!/usr/bin/env bash
# HTML main-content extraction side by side: Winnow's `extract` and a peer extractor on the same pages, the same
# decoded HTML and one scorer. Page sets: the trafilatura evaluation set (SHARED_DIR/data/html/trafilatura-eval,
# which Winnow's rules were tuned on) and Winnow's held-out set
# (winnow-core/src/test/resources/extract/heldout/: documentation pages under DOCS_DIR and the shared WARC
# samples' blog pages). Each extractor runs as one process on one thread under /usr/bin/time; the figure is
# pages per CPU-second (user+sys of the whole process: start, reading, parsing and writing included), which a
# busy machine bends less than wall clock.
#   (a) Winnow: `winnow run` of a JSON Lines file holding PASSES copies of the pages, steps [extract], one
#       worker; balanced and favor_precision: true. Several passes, so that JVM start and JIT are a small share.
#   (b) trafilatura (when TRAFILATURA_PYTHONPATH names a folder holding the trafilatura package and its
#       dependencies): extract(html, url=url) with default settings, and with favor_precision=True.
#   (c) Mozilla Readability (when READABILITY_MODULES names a node_modules folder holding @mozilla/readability
#       and linkedom, jsdom or both): new Readability(document).parse().textContent, default options.
# Neither peer is part of Winnow or installed by this script; without them it measures Winnow alone.
# Then bench/extract-compare-score.py prints pages per CPU-second and snippet precision/recall/F1 (the measure of
# ExtractionEvaluationTest) of every extractor on every set.
#   bash bench/extract-compare.sh [SHARED_DIR]
# Environment: PASSES (Winnow's passes, default 5), PEER_PASSES (default 1), DOCS_DIR (default /usr/share/doc),
# TRAFILATURA_PYTHON (default /usr/bin/python3), BENCH_DIR (work folder, default /tmp/winnow-extract-compare),
# SKIP_BUILD=1 (use the jar already built).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="$(cd "${1:-../shared}" && pwd)"
work="${BENCH_DIR:-/tmp/winnow-extract-compare}"
passes="${PASSES:-5}"
peer_passes="${PEER_PASSES:-1}"
docs="${DOCS_DIR:-/usr/share/doc}"
heldout="$PWD/winnow-core/src/test/resources/extract/heldout"
mkdir -p "$work"
[[ "${SKIP_BUILD:-0}" == 1 ]] || mvn -B -q -o -DskipTests -pl winnow-core,winnow-cli -am package >/dev/null
jar="$PWD/winnow-cli/target/winnow.jar"
java_opts=(-Xmx2g -XX:+UseParallelGC -XX:InlineSmallCode=1000) # the launcher's defaults (./winnow)

# the same decoded HTML for every extractor: Winnow's readers decode each page once (no step runs)
python3 bench/extract-compare-pages.py specs "$shared" "$heldout" "$docs" "$work"
for spec in "$work"/dump-*.yaml; do
  java "${java_opts[@]}" -jar "$jar" run "$spec" --workers 1 --overwrite --progress none >/dev/null
done
python3 bench/extract-compare-pages.py assemble "$shared" "$heldout" "$docs" "$work" "$passes"
pages=$(wc -l < "$work/pages.jsonl")

timed() { # NAME EXTRACTIONS COMMAND...: runs the command under /usr/bin/time, writes WORK/time-NAME.txt
  local name="$1" n="$2"; shift 2
  /usr/bin/time -v -o "$work/time-$name.raw" "$@" || return 1
  awk -F': ' -v n="$n" '/User time/ {u = $2} /System time/ {s = $2}
    /Elapsed \(wall clock\)/ {k = split($2, t, ":"); w = 0; for (i = 1; i <= k; i++) w = w * 60 + t[i]}
    END {print u, s, w, n}' "$work/time-$name.raw" > "$work/time-$name.txt"
  echo "$name: $(cat "$work/time-$name.txt") (user sys wall extractions); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

winnow() { # NAME FAVOR_PRECISION
  local run="$work/run-$1"
  cat > "$work/$1.yaml" <<YAML
input: {paths: ['$work/speed.jsonl'], format: jsonl, text_field: text, id_field: id}
steps:
  - {type: extract, favor_precision: $2}
output: {path: '$run', format: jsonl, compression: none}
run: {workers: 1}
YAML
  timed "$1" $((passes * pages)) java "${java_opts[@]}" -jar "$jar" run "$work/$1.yaml" --workers 1 --overwrite --progress none >/dev/null
  cat "$run"/data/*.jsonl > "$work/out-$1.jsonl"
}

names=(winnow winnow-precision)
winnow winnow false
winnow winnow-precision true

if [[ -n "${TRAFILATURA_PYTHONPATH:-}" ]]; then
  py="${TRAFILATURA_PYTHON:-/usr/bin/python3}"
  for mode in default precision; do
    name=trafilatura; [[ "$mode" == precision ]] && name=trafilatura-precision
    if timed "$name" $((peer_passes * pages)) env PYTHONPATH="$TRAFILATURA_PYTHONPATH" "$py" bench/extract-compare-trafilatura.py \
      "$work/pages.jsonl" "$work/out-$name.jsonl" "$mode" "$peer_passes"; then
      names+=("$name")
    else
      echo "extract-compare: $name failed (see above): left out of the table" >&2
    fi
  done
else
  echo "extract-compare: TRAFILATURA_PYTHONPATH is not set: trafilatura is not measured" >&2
fi

if [[ -n "${READABILITY_MODULES:-}" ]]; then
  for dom in linkedom jsdom; do
    if [[ -d "$READABILITY_MODULES/$dom" ]]; then
      # jsdom can run out of Node's heap on these pages: a failed peer is reported and left out, not fatal
      if timed "readability-$dom" $((peer_passes * pages)) node bench/extract-compare-readability.js "$READABILITY_MODULES" "$dom" \
        "$work/pages.jsonl" "$work/out-readability-$dom.jsonl" "$peer_passes"; then
        names+=("readability-$dom")
      else
        echo "extract-compare: readability-$dom failed (see above): left out of the table" >&2
      fi
    fi
  done
else
  echo "extract-compare: READABILITY_MODULES is not set: Mozilla Readability is not measured" >&2
fi

python3 bench/extract-compare-score.py "$work" "${names[@]}" | tee "$work/table.md"
