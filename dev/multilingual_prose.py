#!/usr/bin/env python3
"""Curated human prose in many languages, for the positives of the quality classifier (dev/prepare_quality_data.py):
Debian's translated documentation, unpacked from the Debian packages that dev/train-default-quality.sh downloads
with `apt-get download` (the list is DEBIAN_PACKAGES below):

  debian-handbook        The Debian Administrator's Handbook, 26 languages (HTML)
  debian-reference-LL    Debian Reference, 8 translations (HTML)
  debian-faq-LL          the Debian FAQ, 9 translations (plain text, hard-wrapped)
  maint-guide-LL         the New Maintainers' Guide, 9 translations (plain text, hard-wrapped)
  manpages-LL            the translated manual pages of 21 languages (roff, read by dev/prepare_human_debian.py)

Each source yields (text, language, ident): paragraphs separated by blank lines, each paragraph one line (the
hard wraps of the text files joined), as paragraphs are in extracted web text. Code, tables and navigation are
left out.
"""
import gzip
import html.parser
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import prepare_human_debian as debian  # noqa: E402

MANPAGE_LANGS = ["cs", "da", "de", "el", "es", "fi", "fr", "hu", "id", "it", "mk", "nb", "nl", "pl", "pt-br", "ro",
                 "ru", "sr", "sv", "uk", "vi"]
REFERENCE_LANGS = ["de", "es", "fr", "id", "it", "ja", "pt", "zh-cn"]
FAQ_LANGS = ["de", "fr", "it", "ja", "ko", "nl", "pt", "ru", "zh-cn"]
GUIDE_LANGS = ["ca", "de", "es", "fr", "it", "ja", "ru", "vi"]
DEBIAN_PACKAGES = (["debian-handbook"] + [f"debian-reference-{l}" for l in REFERENCE_LANGS]
                   + [f"debian-faq-{l}" for l in FAQ_LANGS] + [f"maint-guide-{l}" for l in GUIDE_LANGS]
                   + [f"manpages-{l}" for l in MANPAGE_LANGS])

BLOCK = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "section", "td", "th",
         "figcaption", "caption", "br", "tr", "ul", "ol", "dl", "table"}
SKIP_TAGS = {"script", "style", "pre", "table", "head", "nav", "form", "svg", "noscript"}
SKIP_CLASSES = {"docnav", "toc", "navheader", "navfooter", "titlepage", "indexterm", "programlisting", "screen",
                "legalnotice", "index", "breadcrumbs"}


class DocText(html.parser.HTMLParser):
    """The paragraphs of a DocBook HTML page, without navigation, tables of contents, code or tables."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.skip = [], 0
        self.paragraphs, self.buffer = [], []

    def flush(self):
        text = " ".join("".join(self.buffer).split())
        if text:
            self.paragraphs.append(text)
        self.buffer.clear()

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        skips = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        if tag in BLOCK:
            self.flush()
        if tag in debian.HTML_VOID:
            return
        self.stack.append((tag, skips))
        self.skip += skips

    def handle_endtag(self, tag):
        if tag in debian.HTML_VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            name, skips = self.stack.pop()
            self.skip -= skips
            if name in BLOCK:
                self.flush()
            if name == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            self.buffer.append(data)


def html_text(path):
    p = DocText()
    p.feed(debian.decode(path.read_bytes()))
    p.close()
    p.flush()
    return "\n\n".join(p.paragraphs)


def unwrapped(text):
    """Blank-line paragraphs of a hard-wrapped text, each joined into one line."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def handbook(root):
    base = root / "usr/share/doc/debian-handbook/html"
    for lang_dir in sorted(p for p in base.glob("*") if p.is_dir()) if base.is_dir() else []:
        lang = lang_dir.name.split("-")[0].lower()
        for path in sorted(lang_dir.glob("*.html")):
            yield html_text(path), lang, f"{lang_dir.name}/{path.name}"


def reference(root):
    for l in REFERENCE_LANGS:
        for path in sorted((root / f"usr/share/doc/debian-reference-{l}/docs").glob(f"*.{l}.html")):
            yield html_text(path), l.split("-")[0], path.name


def faq(root):
    for l in FAQ_LANGS:
        path = root / f"usr/share/doc/debian/FAQ/debian-faq.{l}.txt.gz"
        if path.exists():
            yield unwrapped(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")), l.split("-")[0], path.name


def guide(root):
    for l in GUIDE_LANGS:
        path = root / f"usr/share/doc/maint-guide-{l}/maint-guide.{l}.txt.gz"
        if path.exists():
            yield unwrapped(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")), l.split("-")[0], path.name


def manpages(root):
    for l in MANPAGE_LANGS:
        d = root / "usr/share/man" / l.replace("-br", "_BR")
        for path in sorted(d.glob("man*/*.gz")) if d.is_dir() else []:
            if path.is_symlink() or not path.is_file():
                continue
            source = debian.decode(gzip.decompress(path.read_bytes()))
            if re.match(r"^[.']\s*so\s", source.lstrip()):
                continue
            text = debian.roff_to_text(source)
            if text:
                yield unwrapped(text), l.split("-")[0], f"{l}/{path.parent.name}/{path.name[:-3]}"


SOURCES = [("debian-handbook", handbook), ("debian-reference", reference), ("debian-faq", faq),
           ("maint-guide", guide), ("manpages-l10n", manpages)]
