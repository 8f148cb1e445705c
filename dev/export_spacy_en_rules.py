"""Exports the English tokenizer rules of spaCy (MIT licence) as data files for Winnow's word splitter.

The reference implementation of the FineWeb filters splits words with `spacy.blank("en")`. Winnow re-implements
that algorithm in Java (text/EnglishWordSplitter) and loads the rule data exported here, so that the two agree
token for token. Run once with spaCy installed when the reference version changes:

    python3 dev/export_spacy_en_rules.py winnow-core/src/main/resources/winnow/text/en
"""
import json, os, re, sys, unicodedata
import spacy

def to_java(p: str) -> str:
    # Python writes astral code points as \UXXXXXXXX; java.util.regex wants \x{...}
    return re.sub(r"\\U([0-9A-Fa-f]{8})", lambda m: "\\x{%X}" % int(m.group(1), 16), p)

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
nlp = spacy.blank("en")
tok = nlp.tokenizer
for name, fn in [("prefix", tok.prefix_search), ("suffix", tok.suffix_search),
                 ("infix", tok.infix_finditer), ("url", tok.url_match)]:
    with open(os.path.join(out, name + ".regex"), "w", encoding="utf-8") as f:
        f.write(to_java(fn.__self__.pattern))
with open(os.path.join(out, "exceptions.jsonl"), "w", encoding="utf-8") as f:
    for key in sorted(tok.rules):
        f.write(json.dumps([key, [t[65] for t in tok.rules[key]]], ensure_ascii=False) + "\n")
sent = nlp.add_pipe("sentencizer")
with open(os.path.join(out, "sentence-punct.txt"), "w", encoding="utf-8") as f:
    for p in sorted(sent.punct_chars):
        f.write("U+%04X\n" % ord(p) if len(p) == 1 else p + "\n")
with open(os.path.join(out, "SOURCE"), "w") as f:
    f.write("Exported from spaCy %s (MIT licence, (c) ExplosionAI GmbH) by dev/export_spacy_en_rules.py\n" % spacy.__version__)
