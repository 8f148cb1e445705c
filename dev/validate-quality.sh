#!/usr/bin/env bash
# Accuracy of a quality model, and of the four FineWeb heuristic filters, against the hand-labelled sets of
# dev/quality-validation/ (pages of held-out sites, which the shipped model never saw): labels.jsonl (set 1) and
# labels-2.jsonl (set 2), Common Crawl pages of web/cc-main-2019-30-sample.jsonl.gz, which guided the choices of
# features, data and threshold; labels-3.jsonl (set 3), labelled before the last model changes and scored once for
# the final figures: Common Crawl pages and the main text (extract step) of the pages of web/warc/sample-000{0,1};
# labels-4.jsonl (set 4), labelled after set 3 had been scored, before the changes that followed: Common Crawl pages
# and the main text of trafilatura-eval pages (dev/quality-validation/draw_set4.py).
# "keep" is the positive class: a page counts as kept by the heuristics when it passes all four filters, by the
# model when it scores >= THRESHOLD.
#   bash dev/validate-quality.sh [SHARED_DIR] [MODEL] [THRESHOLD] [SETS, default "1 2 3 4"]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
model="${2:-builtin}"
threshold="${3:-0.5}"
sets="${4:-1 2 3 4}"
work="${VALIDATE_DIR:-/tmp/winnow-quality-validate}"
rm -rf "$work" && mkdir -p "$work"
data="$shared/data"
[[ -d "$data/web" ]] || data="$shared"
heuristics='gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality'
python3 dev/quality-validation/draw_set4.py "$data" html "$work/set4-pages.jsonl" > /dev/null
# The model runs at threshold 0 (everything kept, every score written) so that THRESHOLD applies here.
for source in crawl warc pages; do
  case $source in
    crawl) input="['$data/web/cc-main-2019-30-sample.jsonl.gz'], id_field: id"; first="" ;;
    warc) input="['$data/web/warc/sample-0000.warc.gz', '$data/web/warc/sample-0001.warc.gz']"; first="extract, " ;;
    pages) input="['$work/set4-pages.jsonl'], id_field: id"; first="extract, " ;;
  esac
  cat > "$work/$source-heuristics.yaml" <<YAML
input: {paths: $input}
steps: [$first$heuristics]
output: {path: '$work/$source-heuristics', compression: none}
run: {tokenizer: none}
YAML
  cat > "$work/$source-model.yaml" <<YAML
input: {paths: $input}
steps: [$first{type: quality, model: '$model', threshold: 0}]
output: {path: '$work/$source-model', compression: none}
run: {tokenizer: none}
YAML
  java -jar winnow-cli/target/winnow.jar run "$work/$source-heuristics.yaml" --progress none > /dev/null
  java -jar winnow-cli/target/winnow.jar run "$work/$source-model.yaml" --progress none > /dev/null
done
python3 - "$work" "$threshold" $sets <<'PY'
import json, sys, pathlib
work, threshold = pathlib.Path(sys.argv[1]), float(sys.argv[2])
files = {"1": "labels.jsonl", "2": "labels-2.jsonl", "3": "labels-3.jsonl", "4": "labels-4.jsonl"}
kept, score = {}, {}
for source in ("crawl", "warc", "pages"):
    for f in sorted((work / f"{source}-heuristics" / "decisions").glob("part-*")):
        for line in open(f):
            r = json.loads(line)
            kept[r["id"]] = r["outcome"] == "kept"
    for f in sorted((work / f"{source}-model" / "data").glob("part-*")):
        for line in open(f):
            r = json.loads(line)
            score[r["id"]] = r.get("quality_score", (r.get("metadata") or {}).get("quality_score"))
model = {i: s is not None and s >= threshold for i, s in score.items()}
with open(work / "scores.jsonl", "w") as out:
    for i, s in score.items():
        out.write(json.dumps({"id": i, "score": s, "heuristics": kept.get(i)}) + "\n")
for s in sys.argv[3:]:
    rows = [json.loads(l) for l in open(f"dev/quality-validation/{files[s]}")]
    print(f"set {s} (dev/quality-validation/{files[s]})")
    pools = sorted({r["pool"] for r in rows if "pool" in r})
    for name, subset in [(f"all {len(rows)} pages", rows), ("English pages", [r for r in rows if r["lang"] == "en"]),
                         ("other languages", [r for r in rows if r["lang"] != "en"])] + [
                         (pool, [r for r in rows if r.get("pool") == pool]) for pool in pools]:
        keep = sum(r["label"] == "keep" for r in subset)
        line = f"  {name:<16} n={len(subset):>3} keep={keep:>3}"
        for label, pred in [("FineWeb heuristics", kept), ("model", model)]:  # a page no run wrote is not kept
            acc = sum(pred.get(r["id"], False) == (r["label"] == "keep") for r in subset) / len(subset)
            line += f"  {label} accuracy {acc:.3f}"
        print(line)
PY
