package io.winnow.step.select;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * The LSH band index of the chosen documents in primitive arrays: a band key maps to the newest chosen document
 * in that band, and each (chosen document, band) entry links to the previous one with the same key. About 30
 * bytes per band entry (a 12-byte slot, key and head, of an open hash table kept below load 0.75 and grown by
 * doubling, plus a 4-byte link; 503 bytes per chosen document measured at 16 bands and a million chosen), in
 * place of a list object per key and the chosen signatures themselves (those are read back from the
 * observation records when a candidate shares a band).
 */
final class ChosenBands {
  private final int bands;
  private final int rows;
  private final Long2IntOpenHashMap head = new Long2IntOpenHashMap();
  // previous entry (chosen × bands + band) with the same key, or -1
  private final IntArrayList next = new IntArrayList();

  ChosenBands(int bands, int rows) {
    this.bands = bands;
    this.rows = rows;
    head.defaultReturnValue(-1);
  }

  /** Indexes the signature of the chosen document {@code chosenIndex} (chosen in order 0, 1, 2…). */
  void add(long[] sig, int chosenIndex) {
    while (next.size() < (chosenIndex + 1) * bands) next.add(-1);
    for (int b = 0; b < bands; b++) {
      int entry = chosenIndex * bands + b;
      next.set(entry, head.put(bandKey(sig, b), entry));
    }
  }

  /**
   * The chosen documents sharing a band with {@code sig}, each once: band by band, and within a band in choice
   * order (so a tie in similarity goes to the earliest chosen, whatever the index layout).
   */
  IntArrayList candidates(long[] sig) {
    IntArrayList out = new IntArrayList();
    IntArrayList band = new IntArrayList();
    for (int b = 0; b < bands; b++) {
      band.clear();
      for (int e = head.get(bandKey(sig, b)); e >= 0; e = next.getInt(e)) band.add(e / bands);
      for (int i = band.size() - 1; i >= 0; i--) if (!out.contains(band.getInt(i))) out.add(band.getInt(i));
    }
    return out;
  }

  private long bandKey(long[] sig, int band) {
    long h = band * 0x9E3779B97F4A7C15L;
    for (int i = band * rows; i < (band + 1) * rows; i++) h = (h ^ sig[i]) * 0xBF58476D1CE4E5B9L;
    return h;
  }
}
