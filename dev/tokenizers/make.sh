#!/usr/bin/env bash
# Rebuilds the test tokenizers and the reference token counts Winnow's tests compare against, with Hugging Face's
# own tokenizers library (npm package `tokenizers` 0.23.2: the Rust implementation's Node binding).
#   bash dev/tokenizers/make.sh [SHARED]      (from the repository root; SHARED defaults to ../shared)
# Writes examples/tokenizers/{byte-level-bpe,metaspace-bpe}.json (trained on the shipped Common Crawl sample),
# winnow-tokens/src/test/resources/tokenizers/reference-counts.tsv (shipped texts) and, when SHARED exists,
# reference-counts-shared.tsv (texts under SHARED/data).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$(cd "${1:-$root/../shared}" 2>/dev/null && pwd || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root"/dev/tokenizers/*.mjs "$work"/
(cd "$work" && npm init -y >/dev/null && npm install --silent tokenizers@0.23.2 >/dev/null)
zcat "$root/examples/data/cc-main-2019-30-sample-200.jsonl.gz" \
  | python3 -c 'import sys, json; [print(json.loads(l)["text"]) for l in sys.stdin]' > "$work/train.txt"
node "$work/make-test-tokenizers.mjs" "$work/train.txt" "$root/examples/tokenizers" 3000
tok=("$root/examples/tokenizers/byte-level-bpe.json" "$root/examples/tokenizers/metaspace-bpe.json")
res="$root/winnow-tokens/src/test/resources/tokenizers"
mkdir -p "$res"
node "$work/reference-counts.mjs" "$root/examples/data" "$res/reference-counts.tsv" "${tok[@]}" -- \
  human-and-machine.jsonl#text forum-posts.jsonl#text code-crates.jsonl#text gsm8k-test-30.jsonl#question
if [ -n "$shared" ] && [ -d "$shared/data" ]; then
  cd "$shared/data"
  sources=(web/cc-main-2019-30-sample.jsonl.gz#text web/cc_en_head-0091.jsonl.gz#text web/cc_en_head-0174.jsonl.gz#text
    benchmarks/humaneval/HumanEval.jsonl.gz#prompt benchmarks/gsm8k/test.jsonl#question)
  for f in ai-text/fast-detect-gpt/*/data/*.raw_data.json; do sources+=("$f@original,sampled"); done
  for f in ai-text/slop-score-train/results/*.json; do sources+=("$f\$samples"); done
  node "$work/reference-counts.mjs" "$shared/data" "$res/reference-counts-shared.tsv" "${tok[@]}" -- "${sources[@]}"
fi
