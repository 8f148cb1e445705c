#!/usr/bin/env bash
# Trains the shipped quality model (winnow-core/src/main/resources/winnow/quality/default-quality.bin) from data on
# this machine: see dev/prepare_quality_data.py for what the positives and negatives are. The options are the
# train-quality defaults (dim 16, 2^18 buckets, word uni+bigrams, 5 epochs, lr 0.1, logistic loss, seed 42).
#   bash dev/train-default-quality.sh [SHARED_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
data="${QUALITY_DATA_DIR:-/tmp/winnow-quality-data}"
[[ -d "$shared/data" ]] && shared="$shared/data"
python3 dev/prepare_quality_data.py "$shared" "$data"
java -jar winnow-cli/target/winnow.jar train-quality --name winnow-quality --positive "$data/positive.jsonl" \
  --negative "$data/negative.jsonl" -o winnow-core/src/main/resources/winnow/quality/default-quality.bin
