#!/usr/bin/env python3
"""Training data for the shipped quality classifier (winnow-core/src/main/resources/winnow/quality/default-quality.bin),
from data on this machine only. Positives are curated human prose; negatives are random Common Crawl pages and
page junk. Web pages of the validation sites (the four sets of dev/quality-validation/, labelled by hand) are never written here.

Usage: dev/prepare_quality_data.py pages SHARED_DIR PAGES.jsonl      (HTML pages for the extract step)
       dev/prepare_quality_data.py SHARED_DIR OUT_DIR [DEBS_ROOT EXTRACTED_DIR]
(dev/train-default-quality.sh runs both.)

  positive.jsonl  curated prose, cut at paragraph ends into pieces of ~2,000 characters (web-page size), each
                  paragraph on one line: Linux kernel documentation (linux-doc-6.1, Documentation/**/*.rst.gz), the
                  Python 3.11 manual (python3.11-doc, HTML main text as dev/prepare_human_debian.py reads it), Perl's
                  pod manuals (perl-doc), Git's manuals (git-doc, *.txt), the CCNet "head" bucket (web/cc_en_head-*),
                  the human originals of ai-text/fast-detect-gpt, at most 1,500 pieces each; with DEBS_ROOT, Debian's
                  translated documentation in 30 languages (dev/multilingual_prose.py), at most 60-120 pieces per
                  source and language; with EXTRACTED_DIR, the main text (extract step) of the trafilatura-eval pages.
  negative.jsonl  the Common Crawl sample (web/cc-main-2019-30-sample) outside the validation domains, whole pages
                  and also cut like the positives; the full visible text of the trafilatura-eval HTML pages
                  (navigation, footers and all: the raw crawl an extractor sees); and junk built from those pages
                  (their short lines: menus, link lists, tag clouds).
Each line: {"text": ..., "label": "hq"|"cc", "source": KIND, "group": KIND:ID}. Pieces of one source document share
a group. The classes are balanced by keeping, per class, at most as many pieces as the other class has (chosen by a
hash of the group, so deterministically).
"""
import gzip
import hashlib
import html.parser
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import multilingual_prose as multilingual  # noqa: E402
import prepare_human_debian as debian  # noqa: E402

PIECE = 2000


def domain(url):
    url = re.sub(r"^[a-z]+://", "", url or "")
    host = url.split("/")[0].lower()
    return host[4:] if host.startswith("www.") else host


def bucket(d):
    return int(hashlib.sha256(d.encode()).hexdigest(), 16) % 5


def site(d):
    """The registrable part of a host, roughly: its last two labels, three under a two-letter country code's
    second level (example.co.uk, portal.gov.br)."""
    labels = d.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "gov", "ac", "edu", "net", "or", "ne", "go"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


HELD_OUT_SITES = set()


# Fifths of the hosts (by hash) held out for the hand-labelled validation sets, in every pool: 0 set 1 (and the
# trafilatura part of set 4), 1 set 2, 2 the Common Crawl part of set 3; and in the Common Crawl sample also 3, the
# Common Crawl part of set 4 (the trafilatura pages of that fifth hold no validation page and stay training data).
HELD_OUT_FIFTHS = (0, 1, 2)
HELD_OUT_CRAWL_FIFTHS = HELD_OUT_FIFTHS + (3,)


def is_validation_domain(d, crawl=False):
    """The held-out fifths of the hosts, and with them every host of a site (see site()) that has a held-out page:
    en.wikipedia.org and fr.wikipedia.org are one site. crawl: d is a host of the Common Crawl sample."""
    return bucket(d) in (HELD_OUT_CRAWL_FIFTHS if crawl else HELD_OUT_FIFTHS) or site(d) in HELD_OUT_SITES


def load_held_out_sites(shared):
    """The sites of the validation pages: the held-out fifths of the Common Crawl sample and the hosts of sets 3 and
    4 (dev/quality-validation/domains-{3,4}.txt: set 3 took pages from the WARC samples, set 4 from trafilatura-eval)."""
    for line in gzip.open(shared / "web/cc-main-2019-30-sample.jsonl.gz", "rt", encoding="utf-8"):
        r = json.loads(line)
        d = domain(r["metadata"].get("warc_url") or r["metadata"].get("url"))
        if bucket(d) in HELD_OUT_CRAWL_FIFTHS:
            HELD_OUT_SITES.add(site(d))
    for name in ("domains-3.txt", "domains-4.txt"):
        listed = pathlib.Path(__file__).parent / "quality-validation" / name
        for d in listed.read_text("utf-8").split():
            HELD_OUT_SITES.add(site(d))


def pieces(text):
    """Paragraph-bounded pieces of about PIECE characters (a piece of one long paragraph may be longer)."""
    out, cur = [], ""
    for para in re.split(r"\n\s*\n", text):
        para = para.strip()
        if not para:
            continue
        if cur and len(cur) + len(para) > PIECE:
            out.append(cur)
            cur = ""
        cur = cur + "\n\n" + para if cur else para
    if cur:
        out.append(cur)
    return [p for p in out if len(p.split()) >= 30]


