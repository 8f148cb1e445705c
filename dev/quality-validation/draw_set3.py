#!/usr/bin/env python3
"""The pages of validation set 3 (labels-3.jsonl), drawn by a fixed rule from two pools of shared data:
  1. every page of web/cc-main-2019-30-sample.jsonl.gz whose host falls in the fifth sha256(host) % 5 == 2 (sets 1
     and 2 are the fifths 0 and 1), leaving out the hosts of a site (dev/prepare_quality_data.py site()) that has a
     page in set 1 or 2;
  2. every HTML response of web/warc/sample-000{0,1}.warc.gz, as the extract step writes its main text (the first
     record of each URL; the files hold a page twice or three times), leaving out the same sites.
Writes one JSON line per page, {pool, id, domain, url, text}, in pool then file order: what was read to label.
  dev/quality-validation/draw_set3.py SHARED_DIR WARC_EXTRACTED_DATA_DIR OUT.jsonl
(the WARC text: `winnow run` with `steps: [extract]` on the two WARC files; dev/validate-quality.sh does it.)
"""
import gzip
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent))
import prepare_quality_data as q  # noqa: E402


def crawl_pages(shared):
    for line in gzip.open(shared / "web/cc-main-2019-30-sample.jsonl.gz", "rt", encoding="utf-8"):
        r = json.loads(line)
        url = r["metadata"].get("warc_url") or r["metadata"].get("url")
        yield r, url, q.domain(url)


def main(shared, warc_dir, out_file):
    shared = pathlib.Path(shared)
    earlier_sites = {q.site(d) for _, _, d in crawl_pages(shared) if q.bucket(d) in (0, 1)}  # sets 1 and 2
    rows = []
    for r, url, d in crawl_pages(shared):
        if q.bucket(d) == 2 and q.site(d) not in earlier_sites:
            rows.append({"pool": "cc-main-2019-30", "id": r["id"], "domain": d, "url": url, "text": r["text"]})
    seen = set()
    for path in sorted(pathlib.Path(warc_dir).glob("part-*")):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            url = r["url"]
            d = q.domain(url)
            if url in seen or q.site(d) in earlier_sites:
                continue
            seen.add(url)
            rows.append({"pool": "warc-sample", "id": r["id"], "domain": d, "url": url, "text": r["text"]})
    with open(out_file, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pages, {len({r['domain'] for r in rows})} hosts written to {out_file}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
