#!/usr/bin/env bash
# License detection evaluation (io.winnow.code.license.eval.LicenseEvaluation): the SPDX list's own license texts,
# licensee's 64 fixture projects and google/licenseclassifier's 41 scenarios (../shared/data/licenses), and
# non-license prose (697 Common Crawl documents, ../shared/data/web). Each fixture set is split in two halves by
# fixture name (FixtureSplit: seeded hash): A was studied while the matcher was tuned, B is held out. Prints each
# figure per half and in all, the SPDX and prose misses, and the misses of half A (B's with --held-out-misses).
# With --debian-docs it also reads this machine's /usr/share/doc/*/README* and man1 pages and prints every match
# (prose about software; a match there must be read to tell a quoted license from a false match).
# --studied-only prints half A alone (no count of B), for tuning without seeing anything of the held-out half.
# --debian-copyright scores the License paragraphs of the DEP-5 files in /usr/share/doc (a development set).
# --debian-copyright-root DIR scores those of DIR/usr/share/doc/*/copyright the same way and prints counts only,
#   never a miss (a held-out set: packages not installed here, drawn by bench/debian-copyright-heldout.sh into
#   /tmp/winnow-debian-heldout/root).
#   bash bench/licenses.sh [SHARED_DIR] [MIN_CONFIDENCE] [--held-out-misses | --studied-only] [--debian-docs] [--debian-copyright]
#        [--debian-copyright-root DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
threshold="${2:-0.9}"
shift $(( $# < 2 ? $# : 2 ))
mvn -B -q -o package -DskipTests -pl winnow-core,winnow-code,winnow-cli -am >/dev/null
java -cp winnow-cli/target/winnow.jar io.winnow.code.license.eval.LicenseEvaluation "$shared" "$threshold" "$@"
