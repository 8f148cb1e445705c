#!/usr/bin/env python3
"""Human-written text from Debian packages, for evaluating and calibrating the machine-text detector:
fortune cookies, the GCIDE dictionary (Webster 1913 + WordNet), the Jargon File, the Linux man pages and
the Python 3.11 documentation. All of it was written by people, long before language models.

Usage: apt-get download fortunes fortunes-min dict-gcide jargon-text manpages python3.11-doc
       dev/prepare_human_debian.py DEB_DIR OUT_DIR

Every .deb in DEB_DIR is unpacked (dpkg-deb -x) into one temporary tree, as dpkg would install them, and
OUT_DIR gets one JSONL file per kind of writing, each line
    {"text": ..., "label": "human", "domain": KIND, "group": "KIND:STABLE_ID"}
  fortunes.jsonl     usr/share/games/fortunes/* ("%"-separated; .dat indexes, .u8 links, off/ and the
                     ascii-art file skipped); one line per text line, spaces collapsed; id FILE#N
  dictionary.jsonl   usr/share/dictd/gcide.*: one document per entry text (00-database-* headers dropped,
                     identical texts once); pronunciations and source tags ([1913 Webster]...) removed,
                     GCIDE's accent codes ([=a], ['e]...) turned into letters, lines unwrapped; id headword
                     (#2, #3... for further entries under the same headword)
  jargon.jsonl       usr/share/doc/jargon-text/jargon.txt.gz lexicon entries (":term: pron, pos." heads);
                     prose paragraphs unwrapped, ASCII art and code dropped, {cross-reference} braces
                     removed; id term
  manpages.jsonl     usr/share/man/man*/*.gz (roff) as plain prose: headings kept, macro names, font and
                     other escapes dropped, code (.EX/.nf), tables and macro definitions left out, .so
                     redirections skipped; id manN/page.N
  python-docs.jsonl  usr/share/doc/python3.11/html/**/*.html main body: headings, paragraphs, list items,
                     definitions; navigation, sidebars, code blocks, signatures and tables left out;
                     indexes and the search page skipped; id the page's path under html/
Identical texts are written once per kind. Long documents are written whole (consumers cut their own
windows). A summary (documents, mean words, share with at least 30 words) is printed per kind.
"""
import gzip
import html.parser
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata

WS = re.compile(r"[ \t\r\f\v\u00a0]+")


def words(text):
    return len(text.split())


def unwrap(lines):
    """Joins hard-wrapped lines into one line with single spaces."""
    return WS.sub(" ", " ".join(line.strip() for line in lines)).strip()


def decode(data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# ----------------------------------------------------------------------------------------------- fortunes

def overstrike(line):
    """Renders backspace overstriking ("_\\bx" underlines, "x\\bx" bold) as a terminal would show it."""
    if "\b" not in line:
        return line
    cells, pos = [], 0
    for ch in line:
        if ch == "\b":
            pos = max(0, pos - 1)
            continue
        if pos < len(cells):
            if not (ch == "_" and cells[pos] != " "):
                cells[pos] = ch
        else:
            cells.append(ch)
        pos += 1
    return "".join(cells)


def fortunes(root):
    base = root / "usr/share/games/fortunes"
    if not base.is_dir():
        return
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base)
        if (path.is_symlink() or not path.is_file() or path.suffix in (".dat", ".u8")
                or "off" in rel.parts[:-1] or rel.name == "ascii-art"):
            continue
        text = decode(path.read_bytes())
        entries = re.split(r"(?m)^%[ \t]*\n", text.replace("\r\n", "\n") + "\n")
        for number, entry in enumerate(entries, 1):
            lines = [WS.sub(" ", overstrike(line)).strip() for line in entry.split("\n")]
            body = "\n".join(line for line in lines if line)
            if body:
                yield body, f"{rel.as_posix()}#{number}"


# --------------------------------------------------------------------------------------------- dictionary

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64number(digits):
    """dictd's index numbers: base 64, most significant digit first, in B64's alphabet."""
    value = 0
    for ch in digits:
        value = value * 64 + B64.index(ch)
    return value


