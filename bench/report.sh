#!/usr/bin/env bash
# The report benchmark and browser check.
#  1. `winnow report` on a 1,000,000-document run (synthetic corpus, bench/report-corpus.py; one filter, grouped by
#     source) under a small fixed heap: prints peak RSS and CPU time (/usr/bin/time -v).
#  2. The report of examples/report.yaml rendered in headless Chromium: the screenshot in docs/report-example.png,
#     console errors (must be none) and the number of SVG charts in the rendered page.
#   bash bench/report.sh [DOCUMENTS] [HEAP]
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-1000000}"
heap="${2:-32m}"
work="${BENCH_DIR:-/tmp/winnow-bench}"
mkdir -p "$work"
mvn -q -DskipTests -pl winnow-cli -am package >/dev/null
jar=winnow-cli/target/winnow.jar
corpus="$work/report-corpus-$docs"
[[ -d "$corpus" ]] || python3 bench/report-corpus.py "$corpus" "$docs"
run="$work/run-report-$docs"
cat > "$work/report.yaml" <<YAML
input: {paths: ['$corpus']}
steps: [gopher_quality]
output: {path: '$run'}
run: {workers: 2, group_by: [source]}
YAML
java -jar "$jar" run "$work/report.yaml" --overwrite --progress none | grep -E "^records"
/usr/bin/time -v java -Xmx"$heap" -jar "$jar" report "$run" -o "$work/report-$docs.html" 2> "$work/report.time"
grep -E "Maximum resident|User time|System time|Exit status" "$work/report.time"

chromium="${WINNOW_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [[ -z "$chromium" ]]; then echo "no chromium (apt-get install chromium): browser check skipped"; exit 0; fi
java -jar "$jar" run examples/report.yaml --overwrite --progress none > /dev/null
java -jar "$jar" report runs/report
profile="$(mktemp -d)"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0)
"$chromium" "${flags[@]}" --window-size=1280,2300 --screenshot=docs/report-example.png "file://$PWD/runs/report/report.html" 2> "$work/chromium.log" > /dev/null
"$chromium" "${flags[@]}" --dump-dom "file://$PWD/runs/report/report.html" 2>> "$work/chromium.log" > "$work/report-dom.html"
echo "console errors: $(grep -c ':CONSOLE' "$work/chromium.log" || true)"
echo "svg charts rendered: $(grep -o 'class="chart"' "$work/report-dom.html" | wc -l)"
rm -rf "$profile"
