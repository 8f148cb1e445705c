package io.winnow.text;

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
  private static final int FRONT = 1 << 12;
  static final int MAX_PROBES = 32;
  private final String[] frontKeys = new String[FRONT];
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

  /** The cached tokens of {@code text[from, to)}, or null. */
  String[] get(String text, int from, int to, int hash) {
    int f = hash & (FRONT - 1);
    String k = frontKeys[f];
    int len = to - from;
    if (k != null && frontHashes[f] == hash && k.length() == len && k.regionMatches(0, text, from, len)) {
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

  void put(String chunk, String[] tokens, int hash) {
    if (young.size >= capacityPerGeneration) {
      old = young;
      young = new Table(capacityPerGeneration);
    }
    young.put(chunk, tokens, hash);
  }

  /** Open addressing, linear probing, load factor ≤ 1/2. */
  private static final class Table {
    final String[] keys;
    final String[][] values;
    final int[] hashes;
    final int mask;
    int size;

    Table(int entries) {
      int cap = Integer.highestOneBit(Math.max(4, entries) * 2 - 1) << 1;
      keys = new String[cap];
      values = new String[cap][];
      hashes = new int[cap];
      mask = cap - 1;
    }

    int find(String text, int from, int to, int hash) {
      int len = to - from;
      for (int i = hash & mask, probes = 0; probes < MAX_PROBES; i = (i + 1) & mask, probes++) {
        String k = keys[i];
        if (k == null) return -1;
        if (hashes[i] == hash && k.length() == len && k.regionMatches(0, text, from, len)) return i;
      }
      return -1;
    }

    void put(String key, String[] value, int hash) {
      int i = hash & mask;
      for (int probes = 0; keys[i] != null; probes++) {
        if (hashes[i] == hash && keys[i].equals(key)) {
          values[i] = value;
          return;
        }
        if (probes == MAX_PROBES - 1) return; // no free slot that find would reach: not cached
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = value;
      hashes[i] = hash;
      size++;
    }
  }
}