GCIDE_NAMED = {
    "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "eth": "ð", "ETH": "Ð", "thorn": "þ", "THORN": "Þ",
    "yogh": "ȝ", "deg": "°", "root": "√", "sect": "§", "pounds": "£", "cced": "ç", "imac": "ī",
    "aum": "ä", "add": "ä", "asl": "a", "udd": "u", "ng": "ng", "th": "th", "dsdot": "ḍ", "bprime": "″",
    "prime": "′", "break": "", "bar": "|", "crescent": "˘", "middot": "·", "frac12": "½", "frac14": "¼",
    "frac34": "¾", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "omicron": "ο", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "digamma": "ϝ", "flat": "♭",
    "sharp": "♯", "natural": "♮", "times": "×", "div": "÷", "divby": "÷", "rarr": "→", "para": "¶",
    "nbsp": " ", "cuberoot": "∛", "dagger": "†", "dag": "†", "ldqo": "“", "rdqo": "”", "filig": "fi",
    "ffllig": "ffl", "zdot": "ż",
}
GCIDE_SUFFIX = {"acute": "\u0301", "grave": "\u0300", "caron": "\u030c", "cedil": "\u0327", "circ": "\u0302",
                "tilde": "\u0303", "uml": "\u0308", "macr": "\u0304", "breve": "\u0306", "ring": "\u030a"}
GCIDE_PREFIX = {"=": "\u0304", "'": "\u0301", "`": "\u0300", '"': "\u0308", "~": "\u0303", ".": "\u0307",
                ",": "\u0327", "^": "\u0302", "*": "\u030a", "-": ""}
GCIDE_CODE = re.compile(r"\[([^\[\]\s]{1,8})\]")
GCIDE_SOURCE = (r"(?:1913 Webster|Webster 1913 Suppl\.|WordNet\s+(?:sense\s+)?[\d.]+|Century Dict\.,? 1906"
                r"|PJC\.?|[A-Z]{2,5}\d*)")
GCIDE_TAG = re.compile(r"(?:--\s*)?\[\s*" + GCIDE_SOURCE + r"(?:\s*\+?\s*" + GCIDE_SOURCE + r")*\s*\]")
HEADWORD_SPELLING = re.compile(r"[ \t]*\\[^\\]{0,200}\\(?:(,?)\s*\((?![A-Z][a-z]*\.[^()]*\))[^()]{0,200}\))?")


def gcide_letter(match):
    code = match.group(1)
    if code in GCIDE_NAMED:
        return GCIDE_NAMED[code]
    if len(code) >= 2 and code[0] in GCIDE_PREFIX and code[1:].isalpha() and len(code) <= 3:
        return unicodedata.normalize("NFC", code[1] + GCIDE_PREFIX[code[0]]) + code[2:]
    if code[:1].isalpha() and code[1:] in GCIDE_SUFFIX:
        return unicodedata.normalize("NFC", code[0] + GCIDE_SUFFIX[code[1:]])
    if code.endswith("^") and code[:-1].isalpha() and len(code) <= 3:
        return unicodedata.normalize("NFC", code[0] + "\u0306") + code[1:-1]
    return match.group(0)


def gcide_text(raw):
    text = HEADWORD_SPELLING.sub(lambda m: (m.group(1) or "") + " ", raw)
    text = GCIDE_CODE.sub(gcide_letter, text)
    text = GCIDE_TAG.sub("", text)
    text = re.sub(r"[ \t]+,", ",", text.replace("{", "").replace("}", ""))
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        line = unwrap(block.split("\n"))
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def dictionary(root):
    base = root / "usr/share/dictd"
    index, dz = base / "gcide.index", base / "gcide.dict.dz"
    if not index.is_file() or not dz.is_file():
        return
    data = gzip.decompress(dz.read_bytes())          # dictzip is gzip with an index in the header
    spans = {}
    for line in index.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or parts[0].startswith("00-database-") or parts[0].startswith("00-"):
            continue
        span = (b64number(parts[1]), b64number(parts[2]))
        spans.setdefault(span, parts[0])             # one entry, many headwords: the first names it
    seen = {}
    for (offset, length), headword in sorted(spans.items()):
        text = gcide_text(decode(data[offset:offset + length]))
        if not text:
            continue
        seen[headword] = seen.get(headword, 0) + 1
        yield text, headword if seen[headword] == 1 else f"{headword}#{seen[headword]}"


# ----------------------------------------------------------------------------------------------- jargon

JARGON_HEAD = re.compile(r"^   :([^:]+):\s?(.*)$")
JARGON_LETTER = re.compile(r"^  [0-9A-Z]\s*$")
JARGON_END = re.compile(r"^(?:\S|\s+Part [IVX]+\.)")


def jargon_paragraph(block):
    lines = [line.rstrip() for line in block.split("\n") if line.strip()]
    if not lines:
        return None
    indents = {len(line) - len(line.lstrip(" ")) for line in lines}
    if indents != {3}:
        # indented quotations pass (one indentation, mostly letters); ASCII art and code do not
        chars = "".join(line.strip().replace(" ", "") for line in lines)
        letters = sum(ch.isalpha() for ch in chars)
        if len(indents) != 1 or min(indents) < 3 or not chars or letters / len(chars) < 0.75:
            return None
    return unwrap(lines).replace("{", "").replace("}", "")


