package io.winnow.code.license.match;

import java.util.Arrays;
import java.util.List;

/**
 * One reference text the matcher looks for: a license's full text, its standard header (the notice put at the
 * top of a file, e.g. the GPL's "This program is free software..."), or a license exception's text.
 *
 * @param ids the SPDX ids whose reference texts are this one, word for word after normalisation (first = the
 *     one reported; e.g. a license and its older spelling)
 * @param pairs the distinct word-pair hashes of the fixed text, sorted
 * @param versions the numbers the text names as "version N"
 * @param optional the pairs, sorted, that only the template's optional parts hold (a title, an appendix, a closing
 *     sentence): a copy may keep each part or leave it out, so they count for a span that holds them and are not
 *     missed in one that does not
 * @param beforeGap the pairs, sorted, that end right before a variable of the template ({@code SpdxTemplate.GAP}):
 *     "is provided" of BSD-3-Clause's "THIS SOFTWARE IS PROVIDED &lt;&lt;var&gt;&gt; "AS IS""
 * @param afterGap the pairs, sorted, that start right after one: its "as is"
 * @param order the reference's pairs in text order, repeats kept: for finding a passage of it a copy lacks
 */
public record LicensePattern(List<String> ids, Kind kind, long[] pairs, java.util.Set<Integer> versions, long[] optional,
    long[] beforeGap, long[] afterGap, long[] order) {
  /** A reference with no optional parts of its own. */
  public LicensePattern(List<String> ids, Kind kind, long[] pairs, java.util.Set<Integer> versions) {
    this(ids, kind, pairs, versions, new long[0], new long[0], new long[0], pairs);
  }

  public enum Kind {
    /** The full license text. */
    TEXT,
    /** The standard header, as a file's own license notice. */
    HEADER,
    /** A license exception (the right side of {@code WITH}). */
    EXCEPTION;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public String id() {
    return ids.get(0);
  }

  public int size() {
    return pairs.length;
  }

  /** Whether the pair is held by an optional part of the reference only. */
  public boolean isOptional(long pair) {
    return optional.length > 0 && Arrays.binarySearch(optional, pair) >= 0;
  }

  /** The pairs every copy must hold: the reference's less those of its optional parts. */
  public int requiredSize() {
    return pairs.length - optional.length;
  }

  /** Whether a variable of the reference follows this pair. */
  public boolean endsBeforeGap(long pair) {
    return beforeGap.length > 0 && Arrays.binarySearch(beforeGap, pair) >= 0;
  }

  /** Whether this pair follows a variable of the reference. */
  public boolean startsAfterGap(long pair) {
    return afterGap.length > 0 && Arrays.binarySearch(afterGap, pair) >= 0;
  }

  public boolean contains(long pair) {
    return Arrays.binarySearch(pairs, pair) >= 0;
  }
}
