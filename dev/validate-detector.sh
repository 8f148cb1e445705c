#!/usr/bin/env bash
# The detector's figures on text it has not seen: trains a validation model by the shipped recipe but without
#   - the three newest fiction generators (Kimi-K2, Claude Sonnet 4, GPT-5-nano) and half of the fiction prompts
#     (human and machine texts of a prompt together),
#   - three L2R rewrite domains (NewsArticle, LegalDocument, PersonalCommunication), human and machine,
# then measures AUROC on what it left out, false positives on the 2019 Common Crawl sample (never used) and on
# the calibration halves (tuning data: the thresholds were chosen there), the corpus estimate on mixtures with
# a known machine share, and the evasion attacks' effect. Usage: validate-detector.sh DATA_DIR (from
# dev/prepare-detector-data.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${WINNOW_SHARED:-$here/../shared}"
data="$1"
ai="$shared/data/ai-text"
model="$data/validation-detector.bin"
fiction="generator=kimi-k2 generator=claude-sonnet-4-20250514 generator=gpt-5-nano half=writing"
rewrites="domain=NewsArticle domain=LegalDocument domain=PersonalCommunication"
all=("$ai/fast-detect-gpt" "$ai/l2r-train" "$ai/slop-score-train/results" "$data/fiction.jsonl")
# shellcheck disable=SC2086
"$here/winnow" train-detector --data "${all[@]}" "$data/train" --calibration "$data/calibration" \
  --reference "$data/reference.txt" --case-fold --hold-out $fiction $rewrites --name winnow-slop-validation -o "$model"
echo "== newest generators' fiction and unseen prompts"
# shellcheck disable=SC2086
"$here/winnow" eval-detector --model "$model" --data "${all[@]}" --hold-out $fiction
echo "== rewrites in unseen domains"
# shellcheck disable=SC2086
"$here/winnow" eval-detector --model "$model" --data "${all[@]}" --hold-out $rewrites
echo "== human text never trained or tuned on: the 2019 Common Crawl sample"
"$here/winnow" eval-detector --model "$model" --human "$data/heldout-web2019.jsonl"
for kind in "$data"/calibration/*.jsonl; do
  echo "== calibration (tuning) kind $(basename "$kind" .jsonl)"
  "$here/winnow" eval-detector --model "$model" --human "$kind" | grep -E "scored|flagged"
done
echo "== corpus estimate on mixtures of held-out machine and human documents"
# shellcheck disable=SC2086
"$here/winnow" eval-detector --model "$model" --data "${all[@]}" --hold-out $fiction $rewrites \
  --human "$data/heldout-web2019.jsonl" --mixtures 0,0.1,0.3,0.5 --mixture-size 1000