def jargon_entry(term, rest, body):
    rest = re.sub(r"^//,?\s*", "", rest.strip())
    head = f"{term}: {rest}".strip() if rest else term
    paragraphs = [head] + [p for p in map(jargon_paragraph, re.split(r"\n\s*\n", "\n".join(body))) if p]
    return "\n\n".join(paragraphs)


def jargon(root):
    path = root / "usr/share/doc/jargon-text/jargon.txt.gz"
    if not path.is_file():
        return
    lines = decode(gzip.decompress(path.read_bytes())).replace("\r\n", "\n").split("\n")
    term, rest, body, seen = None, "", [], {}
    for line in lines:
        head = JARGON_HEAD.match(line)
        ends = term is not None and (JARGON_LETTER.match(line) or JARGON_END.match(line))
        if head or ends:
            if term is not None:
                seen[term] = seen.get(term, 0) + 1
                yield jargon_entry(term, rest, body), term if seen[term] == 1 else f"{term}#{seen[term]}"
            term, rest, body = (head.group(1), head.group(2), []) if head else (None, "", [])
        elif term is not None:
            body.append(line)
    if term is not None:
        yield jargon_entry(term, rest, body), term


# --------------------------------------------------------------------------------------------- manpages

ROFF_NAMED = {"em": "—", "en": "–", "aq": "'", "dq": '"', "lq": "“", "rq": "”", "oq": "‘", "cq": "’",
              "hy": "-", "mi": "-", "ha": "^", "ti": "~", "rs": "\\", "sl": "/", "ga": "`", "+-": "±",
              "mu": "×", "<=": "≤", ">=": "≥", "!=": "≠", "->": "→", "<-": "←", "de": "°", "co": "©",
              "rg": "®", "tm": "™", "Fo": "«", "Fc": "»"}
ROFF_ACCENT = {"`": "\u0300", "'": "\u0301", "^": "\u0302", "~": "\u0303", ":": "\u0308", ",": "\u0327"}
ROFF_SINGLE = {"-": "-", "e": "\\", "\\": "\\", " ": " ", "~": " ", "0": " ", "t": " ", "`": "`",
               "'": "'", ".": ".", "c": "\x01"}
ROFF_ESCAPE = re.compile(r"""\\(?:
      f(?:\(..|\[[^\]]*\]|.)                         # font change
    | \((?P<two>..)                                   # \(xx special character
    | \[(?P<long>[^\]]*)\]                            # \[xx] special character
    | \*(?:\((?P<str2>..)|\[(?P<strl>[^\]]*)\]|(?P<str1>.))  # string interpolation
    | n[+-]?(?:\(..|\[[^\]]*\]|.)                     # register interpolation
    | s[+-]?(?:\(\d\d|\[\d+\]|'[^']*'|\d)             # point size
    | [wNhvDlLxXbCoZARSH]'[^']*'                      # escapes with a quoted argument
    | (?P<one>.)
    )""", re.X)
ROFF_SKIP_TO = {"EX": "EE", "nf": "fi", "TS": "TE", "EQ": "EN", "de": "..", "de1": "..", "am": "..",
                "ig": ".."}
ROFF_BREAK = {"PP", "P", "LP", "sp", "br", "HP", "TP", "TQ", "IP", "RS", "RE", "INDENT", "UNINDENT", "SY",
              "YS", "bp", "ne"}
ROFF_DROP = {"TH", "ad", "na", "hy", "nh", "ft", "in", "ti", "ta", "PD", "ne", "bp", "UC", "nr", "ds",
             "ll", "ps", "vs", "ns", "rs", "cs", "ss", "lf", "mso", "so", "if", "ie", "el", "UR", "MT",
             "INDENT", "UNINDENT", "RS", "RE", "PP", "P", "LP", "sp", "br", "HP", "TP", "TQ", "YS", "fi",
             "EE", "TE", "EN", "hw", "tr", "cc", "c2", "ev", "fam", "pl", "po", "rm", "rn", "pc", "ul",
             "cu", "fl", "ce", "rj", "wh", "ch", "it", "em", "tm", "ab", "ex", "pso", "sy", "nx", "rd"}
ROFF_JOINED = {"BR", "RB", "IR", "RI", "BI", "IB"}


def roff_special(name):
    if name in ROFF_NAMED:
        return ROFF_NAMED[name]
    if len(name) == 2 and name[0] in ROFF_ACCENT and name[1].isalpha():
        return unicodedata.normalize("NFC", name[1] + ROFF_ACCENT[name[0]])
    return ""


