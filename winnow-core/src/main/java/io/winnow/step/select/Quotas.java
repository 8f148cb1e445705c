package io.winnow.step.select;

import java.util.Map;
import java.util.TreeMap;

/** Splits a target count across groups as evenly as their sizes allow (water-filling). */
final class Quotas {
  private Quotas() {}

  /**
   * Each group gets the same share of the target, capped at its size; what small groups cannot take is shared
   * out again among the others. Deterministic: remainders go to the groups first in key order.
   */
  static Map<Long, Long> waterFill(Map<Long, Long> sizes, long target) {
    Map<Long, Long> quota = new TreeMap<>();
    for (Long k : sizes.keySet()) quota.put(k, 0L);
    long left = target;
    while (left > 0) {
      long open = sizes.entrySet().stream().filter(e -> quota.get(e.getKey()) < e.getValue()).count();
      if (open == 0) break;
      long each = Math.max(1, left / open);
      for (Map.Entry<Long, Long> e : sizes.entrySet()) {
        if (left == 0) break;
        long room = e.getValue() - quota.get(e.getKey());
        if (room <= 0) continue;
        long add = Math.min(Math.min(each, room), left);
        quota.merge(e.getKey(), add, Long::sum);
        left -= add;
      }
    }
    return quota;
  }
}
