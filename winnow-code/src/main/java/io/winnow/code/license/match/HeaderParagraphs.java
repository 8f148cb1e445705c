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

  /** The header's first paragraph, first two, ... up to all but the last; those shorter than {@link #MIN_WORDS} left out. */
  static List<String> leading(String header) {
    String[] paragraphs = BLANK_LINE.split(header.strip());
    List<String> out = new ArrayList<>();
    StringBuilder prefix = new StringBuilder();
    for (int k = 0; k < paragraphs.length - 1; k++) {
      if (k > 0) prefix.append("\n\n");
      prefix.append(paragraphs[k]);
      String lead = prefix.toString();
      if (LicenseNormalizer.normalize(lead).split(" ").length >= MIN_WORDS) out.add(lead);
    }
    return out;
  }
}
