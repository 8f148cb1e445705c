#!/usr/bin/env bash
# License detection evaluation (io.winnow.code.license.eval.LicenseEvaluation): the SPDX list's own license texts,
# licensee's 64 fixture projects and google/licenseclassifier's 41 scenarios (../shared/data/licenses), and
# non-license prose (697 Common Crawl documents, ../shared/data/web). Each fixture set is split in two halves by
# fixture name (FixtureSplit: seeded hash): A was studied while the matcher was tuned, B is held out. Prints each
# figure per half and in all, the SPDX and prose misses, and the misses of half A (B's with --held-out-misses).
#   bash bench/licenses.sh [SHARED_DIR] [MIN_CONFIDENCE] [--held-out-misses]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
threshold="${2:-0.9}"
show="${3:-}"
mvn -B -q -o package -DskipTests -pl winnow-core,winnow-code,winnow-cli -am >/dev/null
java -cp winnow-cli/target/winnow.jar io.winnow.code.license.eval.LicenseEvaluation "$shared" "$threshold" $show
