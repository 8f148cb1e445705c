package io.winnow.code.license.eval;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import io.winnow.code.license.spdx.SpdxLicenseList;
import java.util.List;

/** Scratch: SPDX texts against the matcher. */
public final class SpdxSelfEval {
  public static void main(String[] args) {
    long t00 = System.nanoTime();
    SpdxLicenseList.get();
    System.out.printf("list: %.0f ms%n", (System.nanoTime() - t00) / 1e6);
    long t0 = System.nanoTime();
    LicenseIndex idx = LicenseIndex.spdx();
    System.out.printf("index: %d patterns in %.0f ms%n", idx.patterns().size(), (System.nanoTime() - t0) / 1e6);
    LicenseMatcher m = new LicenseMatcher(idx, 0.9);
    int n = 0, right = 0;
    long t1 = System.nanoTime();
    for (SpdxLicenseList.Entry e : SpdxLicenseList.get().licenses()) {
      if (e.deprecated() || e.text() == null) continue;
      n++;
      List<LicenseMatch> found = m.find(e.text());
      LicenseMatch top = found.isEmpty() ? null : found.get(0);
      boolean ok = top != null && (top.id().equals(e.id()) || top.equivalents().contains(e.id()));
      if (ok) right++;
      else System.out.println("MISS " + e.id() + " -> " + (top == null ? "none" : top.id() + " " + top.confidence() + " " + top.kind()) + " all=" + found.size());
    }
    System.out.printf("%d/%d right (%.1f%%), %.0f ms%n", right, n, 100.0 * right / n, (System.nanoTime() - t1) / 1e6);
  }
}
