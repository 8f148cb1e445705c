package io.winnow.text;

import java.util.Arrays;

/**
 * A bounded memo of chunk → tokens, looked up by a region of the text so that a cache hit allocates nothing
 * and hands out the same String instances every time (whose hash codes are then already computed for later
 * set and map lookups). Two generations: when the young table is full it becomes the old one and the previous
 * old one is dropped; an old hit is promoted. Frequent words stay cached however long the corpus, memory
 * stays bounded. Per thread.
 *
 * <p>A lookup probes at most {@link #MAX_PROBES} slots, and a chunk that finds no free slot within them is
 * not cached: the hash is String's, and chunks built of "Aa" and "BB" all share one, which made every lookup
 * walk the whole run of them (quadratic in the text). Being a memo, the cache may miss at no other cost.
 */
final class ChunkCache {
  /** A small direct-mapped front for the most frequent chunks: it stays in the CPU cache, the tables do not. */
  private static final int FRONT_BITS = 12;
  private static final int FRONT = 1 << FRONT_BITS;
  static final int MAX_PROBES = 32;
  private final char[][] frontKeys = new char[FRONT][];
  private final String[][] frontValues = new String[FRONT][];
  private final int[] frontHashes = new int[FRONT];
  private final int capacityPerGeneration;
  private Table young;
  private Table old;

  ChunkCache(int maxEntries) {
    this.capacityPerGeneration = Math.max(16, maxEntries / 2);
    this.young = new Table(capacityPerGeneration);
    this.old = new Table(16);
  }

  static int hash(CharSequence s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) h = 31 * h + s.charAt(i);
    return h ^ (h >>> 16);
  }

  /** {@link #hash(CharSequence, int, int)} of a region of a char array: the same value. */
  static int hash(char[] s, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) h = 31 * h + s[i];
    return h ^ (h >>> 16);
  }

  /** The cached tokens of {@code text[from, to)}, or null (for callers without the text's chars at hand). */
  String[] get(String text, int from, int to, int hash) {
    char[] region = new char[to - from];
    text.getChars(from, to, region, 0);
    return get(region, 0, region.length, hash);
  }

  /**
   * The cached tokens of {@code text[from, to)}, or null. Keys are compared as char arrays: String's
   * regionMatches between a Latin-1 key and a UTF-16 text (any text with a curly quote) goes char by char
   * through a slow path, and took a quarter of the splitter's time on distinct text.
   */
  String[] get(char[] text, int from, int to, int hash) {
    int f = spread(hash) >>> (32 - FRONT_BITS);
    char[] k = frontKeys[f];
    if (k != null && frontHashes[f] == hash && Arrays.equals(k, 0, k.length, text, from, to)) {
      return frontValues[f];
    }
    int slot = young.find(text, from, to, hash);
    if (slot >= 0) {
      frontKeys[f] = young.keys[slot];
      frontValues[f] = young.values[slot];
      frontHashes[f] = hash;
      return young.values[slot];
    }
    if (old.size > 0 && (slot = old.find(text, from, to, hash)) >= 0) {
      String[] v = old.values[slot];
      put(old.keys[slot], v, hash);
      return v;
    }
    return null;
  }

  /**
   * Slots are taken from the high bits of the hash times a large odd constant. String's hash of chunks that
   * differ in their last character ("word," "word." "word)") are consecutive numbers, so its low bits put
   * them in neighbouring slots, and linear probing then walked long runs of them on every miss.
   */
  private static int spread(int hash) {
    return hash * 0x9E3779B9;
  }

  void put(String chunk, String[] tokens, int hash) {
    put(chunk.toCharArray(), tokens, hash);
  }

  private void put(char[] chunk, String[] tokens, int hash) {
    if (young.size >= capacityPerGeneration) {
      old = young;
      young = new Table(capacityPerGeneration);
    }
    young.put(chunk, tokens, hash);
  }

  /**
   * Open addressing, linear probing, load factor ≤ 1/2. Probing reads only {@link #tags}, one long a slot
   * holding the key's hash and length: a table this size is far from the CPU cache, and reading the key and
   * its array header at every probe cost up to three cache misses a slot; now a key is read only when its
   * hash and length already match.
   */
  private static final class Table {
    final char[][] keys;
    final String[][] values;
    /** 0 for an empty slot, else {@link #tag} of its key. */
    final long[] tags;
    final int mask;
    final int shift;
    int size;

    Table(int entries) {
      int cap = Integer.highestOneBit(Math.max(4, entries) * 2 - 1) << 1;
      keys = new char[cap][];
      values = new String[cap][];
      tags = new long[cap];
      mask = cap - 1;
      shift = Integer.numberOfLeadingZeros(cap) + 1;
    }

    private int home(int hash) {
      return spread(hash) >>> shift;
    }

    /** Hash and length of a key in one never-zero long (the length is stored plus one). */
    private static long tag(int hash, int length) {
      return ((long) hash << 32) | (length + 1L);
    }

    int find(char[] text, int from, int to, int hash) {
      long tag = tag(hash, to - from);
      for (int i = home(hash), probes = 0; probes < MAX_PROBES; i = (i + 1) & mask, probes++) {
        long t = tags[i];
        if (t == 0) return -1;
        if (t == tag && Arrays.equals(keys[i], 0, to - from, text, from, to)) return i;
      }
      return -1;
    }

    void put(char[] key, String[] value, int hash) {
      long tag = tag(hash, key.length);
      int i = home(hash);
      for (int probes = 0; tags[i] != 0; probes++) {
        if (tags[i] == tag && Arrays.equals(keys[i], key)) {
          values[i] = value;
          return;
        }
        if (probes == MAX_PROBES - 1) return; // no free slot that find would reach: not cached
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = value;
      tags[i] = tag;
      size++;
    }
  }
}
