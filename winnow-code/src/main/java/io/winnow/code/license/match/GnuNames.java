package io.winnow.code.license.match;

/**
 * Which GNU license a notice names: "GNU General", "GNU Lesser General", "GNU Library General" or "GNU Affero
 * General Public License". The GPL's, LGPL's and AGPL's notices are word for word the same but for that one word,
 * so their Dice scores differ by a point or two and a postal address, a URL or a "program" for "library" can
 * outweigh it. A header reference is therefore accepted only for a span that names no GNU license the reference
 * does not name itself (as the version rule does for "version N").
 */
final class GnuNames {
  private static final long[] NAME_PAIRS = {
      WordPairs.pairOf("gnu", "general"), WordPairs.pairOf("lesser", "general"),
      WordPairs.pairOf("library", "general"), WordPairs.pairOf("affero", "general")};

  private GnuNames() {}

  /** Bit i set when the pairs name the i-th GNU license of {@link #NAME_PAIRS}. */
  static int named(long[] seq, int start, int end) {
    int mask = 0;
    for (int i = start; i < end; i++) mask |= bit(seq[i]);
    return mask;
  }

  static int named(LicensePattern p) {
    int mask = 0;
    for (int k = 0; k < NAME_PAIRS.length; k++) if (p.contains(NAME_PAIRS[k])) mask |= bit(NAME_PAIRS[k]);
    return mask;
  }

  /**
   * The LGPL's two names, Library (2.0) and Lesser (2.1 on), are one bit: a notice's version decides between them
   * ({@link WordPairs#sameVersion}), as notices kept their number when the name changed and the other way round.
   */
  private static int bit(long pair) {
    for (int k = 0; k < NAME_PAIRS.length; k++) if (pair == NAME_PAIRS[k]) return 1 << (k == LIBRARY ? LESSER : k);
    return 0;
  }

  private static final int LESSER = 1;
  private static final int LIBRARY = 2;

  /** The SPDX name ("GPL", "LGPL", "AGPL") of the GNU license the pair names, or null. */
  static String licenseNamed(long pair) {
    int b = bit(pair);
    return b == 1 ? "GPL" : b == 1 << LESSER ? "LGPL" : b == 1 << 3 ? "AGPL" : null;
  }

  /** Full texts and exceptions are long enough to be told apart by their other words; headers must agree. */
  static boolean agree(long[] seq, int start, int end, LicensePattern pattern) {
    if (pattern.kind() != LicensePattern.Kind.HEADER) return true;
    return (named(seq, start, end) & ~named(pattern)) == 0;
  }
}
