#!/usr/bin/env python3
"""Compares a run directory with the local engine's: the same files, the same bytes; JSON files (statistics) without
their timings; the dataset card (README.md) without its title, the run folder's name; working files of corpus steps,
run.json and the run lock aside.

    python3 bench/spark-compare.py LOCAL_RUN OTHER_RUN
"""
import json, os, sys
a, b = sys.argv[1], sys.argv[2]
def files(root):
    out = {}
    for d, _, fs in os.walk(root):
        for f in fs:
            rel = os.path.relpath(os.path.join(d, f), root)
            if rel.startswith("corpus/") or rel in ("run.json", "run.lock"): continue
            out[rel] = os.path.join(d, f)
    return out
def timeless(n):
    if isinstance(n, dict): return {k: timeless(v) for k, v in n.items() if k != "seconds"}
    if isinstance(n, list): return [timeless(v) for v in n]
    return n
fa, fb = files(a), files(b)
bad = sorted(set(fa) ^ set(fb))
for rel in sorted(set(fa) & set(fb)):
    x, y = open(fa[rel], "rb").read(), open(fb[rel], "rb").read()
    if rel.endswith(".json"): same = timeless(json.loads(x)) == timeless(json.loads(y))
    elif rel == "README.md":
        untitled = lambda t, root: t.replace(b"\n# " + os.path.basename(os.path.normpath(root)).encode() + b"\n", b"\n# RUN\n")
        same = untitled(x, a) == untitled(y, b)
    else: same = x == y
    if not same: bad.append(rel)
if bad: print("DIFFERENT: " + ", ".join(bad[:8])); sys.exit(1)
print(f"identical ({len(fa)} files)")
