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
 */
public record LicensePattern(List<String> ids, Kind kind, long[] pairs, java.util.Set<Integer> versions) {
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

  public boolean contains(long pair) {
    return Arrays.binarySearch(pairs, pair) >= 0;
  }
}
