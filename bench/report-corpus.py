"""Writes DOCS synthetic documents (a seeded mix of word salads, short ones and repeated phrases, with a `source`
field) into 10 gzip JSONL files in OUT_DIR: the corpus behind the 1 M-document report figure.
    python3 bench/report-corpus.py OUT_DIR [DOCS]"""
import gzip, json, os, random, sys

out_dir = sys.argv[1]
docs = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
random.seed(1)
words = ("the of and to in a is that for it as was with be by on not he i this are or his from at which but have an "
         "they you were her she there one all we their can has been if more when will would who so no").split()
content = "river market energy policy garden music planet history science school doctor window bridge summer engine coffee letter forest city ocean".split()
os.makedirs(out_dir, exist_ok=True)
per_file = docs // 10
for f in range(10):
    with gzip.open(os.path.join(out_dir, f"part-{f}.jsonl.gz"), "wt", compresslevel=1) as out:
        for i in range(per_file):
            r = random.random()
            n = random.randint(5, 40) if r < 0.2 else random.randint(50, 200)
            if r > 0.95:
                text = " ".join(["buy cheap tickets now"] * (n // 4))
            else:
                text = " ".join(random.choice(words) if random.random() < 0.5 else random.choice(content) for _ in range(n)) + "."
            out.write(json.dumps({"id": f"s{f}-{i}", "text": text, "source": ("web", "books", "forum")[i % 3]}) + "\n")
