#!/usr/bin/env bash
# Retrains the detector that ships in the jar (winnow-core/src/main/resources/winnow/slop/default-detector.bin).
#   machine and paired human text: Fast-DetectGPT (4 domains, 8 generators), L2R rewrites (10 domains,
#     4 generators), slop-score fiction (11 recent models), beside Brown's human fiction;
#   human text of many kinds: half of each kind trains, the other half calibrates the thresholds
#     (see dev/prepare-detector-data.sh); the 2019 Common Crawl sample is never used;
#   the n-gram reference: Brown's non-fiction genres.
# Deterministic: the same data give the same model bytes, hence the same version string. The figures of the
# model are measured by dev/validate-detector.sh (a model trained with the same recipe minus held-out sets).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${WINNOW_SHARED:-$here/../shared}"
data="${1:-$(mktemp -d)}"
[[ -f "$data/heldout-web2019.jsonl" ]] || bash "$here/dev/prepare-detector-data.sh" "$data"
ai="$shared/data/ai-text"
"$here/winnow" train-detector \
  --data "$ai/fast-detect-gpt" "$ai/l2r-train" "$ai/slop-score-train/results" "$data/fiction.jsonl" "$data/train" \
  --calibration "$data/calibration" --reference "$data/reference.txt" --case-fold \
  --name winnow-slop-default \
  -o "$here/winnow-core/src/main/resources/winnow/slop/default-detector.bin"
