package io.winnow.step.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * The permutations of MinHash: value_i = ((h·a_i + b_i) mod 2^64) mod (2^61 − 1), minimised over shingle hashes.
 * Seed 1 with 112 permutations gives the reference's (FineWeb's) parameters, shipped as a resource so clusters
 * compare with the reference's; any other seed or count draws parameters from a seeded generator.
 */
public record MinHashParams(long[] a, long[] b) {
  public static final long PRIME = (1L << 61) - 1;
  public static final int REFERENCE_SEED = 1;

  public static MinHashParams of(int permutations, long seed) {
    if (seed == REFERENCE_SEED) {
      MinHashParams ref = reference();
      if (ref.a.length == permutations) return ref;
    }
    SplittableRandom r = new SplittableRandom(seed);
    long[] a = new long[permutations];
    long[] b = new long[permutations];
    for (int i = 0; i < permutations; i++) {
      a[i] = 1 + r.nextLong(PRIME - 1);
      b[i] = r.nextLong(PRIME);
    }
    return new MinHashParams(a, b);
  }

  static MinHashParams reference() {
    try (InputStream in = MinHashParams.class.getResourceAsStream("/winnow/dedup/minhash-params.json")) {
      if (in == null) throw new IllegalStateException("missing resource /winnow/dedup/minhash-params.json");
      JsonNode n = new ObjectMapper().readTree(in);
      long[] a = new long[n.get("a").size()];
      long[] b = new long[a.length];
      for (int i = 0; i < a.length; i++) {
        a[i] = n.get("a").get(i).asLong();
        b[i] = n.get("b").get(i).asLong();
      }
      return new MinHashParams(a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** x mod (2^61 − 1) for x read as unsigned, without division. */
  static long modPrime(long x) {
    long r = (x & PRIME) + (x >>> 61);
    return r >= PRIME ? r - PRIME : r;
  }
}