def rst_text(raw):
    lines = []
    in_code = False
    for line in raw.splitlines():
        s = line.strip()
        if re.fullmatch(r"[=\-~^*#+`'\".:_]{3,}", s):
            continue  # heading underlines
        if s.startswith(".. "):
            in_code = s.startswith((".. code", ".. kernel-doc", ".. toctree", ".. literal", ".. c:", ".. flat-table"))
            continue
        if s.endswith("::"):
            lines.append(line.rstrip(":") + ".")
            in_code = True
            continue
        if in_code:
            if s and not line.startswith((" ", "\t")):
                in_code = False
            else:
                continue
        lines.append(re.sub(r":[a-z:]+:`([^`<]*)(<[^>]*>)?`", r"\1", line).replace("``", ""))
    return "\n".join(lines)


def installed(debs, rel):
    """A documentation folder as unpacked from its Debian package under DEBS_ROOT (dev/train-default-quality.sh
    downloads linux-doc-6.1, python3.11-doc, perl-doc and git-doc with the rest), else as installed on this
    machine."""
    for root in ([pathlib.Path(debs)] if debs else []) + [pathlib.Path("/")]:
        if (root / rel).is_dir():
            return root / rel
    return None


def linux_docs(debs):
    base = installed(debs, "usr/share/doc/linux-doc-6.1/Documentation")
    if base is None:
        return
    for path in sorted(base.rglob("*.rst.gz")):
        rel = path.relative_to(base).as_posix()
        if rel.startswith("translations/"):
            continue
        yield rst_text(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")), rel


def perl_docs(debs):
    base = installed(debs, "usr/share/perl/5.36.0/pod") or installed(debs, "usr/share/perl/5.36/pod")
    for path in sorted(base.glob("*.pod")) if base else []:
        if "delta" in path.name:
            continue
        out, verbatim = [], False
        for line in path.read_text("utf-8", "replace").splitlines():
            if line.startswith("="):
                cmd = line.split()[0]
                if cmd.startswith("=head"):
                    out.append(line.split(None, 1)[1] if " " in line else "")
                continue
            if line.startswith((" ", "\t")):
                continue  # verbatim code
            out.append(re.sub(r"[A-Z]<+([^<>]*)>+", r"\1", line))
        yield "\n".join(out), path.name


def git_docs(debs):
    base = installed(debs, "usr/share/doc/git-doc")
    for path in sorted(base.glob("*.txt")) if base else []:
        out = []
        for line in path.read_text("utf-8", "replace").splitlines():
            if re.fullmatch(r"[=\-~^+.]{3,}", line.strip()) or line.startswith((" ", "\t", "[", "include::", "ifdef", "endif")):
                continue
            out.append(line.replace("`", "").replace("'", "'"))
        yield "\n".join(out), path.name


def python_docs(debs):
    base = installed(debs, "usr/share/doc/python3.11/html")
    if base is not None:
        yield from debian.python_docs(base.parents[4])


def ccnet_head(shared):
    for f in sorted((shared / "web").glob("cc_en_head-*.jsonl.gz")):
        for line in gzip.open(f, "rt", encoding="utf-8"):
            r = json.loads(line)
            yield r["text"], r["id"]


def fast_detect_human(shared):
    seen = set()
    for f in sorted((shared / "ai-text/fast-detect-gpt").rglob("*.raw_data.json")):
        data = json.loads(f.read_text("utf-8"))
        for i, t in enumerate(data.get("original", [])):
            if t not in seen:
                seen.add(t)
                yield t, f"{f.name.split('_')[0]}#{hashlib.sha1(t.encode()).hexdigest()[:12]}"


class VisibleText(html.parser.HTMLParser):
    """Every visible text node of a page, one per line: what a page is before main-content extraction."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.lines = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.lines.append(" ".join(data.split()))


def raw_pages(shared):
    base = shared / "html/trafilatura-eval"
    evaldata = json.loads((base / "evaldata.json").read_text("utf-8"))
    for url, entry in sorted(evaldata.items()):
        d = domain(url)
        if is_validation_domain(d):
            continue
        path = base / "pages" / entry["file"]
        if not path.exists():
            continue
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        p = VisibleText()
        try:
            p.feed(debian.decode(raw))
        except Exception:
            continue
        text = "\n".join(p.lines)
        if len(text.split()) >= 30:
            yield text, d


def crawl(shared):
    for line in gzip.open(shared / "web/cc-main-2019-30-sample.jsonl.gz", "rt", encoding="utf-8"):
        r = json.loads(line)
        d = domain(r["metadata"].get("warc_url") or r["metadata"].get("url"))
        if not is_validation_domain(d, crawl=True):
            yield r["text"], d


def junk(pages):
    """Runs of a page's short lines (menus, link lists, tag clouds), ~60 lines each."""
    for text, ident in pages:
        short = [l for l in text.splitlines() if 0 < len(l.split()) <= 4]
        for k in range(0, len(short) - 20, 60):
            yield "\n".join(short[k:k + 60]), ident


def paragraph_lines(text):
    """Each blank-line paragraph on one line: hard-wrapped documentation reads like extracted web text then."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def html_pages(shared, out_file):
    """The trafilatura-eval pages outside the held-out sites as JSONL {id, url, text: html}, for `winnow run` with
    the extract step (dev/train-default-quality.sh): their main content becomes web positives."""
    base = shared / "html/trafilatura-eval"
    evaldata = json.loads((base / "evaldata.json").read_text("utf-8"))
    with open(out_file, "w", encoding="utf-8") as f:
        for url, entry in sorted(evaldata.items()):
            path = base / "pages" / entry["file"]
            if is_validation_domain(domain(url)) or not path.exists():
                continue
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            f.write(json.dumps({"id": entry["file"], "url": url, "text": debian.decode(raw)}, ensure_ascii=False) + "\n")


def extracted_pages(folder):
    """Main-content texts written by the extract step: (text, site)."""
    for path in sorted(pathlib.Path(folder).glob("part-*")):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            yield r["text"], domain(r.get("url") or r["id"])


def write_jsonl(path, rows):
    """One JSON object a line, UTF-8 as is."""
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def capped(rows, cap):
    """At most cap rows, chosen by a hash of their group and opening (deterministic)."""
    key = lambda r: hashlib.sha256((r["group"] + r["text"][:200]).encode()).hexdigest()
    return sorted(rows, key=key)[:cap] if len(rows) > cap else rows


# Pieces kept per (positive source, language): no one source or language outweighs the rest.
PER_LANGUAGE = {"manpages-l10n": 120, "debian-handbook": 120, "debian-reference": 120, "debian-faq": 60,
                "maint-guide": 60}
PER_ENGLISH_SOURCE = 1500
# Sources whose paragraphs are hard-wrapped: joined into one line each, as in extracted web text.
HARD_WRAPPED = {"linux-doc", "perl-doc", "git-doc"}


def main(shared, out_dir, debs, extracted):
    shared, out = pathlib.Path(shared), pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pos, neg = [], []

    def add_positive(kind, text, ident, lang):
        if kind in HARD_WRAPPED:
            text = paragraph_lines(text)
        return [{"text": p, "label": "hq", "source": kind, "lang": lang, "group": f"{kind}:{ident}"}
                for p in (pieces(text) if len(text) > PIECE else [text] if len(text.split()) >= 30 else [])]

    english = [("linux-doc", linux_docs(debs)), ("python-doc", python_docs(debs)), ("perl-doc", perl_docs(debs)),
               ("git-doc", git_docs(debs)), ("ccnet-head", ccnet_head(shared)), ("human-prose", fast_detect_human(shared))]
    if extracted:
        english.append(("web-main", extracted_pages(extracted)))
    for kind, source in english:
        rows = capped([r for text, ident in source for r in add_positive(kind, text, ident, "-")], PER_ENGLISH_SOURCE)
        pos += rows
        print(f"positive {kind:<16} {len(rows):>7} pieces")
    if debs:
        for kind, source in multilingual.SOURCES:
            by_lang = {}
            for text, lang, ident in source(pathlib.Path(debs)):
                by_lang.setdefault(lang, []).extend(add_positive(kind, text, ident, lang))
            rows = [r for lang in sorted(by_lang) for r in capped(by_lang[lang], PER_LANGUAGE[kind])]
            pos += rows
            print(f"positive {kind:<16} {len(rows):>7} pieces in {len(by_lang)} languages")
    crawled = list(crawl(shared))
    pages = list(raw_pages(shared))
    for kind, source in [("cc-page", crawled), ("raw-page", pages), ("junk", junk(crawled + pages))]:
        n = 0
        for text, ident in source:
            cut = pieces(text) if kind != "junk" and len(text) > PIECE else []
            for p in ([text] + cut if kind == "cc-page" else cut or [text]):
                if len(p.split()) >= 10:
                    neg.append({"text": p, "label": "cc", "source": kind, "group": f"{kind}:{ident}"})
                    n += 1
        print(f"negative {kind:<16} {n:>7} pieces")

    cap = min(len(pos), len(neg))
    for name, rows in [("positive", pos), ("negative", neg)]:
        rows = capped(rows, cap)
        write_jsonl(out / f"{name}.jsonl", rows)
        print(f"{name}: {len(rows)} pieces written to {out / (name + '.jsonl')}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "pages":
        load_held_out_sites(pathlib.Path(args[1]))
        html_pages(pathlib.Path(args[1]), args[2])
    elif len(args) in (2, 4):
        load_held_out_sites(pathlib.Path(args[0]))
        main(args[0], args[1], *(args[2:] if len(args) == 4 else (None, None)))
    else:
        sys.exit(__doc__)
