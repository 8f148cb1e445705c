package io.winnow.step.select;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Heap held per chosen document by the fit's similarity state (not a test: run by hand, see docs/BENCHMARKS.md):
 * {@link ChosenBands} plus the chosen indexes, or with {@code former} the structures select held before (every
 * chosen signature and a list per band key). Random signatures, 64 permutations in 16 bands.
 */
public final class ChosenBandsFootprint {
  private ChosenBandsFootprint() {}

  static long used() {
    for (int i = 0; i < 5; i++) System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    boolean former = args.length > 1 && args[1].equals("former");
    SplittableRandom random = new SplittableRandom(1);
    long before = used();
    LongArrayList chosen = new LongArrayList();
    ChosenBands bands = new ChosenBands(16, 4);
    List<long[]> sigs = new ArrayList<>();
    Long2ObjectOpenHashMap<IntArrayList> lists = new Long2ObjectOpenHashMap<>();
    for (int i = 0; i < n; i++) {
      long[] sig = new long[64];
      for (int j = 0; j < 64; j++) sig[j] = random.nextLong();
      if (former) {
        sigs.add(sig);
        for (int b = 0; b < 16; b++) lists.computeIfAbsent(random.nextLong(), k -> new IntArrayList(1)).add(chosen.size());
      } else bands.add(sig, chosen.size());
      chosen.add(i);
    }
    long held = used() - before;
    System.out.printf("%s: %d chosen, %.0f bytes each (%d %d %d)%n", former ? "former" : "ChosenBands", n, held / (double) n, chosen.size(), sigs.size(), lists.size());
  }
}
