package io.winnow.code.license.match;

import java.util.List;

/**
 * A reference text found in a document.
 *
 * @param id the SPDX license (or exception) id
 * @param equivalents other ids whose reference text is the same after normalisation
 * @param kind whether the full text, the standard header or an exception text was found
 * @param confidence the Dice coefficient of word pairs between the matched span and the reference, in [0, 1]
 * @param startPair first word pair of the matched span (an offset into the normalised text's pairs)
 * @param endPair one past the last word pair of the span
 */
public record LicenseMatch(String id, List<String> equivalents, LicensePattern.Kind kind, double confidence,
    int startPair, int endPair) {}
