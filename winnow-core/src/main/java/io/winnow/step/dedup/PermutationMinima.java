package io.winnow.step.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers a signature's per-permutation minima with one shingle hash: permutation {@code p} maps hash {@code h}
 * to {@code (h * a[p] + b[p]) mod 2^64 mod (2^61 - 1)}, the reference's arithmetic. This loop is most of a
 * signature's cost, and the fastest way to write it depends on the processor:
 * <ul>
 *   <li>with AVX-512 (its 64-bit vector multiply), C2 compiles a branch-free loop to vector instructions;
 *   <li>without it, no form of the loop vectorises (AVX2 has no 64-bit multiply, arithmetic shift or minimum
 *       on 64-bit lanes), and a scalar loop that branches is a third faster than the branch-free one: after a
 *       document's first shingles a minimum rarely moves, so the branch is well predicted and the store is
 *       skipped.
 * </ul>
 * Both give the same minima (MinHasherTest checks them against each other).
 */
final class PermutationMinima {
  private static final long PRIME = MinHashParams.PRIME;
  /** Whether this machine has AVX-512's 64-bit multiply, the one that lets the branch-free loop vectorise. */
  static final boolean VECTOR = hasAvx512Multiply();

  private PermutationMinima() {}

  static void lower(long[] sig, long[] a, long[] b, long h) {
    if (VECTOR) lowerBranchFree(sig, a, b, h);
    else lowerBranching(sig, a, b, h);
  }

  /**
   * Written without branches (the reduction mod p and the minimum are masks from sign bits) so that the JIT
   * turns the loop into vector instructions; every value lies in [0, 2^61 + 7) before the reduction, so the
   * differences never overflow.
   */
  static void lowerBranchFree(long[] sig, long[] a, long[] b, long h) {
    for (int p = 0; p < sig.length; p++) {
      long x = h * a[p] + b[p];
      long r = (x & PRIME) + (x >>> 61); // ≡ x mod p, in [0, p + 7]
      r -= PRIME & ((PRIME - 1 - r) >> 63); // minus p when r ≥ p
      long s = sig[p];
      long d = r - s;
      sig[p] = s + (d & (d >> 63)); // min(s, r)
    }
  }

  /**
   * Compares the unreduced value in [0, p + 7] first: below the minimum it is stored reduced; at or above it,
   * only a value of p or more (one in 2^58) reduces to something that can still be lower.
   */
  static void lowerBranching(long[] sig, long[] a, long[] b, long h) {
    for (int p = 0; p < sig.length; p++) {
      long x = h * a[p] + b[p];
      long r = (x & PRIME) + (x >>> 61);
      if (r < sig[p]) sig[p] = r >= PRIME ? r - PRIME : r;
      else if (r >= PRIME && r - PRIME < sig[p]) sig[p] = r - PRIME;
    }
  }

  /** Read from the kernel's CPU flags (Linux); elsewhere the scalar loop, which is right on every processor. */
  private static boolean hasAvx512Multiply() {
    try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("flags")) return (" " + line + " ").contains(" avx512dq ");
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable
    }
    return false;
  }
}
