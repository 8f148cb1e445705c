package io.winnow.code.license.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Splits a fixture set into two halves by fixture name, so that one half can be studied while the matcher is
 * tuned and the other stays held out. The half is the low bit of SHA-256({@value #SEED} + name): fixed (the
 * same on every machine and run), independent of the fixtures' order, and unrelated to what a fixture contains.
 * Half {@code A} is the one whose misses were looked at; half {@code B} is held out.
 */
public final class FixtureSplit {
  /** Chosen once, before any half was looked at; changing it would make the held-out half a studied one. */
  static final String SEED = "winnow-license-split-2026:";

  private FixtureSplit() {}

  /** {@code 'A'} (studied) or {@code 'B'} (held out). */
  public static char half(String fixtureName) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((SEED + fixtureName).getBytes(StandardCharsets.UTF_8));
      return (h[0] & 1) == 0 ? 'A' : 'B';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
