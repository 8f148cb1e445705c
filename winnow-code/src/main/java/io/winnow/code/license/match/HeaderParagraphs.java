package io.winnow.code.license.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The leading paragraphs of a standard header, each a reference of its own. A notice such as the GPL's is a grant
 * ("... either version 2 of the License, or (at your option) any later version."), a disclaimer and a pointer to
 * the license text; files and package descriptions very often copy the grant alone, or the grant and the
 * disclaimer, and Dice against the whole notice then falls to about the share kept. The grant is the paragraph
 * that names the license and its version, so a prefix keeps what tells the licenses apart; a later paragraph alone
 * (a disclaimer every GNU notice shares) is never a reference. A prefix too short to stand for a license on its
 * own ({@link #MIN_WORDS}) is left out, so that prose which merely names a license does not match.
 */
final class HeaderParagraphs {
  /** About two lines of a notice: the GPL's grant has some 40 words, the Apache header's first sentence 20. */
  static final int MIN_WORDS = 25;

  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

  private HeaderParagraphs() {}

  /**
   * "You may obtain a copy of the License at &lt;url&gt;": the sentence of a header that says where the license is
   * got, which many files leave out (Android's and Qt's copies of the Apache header keep the grant and the disclaimer
   * only); a dozen word pairs of a header of sixty.
   */
  private static final Pattern COPY_POINTER = Pattern.compile(
      "\\s*You may obtain a copy of the License at\\s+\\S+", Pattern.CASE_INSENSITIVE);

  /** The header less its sentence saying where to obtain a copy of the license, or null when it has none. */
  static String withoutCopyPointer(String header) {
    java.util.regex.Matcher m = COPY_POINTER.matcher(header);
    return m.find() ? (header.substring(0, m.start()) + " " + header.substring(m.end())).strip() : null;
  }

  /** The header's first paragraph, first two, ... up to all but the last; those shorter than {@link #MIN_WORDS} left out. */
  static List<String> leading(String header) {
    String[] paragraphs = BLANK_LINE.split(header.strip());
    List<String> out = new ArrayList<>();
    StringBuilder prefix = new StringBuilder();
    for (int k = 0; k < paragraphs.length - 1; k++) {
      if (k > 0) prefix.append("\n\n");
      prefix.append(paragraphs[k]);
      String lead = prefix.toString();
      if (longEnough(lead)) out.add(lead);
    }
    return out;
  }

  /** Whether a part of a header is long enough ({@link #MIN_WORDS}) to stand for its license alone. */
  static boolean longEnough(String part) {
    return LicenseNormalizer.normalize(part).split(" ").length >= MIN_WORDS;
  }
}
