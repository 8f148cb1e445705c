#!/usr/bin/env python3
"""Builds a JSON Lines corpus of distinct ~2 KB documents (no document occurs twice) from real text, for
whole-process speed figures that caches of repeated documents cannot flatter.

Paragraphs come from Debian's documentation packages (through ../shared/bench/gen_corpus.py's loader: Linux,
Python, Perl and Git documentation), the Common Crawl and CCNet pages of ../shared/data/web, and the human and
machine texts of ../shared/data/ai-text (Fast-DetectGPT, slop-score fiction, L2R). Each document is a random
draw of whole paragraphs (document lengths log-normal around --median-bytes); a document whose text was already
written is drawn again. Paragraphs recur across documents (the pool is ~100 MB of text), documents do not.
Deterministic for a seed. Standard library only.

usage: distinct_corpus.py SHARED_DIR OUT.jsonl [--mb 210] [--median-bytes 1400] [--seed 11]
"""
import argparse
import glob
import gzip
import hashlib
import json
import math
import os
import random
import sys


def paragraphs(text):
    for p in text.replace("\r\n", "\n").split("\n\n"):
        p = p.strip()
        if len(p) >= 40:
            yield p


def load_pool(shared, rng):
    texts = []
    sys.path.insert(0, os.path.join(shared, "bench"))
    try:
        import gen_corpus  # the Debian documentation loader

        texts += [t for t, _ in gen_corpus.load_prose(random.Random(1), 260, 0.8)]
    except (ImportError, OSError) as e:
        print(f"Debian documentation not loaded ({e})", file=sys.stderr)
    for path in sorted(glob.glob(os.path.join(shared, "data/web/*.jsonl.gz"))):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            texts += [json.loads(line).get("text", "") for line in f]
    for path in sorted(glob.glob(os.path.join(shared, "data/ai-text/fast-detect-gpt/**/*.raw_data.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        texts += d.get("original", []) + d.get("sampled", [])
    for path in sorted(glob.glob(os.path.join(shared, "data/ai-text/slop-score-train/results/*.json"))):
        with open(path, encoding="utf-8") as f:
            for model in json.load(f).values():
                texts += [s.get("output", "") for s in model.get("samples", []) if isinstance(s, dict)]
    for path in sorted(glob.glob(os.path.join(shared, "data/ai-text/l2r-train/*/*.json"))):
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        texts += [t for t in (d if isinstance(d, list) else d.values()) if isinstance(t, str)]
    seen, pool = set(), []
    for t in texts:
        for p in paragraphs(t):
            h = hashlib.blake2b(p.encode("utf-8"), digest_size=8).digest()
            if h not in seen:
                seen.add(h)
                pool.append(p)
    return pool


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=210)
    ap.add_argument("--median-bytes", type=int, default=1400)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = load_pool(args.shared, rng)
    pool_bytes = sum(len(p.encode("utf-8")) for p in pool)
    print(f"pool: {len(pool)} distinct paragraphs, {pool_bytes / 1e6:.1f} MB", file=sys.stderr)
    target = int(args.mb * 1e6)
    written, docs, seen = 0, 0, set()
    with open(args.out, "w", encoding="utf-8") as f:
        while written < target:
            want = int(args.median_bytes * math.exp(rng.gauss(0, 0.5)))
            parts, size = [], 0
            while size < want:
                p = pool[rng.randrange(len(pool))]
                parts.append(p)
                size += len(p) + 2
            text = "\n\n".join(parts)
            h = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
            if h in seen:
                continue
            seen.add(h)
            line = json.dumps({"id": f"d{docs:07d}", "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            docs += 1
    print(f"wrote {docs} distinct documents, {written / 1e6:.1f} MB -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
