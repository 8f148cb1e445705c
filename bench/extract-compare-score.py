#!/usr/bin/env python3
"""Scores and times the extractors of bench/extract-compare.sh and prints the table.

usage: extract-compare-score.py WORK NAME...
  For each NAME: WORK/out-NAME.jsonl ({"id", "text"} lines; an id "PASS/ID" of the speed corpus counts for
  pass 0 only; a page missing from it extracted nothing) and WORK/time-NAME.txt ("USER SYS WALL PAGES", the
  process's CPU seconds from /usr/bin/time and the number of extractions it ran).

The measure is Winnow's ExtractionEvaluationTest/SnippetScore (trafilatura's evaluation): per page, a "with"
snippet found in the output is a true positive, missed a false negative; a "without" snippet found is a false
positive, else a true negative; every run of whitespace counts as one space on both sides. Precision, recall
and F1 over all snippets of a set. Standard library only.
"""
import json
import os
import re
import sys

SPACE = re.compile("[\\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
SETS = [("trafilatura-eval", "trafilatura eval (tuned on by Winnow)"),
        ("heldout-docs", "held-out documentation"),
        ("heldout-warc", "held-out WARC pages")]


def normalize(s):
    # Java's String.strip() removes Unicode white space, as Python's str.strip() does
    return SPACE.sub(" ", s).strip()


def texts(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as e:
                sys.exit(f"{path}:{n}: not a JSON object: {e}")
            pid = rec["id"]
            if pid[:1].isdigit() and "/" in pid:
                k, rest = pid.split("/", 1)
                if k.isdigit():
                    if k != "0":
                        continue
                    pid = rest
            out[pid] = rec.get("text") or ""
    return out


def score(gold, out, wanted):
    tp = fn = fp = tn = pages = 0
    for pid, g in gold.items():
        if g["set"] != wanted:
            continue
        pages += 1
        norm = normalize(out.get(pid, ""))
        for w in g["with"]:
            if normalize(w) in norm:
                tp += 1
            else:
                fn += 1
        for w in g["without"]:
            if normalize(w) in norm:
                fp += 1
            else:
                tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return pages, p, r, f1, (tp, fn, fp, tn)


def main():
    work, names = sys.argv[1], sys.argv[2:]
    with open(os.path.join(work, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    print("| extractor | pages timed | CPU s (user+sys) | wall s | pages per CPU-second |")
    print("|---|---|---|---|---|")
    speed = {}
    for name in names:
        with open(os.path.join(work, f"time-{name}.txt"), encoding="utf-8") as f:
            user, sys_, wall, n = f.read().split()
        cpu = float(user) + float(sys_)
        speed[name] = int(n) / cpu
        print(f"| {name} | {int(n):,} | {cpu:.1f} ({float(user):.1f} + {float(sys_):.1f}) | {float(wall):.1f} | {speed[name]:.0f} |")
    print()
    print("| extractor | set | pages | precision | recall | F1 | snippets (tp / fn / fp / tn) |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        out = texts(os.path.join(work, f"out-{name}.jsonl"))
        for key, label in SETS:
            pages, p, r, f1, (tp, fn, fp, tn) = score(gold, out, key)
            if pages:
                print(f"| {name} | {label} | {pages} | {p:.3f} | {r:.3f} | {f1:.3f} | {tp:,} / {fn:,} / {fp:,} / {tn:,} |")
    peers = [n for n in names if not n.startswith("winnow")]
    if peers:
        print()
    for name in peers:
        # each peer against Winnow in the same mode: favor_precision against favor_precision
        base = "winnow-precision" if name.endswith("-precision") and "winnow-precision" in speed else names[0]
        print(f"{base} / {name}: {speed[base] / speed[name]:.1f}x pages per CPU-second")


if __name__ == "__main__":
    main()
