package io.winnow.code.provenance;

/**
 * The layout of a provenance index file (big-endian):
 *
 * <pre>
 * header   128 bytes: magic "WINNOWPV", format version, lexer version, k, w, seed, frequency cap,
 *          directory bits, entry count, offsets of the three sections, source-file count, counts of the
 *          build (distinct and capped hashes), parameter fingerprint
 * entries  16 bytes each, sorted by hash (signed): long hash, long posting = source file &lt;&lt; 32 | line;
 *          a hash found in several source files has one entry per file, adjacent; a hash found in more files
 *          than the frequency cap has one entry whose posting is {@link #BOILERPLATE}
 * directory (2^bits + 1) longs: the first entry of each bucket of the hash's top bits, so a lookup is a
 *          short binary search inside one bucket
 * files    per source file: path, license (SPDX expression), token count, fingerprint count
 * </pre>
 *
 * The file is written under a temporary name and renamed when complete; the header is written last.
 */
final class IndexFormat {
  static final long MAGIC = 0x57494e4e4f575056L; // "WINNOWPV"
  static final int VERSION = 1;
  static final int HEADER_BYTES = 128;
  static final int ENTRY_BYTES = 16;
  /** Entries per mapped chunk: 2^26 × 16 bytes = 1 GiB, under a mapping's 2 GiB limit. */
  static final int CHUNK_SHIFT = 26;

  /** The posting of a hash dropped as boilerplate: source file -1. */
  static final long BOILERPLATE = posting(-1, 0);

  private IndexFormat() {}

  /** The bucket of a hash: its top bits in signed order (the sign bit flipped), so buckets ascend with hashes. */
  static int bucket(long hash, int bits) {
    return (int) ((hash ^ Long.MIN_VALUE) >>> (64 - bits));
  }

  static long posting(int file, int line) {
    return ((long) file << 32) | (line & 0xffffffffL);
  }

  static int file(long posting) {
    return (int) (posting >>> 32);
  }

  static int line(long posting) {
    return (int) posting;
  }
}
