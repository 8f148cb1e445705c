#!/usr/bin/env python3
"""Side-by-side peer for bench/extract-compare.sh: trafilatura's extract() on each page of a JSON Lines file
({"id", "url", "text": the page's HTML}), one process, one thread. Writes {"id", "text"} lines ("" when
trafilatura returns None). trafilatura is imported from PYTHONPATH (it is not part of Winnow).

usage: extract-compare-trafilatura.py PAGES.jsonl OUT.jsonl default|precision [PASSES]
  default: extract(html, url=url); precision: the same with favor_precision=True.
  Every pass extracts every page; only the last pass is written.
"""
import json
import os
import sys

from trafilatura import extract


def main():
    pages_path, out_path, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    passes = max(1, int(sys.argv[4])) if len(sys.argv) > 4 else 1
    if mode not in ("default", "precision"):
        sys.exit(f"unknown mode {mode}: default or precision")
    pages = []
    with open(pages_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    pages.append(json.loads(line))
                except ValueError as e:
                    sys.exit(f"{pages_path}:{n}: not a JSON object: {e}")
    kwargs = {"favor_precision": True} if mode == "precision" else {}
    out = []
    for _ in range(passes):
        out = []
        for page in pages:
            url = page.get("url")
            text = extract(page["text"], url=url if url and url.startswith("http") else None, **kwargs)
            out.append(json.dumps({"id": page["id"], "text": text or ""}, ensure_ascii=False))
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, out_path)
    print(f"trafilatura ({mode}): {len(pages) * passes} extractions of {len(pages)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
