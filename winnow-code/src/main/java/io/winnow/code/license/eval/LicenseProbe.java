package io.winnow.code.license.eval;

import io.winnow.code.license.match.LicenseIndex;
import io.winnow.code.license.match.LicenseMatch;
import io.winnow.code.license.match.LicenseMatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the matcher finds in some files at a confidence of one's choosing, below the step's threshold too: for
 * reading why a text is missed (how far below 0.9 its best reference is, and which reference that is). A
 * licenseclassifier scenario is read from after its {@code EXPECTED:} line, as the evaluation reads it.
 *
 * <pre>java -cp winnow-cli/target/winnow.jar io.winnow.code.license.eval.LicenseProbe MIN_CONFIDENCE FILE...</pre>
 */
public final class LicenseProbe {
  private LicenseProbe() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: LicenseProbe MIN_CONFIDENCE FILE...");
      System.exit(2);
    }
    LicenseMatcher matcher = new LicenseMatcher(LicenseIndex.spdx(), Double.parseDouble(args[0]));
    for (int i = 1; i < args.length; i++) {
      // a license file in Latin-1 or with a BOM is read as the license step reads it, not refused
      String text = io.winnow.io.HtmlCharset.decode(Files.readAllBytes(Path.of(args[i])), null).text();
      int expected = text.indexOf("EXPECTED:");
      if (expected >= 0 && text.indexOf('\n', expected) > 0) text = text.substring(text.indexOf('\n', expected) + 1);
      System.out.println(args[i]);
      for (LicenseMatch m : matcher.find(text)) {
        System.out.printf(Locale.ROOT, "  %s %s %.3f pairs %d-%d%s%n", m.id(), m.kind().name().toLowerCase(Locale.ROOT),
            m.confidence(), m.startPair(), m.endPair(), " added run " + m.addedPairs() + (m.modified() ? " modified" : ""));
      }
    }
  }
}
