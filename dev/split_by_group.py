#!/usr/bin/env python3
"""Splits labelled JSONL files in two by group (a hash of the `group` field, or of the text when there is none),
so no document is in both halves: one half to train on, the other to calibrate thresholds on. Keeps at most
MAX documents of at least 30 words per half and file, chosen by the same hash (deterministic).

Usage: split_by_group.py MAX TRAIN_DIR CALIBRATION_DIR FILE.jsonl...
"""
import hashlib
import json
import pathlib
import sys


def key(record):
    g = record.get("group") or record["text"]
    return hashlib.sha256(g.encode("utf-8")).hexdigest()


def main():
    cap = int(sys.argv[1])
    train_dir, cal_dir = pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    train_dir.mkdir(parents=True, exist_ok=True)
    cal_dir.mkdir(parents=True, exist_ok=True)
    for name in sys.argv[4:]:
        rows = []
        with open(name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    if len(r["text"].split()) >= 30:
                        rows.append((key(r), r))
        rows.sort(key=lambda kr: kr[0])
        halves = {0: [], 1: []}
        for k, r in rows:
            halves[int(k[-1], 16) % 2].append(r)
        stem = pathlib.Path(name).name
        for half, out in ((0, train_dir), (1, cal_dir)):
            with open(out / stem, "w", encoding="utf-8") as f:
                for r in halves[half][:cap]:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            print(f"{stem}: {min(cap, len(halves[half]))} of {len(halves[half])} to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
