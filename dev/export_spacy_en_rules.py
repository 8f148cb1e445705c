"""Exports the English tokenizer rules of spaCy (MIT licence) as data files for Winnow's word splitter.

The reference implementation of the FineWeb filters splits words with `spacy.blank("en")`. Winnow re-implements
that algorithm in Java (text/EnglishWordSplitter) and loads the rule data exported here, so that the two agree
token for token. Run once with spaCy installed when the reference version changes:

    python3 dev/export_spacy_en_rules.py winnow-core/src/main/resources/winnow/text/en

Besides each affix list (one regex per alternative, in order), it writes the set of characters each
alternative can consume first (prefixes, infixes) or last (suffixes), computed from the parsed regex. The Java
matcher uses these sets to try only the few alternatives that can match at a position, instead of running one
large alternation at every position.
"""
import json, os, re, sys
import sre_parse
import sre_constants as C
import spacy
from spacy.lang.en import English

MAXCP = 0x10FFFF
ANY = "any"


def to_java(p: str) -> str:
    # Python writes astral code points as \UXXXXXXXX; java.util.regex wants \x{...}
    return re.sub(r"\\U([0-9A-Fa-f]{8})", lambda m: "\\x{%X}" % int(m.group(1), 16), p)


def union(a, b):
    if a == ANY or b == ANY:
        return ANY
    return a | b


def item_set(op, av):
    """Characters one consuming item can match, as a set of (lo, hi) ranges or ANY."""
    if op == C.LITERAL:
        return {(av, av)}
    if op == C.IN:
        out = set()
        for o, a in av:
            if o == C.LITERAL:
                out.add((a, a))
            elif o == C.RANGE:
                out.add((a[0], a[1]))
            else:  # NEGATE, CATEGORY (\d, \w, ...): be conservative
                return ANY
        return out
    return ANY  # ANY, NOT_LITERAL, GROUPREF...


def edge(seq, from_end):
    """(chars, nullable) for the first (or last) consumed character of a parsed sequence."""
    items = list(seq)
    if from_end:
        items.reverse()
    chars = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width
        if op == C.SUBPATTERN:
            s, nullable = edge(av[-1], from_end)
        elif op == C.BRANCH:
            s, nullable = set(), False
            for sub in av[1]:
                bs, bn = edge(sub, from_end)
                s = union(s, bs)
                nullable = nullable or bn
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            s, nullable = edge(sub, from_end)
            nullable = nullable or lo == 0
        else:
            s, nullable = item_set(op, av), False
        chars = union(chars, s)
        if not nullable:
            return chars, False
    return chars, True


def ranges(s):
    if s == ANY:
        return ANY
    out = []
    for lo, hi in sorted(s):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def export_affixes(name, pieces, combined, anchor):
    pieces = [p for p in pieces if p.strip()]
    joined = "|".join(anchor(p) for p in pieces)
    assert joined == combined, name + ": the tokenizer's pattern is not the join of the Defaults list"
    rows = []
    for p in pieces:
        parsed = sre_parse.parse(p)
        lo, hi = parsed.getwidth()
        first, _ = edge(parsed, False)
        last, _ = edge(parsed, True)
        rows.append({"regex": to_java(p), "min": lo, "max": hi if hi < C.MAXREPEAT else -1,
                     "first": ranges(first), "last": ranges(last)})
    return rows


out = sys.argv[1]
os.makedirs(out, exist_ok=True)
nlp = spacy.blank("en")
tok = nlp.tokenizer
d = English.Defaults
affixes = {
    "prefix": export_affixes("prefix", d.prefixes, tok.prefix_search.__self__.pattern, lambda p: "^" + p),
    "suffix": export_affixes("suffix", d.suffixes, tok.suffix_search.__self__.pattern, lambda p: p + "$"),
    "infix": export_affixes("infix", d.infixes, tok.infix_finditer.__self__.pattern, lambda p: p),
}
with open(os.path.join(out, "affixes.json"), "w", encoding="utf-8") as f:
    json.dump(affixes, f, ensure_ascii=False, indent=0)
with open(os.path.join(out, "url.regex"), "w", encoding="utf-8") as f:
    f.write(to_java(tok.url_match.__self__.pattern))
with open(os.path.join(out, "exceptions.jsonl"), "w", encoding="utf-8") as f:
    for key in sorted(tok.rules):
        f.write(json.dumps([key, [t[65] for t in tok.rules[key]]], ensure_ascii=False) + "\n")
sent = nlp.add_pipe("sentencizer")
with open(os.path.join(out, "sentence-punct.txt"), "w", encoding="utf-8") as f:
    for p in sorted(sent.punct_chars):
        f.write("U+%04X\n" % ord(p))
with open(os.path.join(out, "SOURCE"), "w") as f:
    f.write("Exported from spaCy %s (MIT licence, (c) ExplosionAI GmbH) by dev/export_spacy_en_rules.py\n" % spacy.__version__)
