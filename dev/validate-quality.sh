#!/usr/bin/env bash
# Accuracy of a quality model, and of the four FineWeb heuristic filters, against the two hand-labelled sets of
# dev/quality-validation/ (Common Crawl pages of web/cc-main-2019-30-sample.jsonl.gz from held-out sites, which the
# shipped model never saw): labels.jsonl (set 1, which guided the choices of features and data) and labels-2.jsonl
# (set 2, labelled afterwards and looked at once, for the final figures). "keep" is the positive class: a page counts as kept by the
# heuristics when it passes all four filters, by the model when it scores >= THRESHOLD.
#   bash dev/validate-quality.sh [SHARED_DIR] [MODEL] [THRESHOLD]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
model="${2:-builtin}"
threshold="${3:-0.5}"
work="${VALIDATE_DIR:-/tmp/winnow-quality-validate}"
rm -rf "$work" && mkdir -p "$work"
input="$shared/data/web/cc-main-2019-30-sample.jsonl.gz"
[[ -f "$input" ]] || input="$shared/web/cc-main-2019-30-sample.jsonl.gz"
cat > "$work/heuristics.yaml" <<YAML
input: {paths: ['$input'], id_field: id}
steps: [gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality]
output: {path: '$work/heuristics', compression: none}
run: {tokenizer: none}
YAML
cat > "$work/model.yaml" <<YAML
input: {paths: ['$input'], id_field: id}
steps: [{type: quality, model: '$model', threshold: $threshold}]
output: {path: '$work/model', compression: none}
run: {tokenizer: none}
YAML
java -jar winnow-cli/target/winnow.jar run "$work/heuristics.yaml" --progress none > /dev/null
java -jar winnow-cli/target/winnow.jar run "$work/model.yaml" --progress none > /dev/null
python3 - "$work" dev/quality-validation/labels.jsonl dev/quality-validation/labels-2.jsonl <<'PY'
import json, sys, pathlib
work = pathlib.Path(sys.argv[1])
def outcomes(run):
    out = {}
    for f in sorted((work / run / "decisions").glob("part-*")):
        for line in open(f):
            r = json.loads(line)
            out[r["id"]] = r["outcome"] == "kept"
    return out
h, m = outcomes("heuristics"), outcomes("model")
for labels in sys.argv[2:]:
    rows = [json.loads(l) for l in open(labels)]
    print(labels)
    for name, subset in [(f"all {len(rows)} pages", rows), ("English pages", [r for r in rows if r["lang"] == "en"]),
                         ("other languages", [r for r in rows if r["lang"] != "en"])]:
        keep = sum(r["label"] == "keep" for r in subset)
        line = f"  {name:<16} n={len(subset):>3} keep={keep:>3}"
        for label, pred in [("FineWeb heuristics", h), ("model", m)]:
            acc = sum(pred[r["id"]] == (r["label"] == "keep") for r in subset) / len(subset)
            line += f"  {label} accuracy {acc:.3f}"
        print(line)
PY
