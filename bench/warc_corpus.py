#!/usr/bin/env python3
"""Writes a Common Crawl-style WARC (one gzip member per record) of real HTML pages, for benchmarking the
WARC -> url_filter -> extract -> language -> filters -> dedup pipeline.

Source: the trafilatura evaluation pages (../shared/data/html/trafilatura-eval, Apache-2.0): 923 distinct
pages in English, German and other languages; each page's URL from evaldata.json where it has one. Every page
is written once: no repeated documents. Standard library only.

usage: warc_corpus.py SHARED_DIR OUT.warc.gz
"""
import glob
import gzip
import json
import os
import sys
import uuid


def record(url, html, n):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + str(len(html)).encode() + b"\r\n\r\n" + html
    rid = uuid.UUID(int=n + 1)  # deterministic record ids
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{rid}>\r\n"
        "WARC-Date: 2024-05-20T00:00:00Z\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def main():
    shared, out = sys.argv[1], sys.argv[2]
    root = os.path.join(shared, "data/html/trafilatura-eval")
    urls = {}
    with open(os.path.join(root, "evaldata.json"), encoding="utf-8") as f:
        for url, meta in json.load(f).items():
            urls[meta["file"]] = url
    pages = sorted(glob.glob(os.path.join(root, "pages", "*.html.gz")))
    total = 0
    with open(out, "wb") as f:
        for n, path in enumerate(pages):
            name = os.path.basename(path)[: -len(".gz")]
            url = urls.get(name) or urls.get(os.path.basename(path)) or f"https://pages.example/{name}"
            with gzip.open(path, "rb") as p:
                html = p.read()
            total += len(html)
            f.write(gzip.compress(record(url, html, n), compresslevel=6))
    print(f"wrote {len(pages)} responses, {total / 1e6:.1f} MB of HTML -> {out}")


if __name__ == "__main__":
    main()
