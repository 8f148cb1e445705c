#!/usr/bin/env bash
# A held-out set of real license notices: the Debian copyright files of packages NOT installed on this machine,
# scored by `bench/licenses.sh ../shared 0.9 --debian-copyright-root OUT_DIR/root` (counts only, never a miss).
#   bash bench/debian-copyright-heldout.sh [OUT_DIR] [N] [START]
#   (default OUT_DIR /tmp/winnow-debian-heldout, N 230: about 250 names of the 57,345 left after the skips, START 1)
# START picks another draw of the same size. Draws 1-4 and 6 (START 1, 116, 58, 174, 145) were studied after their
# first figures were taken and are development sets since; draws 5 and 7 (START 29, 87) are held out
# (docs/BENCHMARKS.md, rounds 9-11).
#
# The draw, fixed before any result was seen (do not change it after):
#   1. the names of `apt-cache pkgnames | LC_ALL=C sort -u`, in that order;
#   2. less names ending in -dbg, -dbgsym or -doc (they repeat another package's copyright file);
#   3. less names with no available version (no Package record in `apt-cache dumpavail`: virtual names);
#   4. less names with /usr/share/doc/NAME present here (as a folder, file or symlink);
#   5. less names whose source package (the record's Source: field, else the name itself) is the source of a
#      package installed here (`dpkg-query -W -f='${source:Package}'`), so that no drawn copyright file is one
#      the development set (`--debian-copyright`, this machine's /usr/share/doc) also reads;
#   6. of what is left, the START-th, (START+N)th, (START+2N)th ... name: every Nth.
# Each drawn name is fetched with `apt-get download NAME` in OUT_DIR/debs (failures are counted, not retried),
# and only ./usr/share/doc/*/copyright is extracted from each .deb into OUT_DIR/root (a copyright file that is a
# symlink, or absent, is left out). Prints how many names were drawn, downloaded, and had a copyright file.
# Needs apt's lists (`apt-get update` once); no root. The files' contents are not printed.
set -uo pipefail
out="${1:-/tmp/winnow-debian-heldout}"
n="${2:-230}"
start="${3:-1}"
mkdir -p "$out/debs" "$out/root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

apt-cache pkgnames | LC_ALL=C sort -u > "$work/names"
apt-cache dumpavail | awk '
  /^Package:/ { p = $2 }
  /^Source:/  { s = $2 }
  /^$/        { if (p != "") print p, (s == "" ? p : s); p = ""; s = "" }
  END         { if (p != "") print p, (s == "" ? p : s) }' | LC_ALL=C sort -u -k1,1 > "$work/sources"
dpkg-query -W -f='${source:Package}\n' | LC_ALL=C sort -u > "$work/installed-sources"
ls -A /usr/share/doc > "$work/docs-here" 2>/dev/null || : > "$work/docs-here"

awk '
  FILENAME == ARGV[1] { installed[$1] = 1; next }
  FILENAME == ARGV[2] { here[$0] = 1; next }
  FILENAME == ARGV[3] { src[$1] = $2; next }
  {
    name = $1
    if (name ~ /-(dbg|dbgsym|doc)$/) next
    if (!(name in src)) next
    if (name in here) next
    if (src[name] in installed) next
    print name
  }' "$work/installed-sources" "$work/docs-here" "$work/sources" "$work/names" > "$work/candidates"
awk -v n="$n" -v start="$start" 'NR >= start && (NR - start) % n == 0' "$work/candidates" > "$out/drawn.txt"

drawn=0; downloaded=0; failed=0; with_copyright=0
while read -r name; do
  drawn=$((drawn + 1))
  before="$(ls "$out/debs" | wc -l)"
  if (cd "$out/debs" && apt-get download -q "$name" >/dev/null 2>&1) && [ "$(ls "$out/debs" | wc -l)" -gt "$before" ]; then
    downloaded=$((downloaded + 1))
  else
    failed=$((failed + 1))
    continue
  fi
  deb="$(ls -t "$out/debs"/"${name}"_*.deb 2>/dev/null | head -n 1)"
  [ -n "$deb" ] || continue
  rm -rf "$work/one" && mkdir -p "$work/one"
  dpkg-deb --fsys-tarfile "$deb" | tar x -C "$work/one" --wildcards './usr/share/doc/*/copyright' 2>/dev/null
  found=0
  while IFS= read -r f; do  # regular files only: a symlinked copyright file is another package's
    rel="${f#"$work/one/"}"
    mkdir -p "$out/root/$(dirname "$rel")" && cp -p "$f" "$out/root/$rel" && found=1
  done < <(find "$work/one/usr/share/doc" -mindepth 2 -maxdepth 2 -name copyright -type f 2>/dev/null)
  with_copyright=$((with_copyright + found))
done < "$out/drawn.txt"

printf 'candidates after the skips: %d; drawn (every %dth): %d; downloaded: %d (failed: %d); with a copyright file: %d\n' \
  "$(wc -l < "$work/candidates")" "$n" "$drawn" "$downloaded" "$failed" "$with_copyright"
printf 'copyright files under %s: %d\n' "$out/root/usr/share/doc" \
  "$(find "$out/root/usr/share/doc" -mindepth 2 -maxdepth 2 -name copyright -type f 2>/dev/null | wc -l)"
