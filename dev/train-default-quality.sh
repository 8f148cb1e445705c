#!/usr/bin/env bash
# Trains the shipped quality model (winnow-core/src/main/resources/winnow/quality/default-quality.bin) from data on
# this machine and Debian packages (see dev/prepare_quality_data.py for what the positives and negatives are):
#   1. downloads Debian's translated documentation (dev/multilingual_prose.py lists the packages) and the English
#      manuals of the positives (linux-doc-6.1, python3.11-doc, perl-doc, git-doc) with `apt-get download` (apt
#      lists needed: run apt-get update once first) and unpacks them with `dpkg -x` (no install);
#   2. extracts the main content of the trafilatura-eval pages outside the held-out sites with the extract step;
#   3. writes balanced positive/negative JSONL and trains on line and token shapes only (--word-ngrams 0
#      --line-shapes --token-shapes): the layout of the lines and the classes of neighbouring words, a model that
#      reads alike in every language, with a short-text prior (--min-letters 400 --short-penalty 8: a text of fewer
#      than 400 letters loses 8 × ln(400 / letters) of margin; chosen on validation sets 1-3); otherwise the
#      train-quality defaults (dim 16, 2^18 buckets, 5 epochs, lr 0.1, logistic loss, seed 42).
#   bash dev/train-default-quality.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
data="${QUALITY_DATA_DIR:-/tmp/winnow-quality-data}"
[[ -d "$shared/data" ]] && shared="$shared/data"
jar=winnow-cli/target/winnow.jar
mkdir -p "$data/debs"
packages=$(python3 -c 'import sys; sys.path.insert(0, "dev"); import multilingual_prose as m; print(" ".join(m.DEBIAN_PACKAGES))')
packages="$packages linux-doc-6.1 python3.11-doc perl-doc git-doc"
if [[ ! -f "$data/debs/.unpacked" ]]; then
  (cd "$data/debs" && apt-get download $packages >/dev/null && for f in *.deb; do dpkg -x "$f" root; done && touch .unpacked)
fi
python3 dev/prepare_quality_data.py pages "$shared" "$data/pages.jsonl"
cat > "$data/extract.yaml" <<YAML
input: {paths: ['$data/pages.jsonl'], id_field: id}
steps: [{type: extract, min_text_chars: 200}]
output: {path: '$data/extracted', compression: none}
run: {tokenizer: none}
YAML
rm -rf "$data/extracted"
java -jar "$jar" run "$data/extract.yaml" --progress none > /dev/null
python3 dev/prepare_quality_data.py "$shared" "$data" "$data/debs/root" "$data/extracted/data"
java -jar "$jar" train-quality --name winnow-quality --positive "$data/positive.jsonl" --negative "$data/negative.jsonl" \
  --word-ngrams 0 --line-shapes --token-shapes --min-letters 400 --short-penalty 8 -o winnow-core/src/main/resources/winnow/quality/default-quality.bin
