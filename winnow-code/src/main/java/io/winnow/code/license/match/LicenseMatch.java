package io.winnow.code.license.match;

import java.util.List;

/**
 * A reference text found in a document.
 *
 * @param id the SPDX license (or exception) id
 * @param equivalents other ids whose reference text is the same after normalisation
 * @param kind whether the full text, the standard header or an exception text was found
 * @param confidence the Dice coefficient of word pairs between the matched span and the reference, in [0, 1]; 1 for
 *     a GNU grant read by rule ({@code GnuGrants}: "licensed under the GNU General Public License version 2 or later")
 * @param startPair first word pair of the matched span (an offset into the normalised text's pairs)
 * @param endPair one past the last word pair of the span
 * @param addedPairs the longest run of consecutive word pairs inside the span that the reference does not hold
 *     (text added to or changed in the reference)
 * @param added the words of that run when it is long enough to make the match a modified license
 *     ({@link #modified()}), else null
 */
public record LicenseMatch(String id, List<String> equivalents, LicensePattern.Kind kind, double confidence,
    int startPair, int endPair, int addedPairs, String added) {
  /**
   * The span is the reference with a passage of its own added or rewritten (a clause restricting commercial use
   * inserted into the MPL, a changed grant): similar enough to score high, but not that license.
   */
  public boolean modified() {
    return added != null;
  }
}
