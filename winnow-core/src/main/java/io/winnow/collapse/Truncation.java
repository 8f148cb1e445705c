package io.winnow.collapse;

/**
 * How the generator samples: from the whole predictive distribution ({@link #NONE}), from its nucleus (the fewest
 * most probable words whose mass reaches {@code topP}, Holtzman et al. 2020) or from its {@code topK} most probable
 * words, renormalised. Truncated sampling is what Dohmatob et al. (2024) show to speed up the loss of the tail.
 */
public record Truncation(double topP, int topK) {
  public static final Truncation NONE = new Truncation(1.0, 0);

  public Truncation {
    if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top-p must be in (0, 1]: " + topP);
    if (topK < 0) throw new IllegalArgumentException("top-k must be >= 0: " + topK);
  }

  public boolean none() {
    return topP >= 1 && topK == 0;
  }

  @Override
  public String toString() {
    if (none()) return "plain sampling";
    if (topK > 0 && topP < 1) return "top-k " + topK + ", top-p " + topP;
    return topK > 0 ? "top-k " + topK : "top-p " + topP;
  }
}