ROFF_STRINGS = {"-": "-", "lq": "“", "rq": "”", "<": "<", ">": ">", "R": "®", "Tm": "™", "aq": "'"}


def roff_unescape(text, strings=ROFF_STRINGS):
    def sub(match):
        if match.group("two") is not None:
            return roff_special(match.group("two"))
        if match.group("long") is not None:
            return roff_special(match.group("long"))
        name = match.group("str2") or match.group("strl") or match.group("str1")
        if name is not None:
            return strings.get(name, "")
        if match.group("one") is not None:
            return ROFF_SINGLE.get(match.group("one"), "")
        return ""
    return ROFF_ESCAPE.sub(sub, text)


def roff_args(text):
    args, i, n = [], 0, len(text)
    while i < n:
        while i < n and text[i] in " \t":
            i += 1
        if i >= n:
            break
        if text[i] == '"':
            i += 1
            arg = []
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        arg.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                arg.append(text[i])
                i += 1
            args.append("".join(arg))
        else:
            j = i
            while j < n and text[j] not in " \t":
                j += 2 if text[j] == "\\" else 1      # an escaped space does not end the argument
            j = min(j, n)
            args.append(text[i:j])
            i = j
    return args


def strip_comment(line):
    """Drops a \\" or \\# comment (not an escaped backslash followed by a quote)."""
    i = 0
    while True:
        i = line.find("\\", i)
        if i < 0 or i + 1 >= len(line):
            return line
        if line[i + 1] in '"#':
            return line[:i]
        i += 2


def roff_to_text(source):
    paragraphs, current, strings = [], [], dict(ROFF_STRINGS)
    skip_until, brace_depth = None, 0
    alone = False       # the next line is a .TP tag or an argument-less .SH/.SS heading: own paragraph

    def add(text):
        nonlocal alone
        current.append(text)
        if alone:
            alone = False
            brk()

    def brk():
        if current:
            text = WS.sub(" ", " ".join(current)).strip()
            text = re.sub(r"\x01\s*", "", text)
            if text:
                paragraphs.append(text)
            current.clear()

    source = re.sub(r"(?<!\\)\\\n", "", source.replace("\r\n", "\n"))     # continued lines
    for raw in source.split("\n"):
        if skip_until is not None:
            if (raw.rstrip() == ".." if skip_until == ".." else
                    re.match(r"^[.']\s*" + re.escape(skip_until) + r"(\s|$)", raw)):
                skip_until = None
            continue
        if brace_depth:
            brace_depth += raw.count("\\{") - raw.count("\\}")
            brace_depth = max(brace_depth, 0)
            continue
        control = re.match(r"^[.']\s*(\S*)\s*(.*)$", raw)
        if control and (control.group(1).startswith('\\"') or control.group(1).startswith("\\#")):
            continue
        line = strip_comment(raw)
        if control:
            name, rest = control.group(1), strip_comment(control.group(2))
            if name in ("if", "ie", "el"):
                brace_depth = max(raw.count("\\{") - raw.count("\\}"), 0)
                continue
            if name in ROFF_SKIP_TO:
                brk()
                skip_until = ROFF_SKIP_TO[name]
                continue
            if name in ("SH", "SS"):
                brk()
                heading = roff_unescape(" ".join(roff_args(rest)), strings).strip()
                if heading:
                    paragraphs.append(heading)
                else:
                    alone = True
                continue
            if name in ROFF_BREAK:
                brk()
            if name == "TP":
                alone = True
            if name == "IP":
                args = roff_args(rest)
                tag = roff_unescape(args[0], strings).strip() if args else ""
                if tag:
                    current.append(tag)
                    brk()
                alone = False
                continue
            if name == "ds":
                parts = rest.split(None, 1)
                if parts:
                    value = parts[1] if len(parts) > 1 else ""
                    strings[parts[0]] = roff_unescape(value[1:] if value.startswith('"') else value, strings)
                continue
            if name == "q":        # quoting macro of the tz pages: .q text [after [before]]
                args = roff_args(rest) + ["", "", ""]
                add(roff_unescape(f"{args[2]}“{args[0]}”{args[1]}", strings))
                continue
            if name in ("UE", "ME"):
                args = roff_args(rest)
                if args and current:
                    current[-1] += roff_unescape(args[0], strings)
                continue
            if name in ROFF_DROP or not name:
                continue
            args = roff_args(rest)
            joiner = "" if name in ROFF_JOINED else " "
            text = roff_unescape(joiner.join(args), strings).strip()
            if text:
                add(text)
            continue
        if not line.strip():
            brk()
            continue
        if line[:1] in " \t":
            brk()
        add(roff_unescape(line, strings))
    brk()
    return "\n\n".join(paragraphs)


