#!/usr/bin/env bash
# Code provenance: the laundering evaluation and the index of the full kernel driver tree.
#   bash bench/provenance.sh [WORK_DIR] [SAMPLE]
# Fetches Debian's linux-source-6.1 (GPL-2.0 kernel; only drivers/ is unpacked), newlib-source and
# openvswitch-source (BSD- and Apache-licensed C, the independent code) into WORK_DIR, never into the
# repository. Then:
#  1. the evaluation (io.winnow.bench.ProvenanceEvaluation): driver subsystems split four ways, half indexed;
#     copies of indexed files rewritten at strengths 0-0.9 (scattered and clustered edits); k, w and the
#     thresholds chosen on one half of the subsystems, recall and false positives reported on the other; a
#     flagged negative is a false positive unless it shares verbatim code with the source named (VerbatimTokens);
#  2. `winnow provenance-index` over the whole drivers/ tree with a 128 MB sort buffer and a 400 MB heap
#     (wall time and peak RSS), once more with a 16 MB buffer to show it spills;
#  3. fingerprinting speed, one thread (io.winnow.bench.ProvenanceThroughput).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(realpath -m "${1:-/tmp/winnow-provenance}")"
sample="${2:-250}"
mkdir -p "$work"
mvn -B -q -DskipTests -pl winnow-core,winnow-code,winnow-cli,winnow-bench -am package >/dev/null
jar="$PWD/winnow-bench/target/benchmarks.jar"
cli="$PWD/winnow-cli/target/winnow.jar"
(
  cd "$work"
  [[ -d kernel/linux-source-6.1/drivers ]] || {
    ls linux-source-6.1_*.deb >/dev/null 2>&1 || apt-get download linux-source-6.1
    mkdir -p kernel
    dpkg-deb --fsys-tarfile linux-source-6.1_*.deb | tar -xO --wildcards './usr/src/linux-source-6.1.tar.xz' \
      | tar -xJ -C kernel --wildcards 'linux-source-6.1/drivers/*'
  }
  [[ -d newlib ]] || {
    ls newlib-source_*.deb >/dev/null 2>&1 || apt-get download newlib-source
    mkdir -p newlib && dpkg-deb --fsys-tarfile newlib-source_*.deb | tar -xO ./usr/src/newlib/newlib-3.3.0.tar.xz | tar -xJ -C newlib
  }
  [[ -d ovs ]] || {
    ls openvswitch-source_*.deb >/dev/null 2>&1 || apt-get download openvswitch-source
    mkdir -p ovs && dpkg-deb --fsys-tarfile openvswitch-source_*.deb | tar -xO ./usr/src/openvswitch/openvswitch.tar.gz | tar -xz -C ovs
  }
)
drivers="$work/kernel/linux-source-6.1/drivers"
echo "== evaluation (sample $sample files per split)"
java -Xmx10g -cp "$jar" io.winnow.bench.ProvenanceEvaluation "$drivers" "$work/eval" \
  "$work/newlib/newlib-salsa/newlib,$work/ovs/openvswitch" 16x12c50,16x16c50,20x12c50 "$sample"
echo "== index of the whole drivers/ tree"
for mb in 128 16; do
  /usr/bin/time -f "wall %e s, peak RSS %M KB" java -Xmx400m -XX:+UseParallelGC -jar "$cli" provenance-index "$drivers" \
    -o "$work/drivers.idx" --memory-mb "$mb"
done
echo "== fingerprinting speed, one thread"
java -Xmx4g -cp "$jar" io.winnow.bench.ProvenanceThroughput "$drivers" 5
