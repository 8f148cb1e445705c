#!/usr/bin/env python3
"""The pages of validation set 4 (labels-4.jsonl), drawn by a fixed rule from two pools of shared data:
  1. every page of web/cc-main-2019-30-sample.jsonl.gz whose host falls in the fifth sha256(host) % 5 == 3 (sets
     1, 2 and 3 are the fifths 0, 1 and 2), leaving out the hosts of a site (dev/prepare_quality_data.py site())
     with a page in set 1, 2 or 3; the training recipe leaves this fifth out since set 4 was drawn;
  2. the pages of html/trafilatura-eval whose host has sha256(host) % 10 == 0 (half of the fifth 0, which the
     training recipe has always left out of the trafilatura pages), as the extract step writes their main text,
     leaving out the same sites.
Writes one JSON line per page, {pool, id, domain, url, text}, in pool then file order: what was read to label.
  dev/quality-validation/draw_set4.py SHARED_DIR html TRAFILATURA_PAGES.jsonl
      the pool-2 pages as JSONL {id, url, text: html} for `winnow run` with `steps: [extract]`
  dev/quality-validation/draw_set4.py SHARED_DIR text EXTRACTED_DATA_DIR OUT.jsonl
      the texts of both pools (EXTRACTED_DATA_DIR: the data folder of that run)
"""
import gzip
import hashlib
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import prepare_quality_data as q  # noqa: E402
import prepare_human_debian as debian  # noqa: E402

CRAWL_FIFTH = 3


def trafilatura_drawn(host):
    return int(hashlib.sha256(host.encode()).hexdigest(), 16) % 10 == 0


def crawl_pages(shared):
    for line in gzip.open(shared / "web/cc-main-2019-30-sample.jsonl.gz", "rt", encoding="utf-8"):
        r = json.loads(line)
        url = r["metadata"].get("warc_url") or r["metadata"].get("url")
        yield r, url, q.domain(url)


def earlier_sites(shared):
    """Sites with a page in set 1, 2 or 3."""
    sites = {q.site(d) for _, _, d in crawl_pages(shared) if q.bucket(d) in (0, 1, 2)}
    listed = pathlib.Path(__file__).parent / "domains-3.txt"
    return sites | {q.site(d) for d in listed.read_text("utf-8").split()}


def trafilatura_pages(shared):
    base = shared / "html/trafilatura-eval"
    earlier = earlier_sites(shared)
    for url, entry in sorted(json.loads((base / "evaldata.json").read_text("utf-8")).items()):
        d = q.domain(url)
        path = base / "pages" / entry["file"]
        if trafilatura_drawn(d) and q.site(d) not in earlier and path.exists():
            raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            yield entry["file"], url, d, debian.decode(raw)


def write_html(shared, out_file):
    with open(out_file, "w", encoding="utf-8") as f:
        for ident, url, _, page in trafilatura_pages(shared):
            f.write(json.dumps({"id": ident, "url": url, "text": page}, ensure_ascii=False) + "\n")


def write_texts(shared, extracted_dir, out_file):
    earlier = earlier_sites(shared)
    rows = [{"pool": "cc-main-2019-30", "id": r["id"], "domain": d, "url": url, "text": r["text"]}
            for r, url, d in crawl_pages(shared) if q.bucket(d) == CRAWL_FIFTH and q.site(d) not in earlier]
    for path in sorted(pathlib.Path(extracted_dir).glob("part-*")):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            rows.append({"pool": "trafilatura-eval", "id": r["id"], "domain": q.domain(r["url"]), "url": r["url"],
                         "text": r["text"]})
    q.write_jsonl(out_file, rows)
    print(f"{len(rows)} pages, {len({r['domain'] for r in rows})} hosts written to {out_file}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 3 and args[1] == "html":
        write_html(pathlib.Path(args[0]), args[2])
    elif len(args) == 4 and args[1] == "text":
        write_texts(pathlib.Path(args[0]), args[2], args[3])
    else:
        sys.exit(__doc__)