def manpages(root):
    base = root / "usr/share/man"
    if not base.is_dir():
        return
    for path in sorted(base.glob("man*/*.gz")):
        if path.is_symlink() or not path.is_file():
            continue
        source = decode(gzip.decompress(path.read_bytes()))
        first = next((line for line in source.split("\n")
                      if line.strip() and not re.match(r"^[.']\s*\\\"", line)), "")
        if re.match(r"^[.']\s*so\s", first):
            continue
        text = roff_to_text(source)
        if text:
            yield text, f"{path.parent.name}/{path.name[:-3]}"


# ------------------------------------------------------------------------------------------ python docs

HTML_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
             "track", "wbr"}
HTML_BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "div", "section",
              "table", "ul", "ol", "dl", "pre", "figure", "figcaption", "caption", "tr", "aside", "br"}
HTML_SKIP_TAGS = {"script", "style", "pre", "table", "nav", "footer", "head", "form", "button", "select",
                  "textarea", "noscript", "svg"}
HTML_SKIP_CLASSES = {"sphinxsidebar", "sphinxsidebarwrapper", "related", "footer", "toctree-wrapper",
                     "headerlink", "contents", "mobile-nav", "menu-wrapper", "inline-search", "clearer",
                     "version_switcher_placeholder", "language_switcher_placeholder", "sig", "doctest"}


class SphinxText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.skip, self.main = [], 0, 0
        self.paragraphs, self.buffer = [], []

    def flush(self):
        text = WS.sub(" ", "".join(self.buffer).replace("\n", " ")).strip()
        if text:
            self.paragraphs.append(text)
        self.buffer.clear()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        skips = tag in HTML_SKIP_TAGS or bool(classes & HTML_SKIP_CLASSES) or any(
            c.startswith("highlight") for c in classes)
        main = tag == "div" and (attrs.get("role") == "main" or "body" in classes)
        if tag in HTML_BLOCK:
            self.flush()
        if tag in HTML_VOID:
            return
        self.stack.append((tag, skips, main))
        self.skip += skips
        self.main += main

    def handle_startendtag(self, tag, attrs):
        if tag in HTML_BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in HTML_VOID or not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            name, skips, main = self.stack.pop()
            self.skip -= skips
            self.main -= main
            if name in HTML_BLOCK:
                self.flush()
            if name == tag:
                break

    def handle_data(self, data):
        if self.main and not self.skip:
            self.buffer.append(data)


def python_docs(root):
    base = root / "usr/share/doc/python3.11/html"
    if not base.is_dir():
        return
    for path in sorted(base.rglob("*.html")):
        rel = path.relative_to(base).as_posix()
        if (path.is_symlink() or rel.split("/")[0].startswith("_") or rel.startswith("genindex")
                or rel in ("py-modindex.html", "search.html", "contents.html")):
            continue
        parser = SphinxText()
        parser.feed(decode(path.read_bytes()))
        parser.close()
        parser.flush()
        text = "\n\n".join(parser.paragraphs)
        if text:
            yield text, rel


# ------------------------------------------------------------------------------------------------- main

KINDS = [("fortunes", fortunes), ("dictionary", dictionary), ("jargon", jargon), ("manpages", manpages),
         ("python-docs", python_docs)]


def main(deb_dir, out_dir):
    debs = sorted(pathlib.Path(deb_dir).glob("*.deb"))
    if not debs:
        sys.exit(f"no .deb files in {deb_dir}")
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="human-debian-") as tmp:
        root = pathlib.Path(tmp)
        for deb in debs:
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        print(f"{'kind':<12} {'documents':>9} {'mean words':>10} {'>=30 words':>10}  file")
        for kind, source in KINDS:
            path = out / f"{kind}.jsonl"
            seen, count, total, long_enough = set(), 0, 0, 0
            with open(path, "w", encoding="utf-8") as handle:
                for text, ident in source(root):
                    if text in seen:
                        continue
                    seen.add(text)
                    n = words(text)
                    count, total, long_enough = count + 1, total + n, long_enough + (n >= 30)
                    handle.write(json.dumps({"text": text, "label": "human", "domain": kind,
                                             "group": f"{kind}:{ident}"}, ensure_ascii=False) + "\n")
            if not count:
                path.unlink()
                print(f"{kind:<12} {0:>9} {'-':>10} {'-':>10}  (no source package)")
                continue
            print(f"{kind:<12} {count:>9} {total / count:>10.1f} {long_enough / count:>10.1%}  {path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
