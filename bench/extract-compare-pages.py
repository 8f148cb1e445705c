#!/usr/bin/env python3
"""Page sets for bench/extract-compare.sh: the same decoded HTML for every extractor, and one gold file.

  extract-compare-pages.py specs SHARED_DIR HELDOUT_DIR DOCS_DIR WORK
      writes WORK/dump-*.yaml: pipelines with no step, so that `winnow run` reads each page with its own
      decoding (byte-order mark, HTTP/meta charset, UTF-8 check, charset detector) and writes it unchanged.
  extract-compare-pages.py assemble SHARED_DIR HELDOUT_DIR DOCS_DIR WORK PASSES
      reads the dumps and writes WORK/pages.jsonl ({"id", "set", "url", "text": HTML}, one line a page),
      WORK/speed.jsonl (PASSES copies, ids "PASS/ID") and WORK/gold.json ({id: {"set", "with", "without"}}).

Sets: "trafilatura-eval" (data/html/trafilatura-eval: all its pages are timed, the ones in evaldata.json
scored, each page's URL from there); "heldout-docs" (docs-gold.json, pages under DOCS_DIR, URL file://PATH);
"heldout-warc" (warc-gold.json, the shared WARC samples, URL as crawled). Standard library only.
"""
import json
import os
import sys


def dump_yaml(work, name, paths, fmt):
    out = os.path.join(work, "dump-" + name)
    listed = ", ".join(json.dumps(p) for p in paths)
    with open(os.path.join(work, f"dump-{name}.yaml"), "w", encoding="utf-8") as f:
        f.write(f"input: {{paths: [{listed}], format: {fmt}}}\n")
        f.write("steps: []\n")
        f.write(f"output: {{path: {json.dumps(out)}, format: jsonl, compression: none}}\n")
        f.write("run: {max_rejected_share: 1}\n")  # a page with NUL bytes is rejected (input.binary), not fatal


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def dumped(work, name):
    """The records a no-step run wrote, in shard order."""
    data = os.path.join(work, "dump-" + name, "data")
    for part in sorted(os.listdir(data)):
        if part.endswith(".jsonl"):
            with open(os.path.join(data, part), encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)


def specs(shared, heldout, docs, work):
    os.makedirs(work, exist_ok=True)
    dump_yaml(work, "eval", [os.path.join(shared, "data/html/trafilatura-eval/pages/*.html.gz")], "html")
    docs_gold = load(os.path.join(heldout, "docs-gold.json"))
    present = [os.path.join(docs, k) for k in docs_gold if os.path.exists(os.path.join(docs, k))]
    if len(present) < len(docs_gold):
        print(f"extract-compare: {len(docs_gold) - len(present)} of {len(docs_gold)} held-out documentation pages "
              f"are not installed under {docs} (see {heldout}/README.md)", file=sys.stderr)
    if present:
        dump_yaml(work, "docs", present, "html")
    for warc in ("sample-0000.warc.gz", "sample-0001.warc.gz"):
        dump_yaml(work, "warc-" + warc.split(".")[0], [os.path.join(shared, "data/web/warc", warc)], "warc")


def assemble(shared, heldout, docs, work, passes):
    pages, gold = [], {}
    evaldata = load(os.path.join(shared, "data/html/trafilatura-eval/evaldata.json"))
    by_file = {v["file"]: (url, v) for url, v in evaldata.items()}
    for rec in dumped(work, "eval"):
        name = os.path.basename(rec["id"])
        url, g = by_file.get(name) or by_file.get(name[: -len(".gz")]) or (None, None)
        pid = "eval/" + name
        pages.append({"id": pid, "set": "trafilatura-eval", "url": url or "", "text": rec["text"]})
        if g is not None:
            gold[pid] = {"set": "trafilatura-eval", "with": g.get("with", []), "without": g.get("without", [])}
    docs_gold = load(os.path.join(heldout, "docs-gold.json"))
    if os.path.isdir(os.path.join(work, "dump-docs")):
        for rec in dumped(work, "docs"):
            key = os.path.relpath(rec["id"], docs)
            pid = "docs/" + key
            pages.append({"id": pid, "set": "heldout-docs", "url": "file://" + rec["id"], "text": rec["text"]})
            gold[pid] = {"set": "heldout-docs", "with": docs_gold[key]["with"], "without": docs_gold[key]["without"]}
    warc_gold = load(os.path.join(heldout, "warc-gold.json"))
    for warc in ("sample-0000.warc.gz", "sample-0001.warc.gz"):
        for rec in dumped(work, "warc-" + warc.split(".")[0]):
            g = warc_gold.get(rec.get("url"))
            if g is None or g["warc"] != warc:
                continue
            pid = "warc/" + rec["url"]
            pages.append({"id": pid, "set": "heldout-warc", "url": rec["url"], "text": rec["text"]})
            gold[pid] = {"set": "heldout-warc", "with": g["with"], "without": g["without"]}
    write_jsonl(os.path.join(work, "pages.jsonl"), pages)
    write_jsonl(os.path.join(work, "speed.jsonl"),
                (dict(p, id=f"{k}/{p['id']}") for k in range(passes) for p in pages))
    with open(os.path.join(work, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False)
    counts = {}
    for p in pages:
        counts[p["set"]] = counts.get(p["set"], 0) + 1
    print("extract-compare: pages " + ", ".join(f"{s} {n}" for s, n in counts.items())
          + f"; scored {len(gold)}; speed corpus {passes} x {len(pages)}", file=sys.stderr)


def write_jsonl(path, rows):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "specs":
        specs(*sys.argv[2:6])
    elif len(sys.argv) == 7 and sys.argv[1] == "assemble":
        assemble(*sys.argv[2:6], int(sys.argv[6]))
    else:
        sys.exit(__doc__)
