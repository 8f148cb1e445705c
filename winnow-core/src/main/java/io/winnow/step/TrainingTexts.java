package io.winnow.step;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import net.openhft.hashing.LongHashFunction;

/**
 * Fingerprints of the texts a model was trained on, kept in the model file so that an evaluation can tell
 * training figures from held-out ones: a text counts as seen when its opening (the first
 * {@value #PREFIX_CHARS} characters, lower-cased, white space collapsed) matches a training text's. Shared by
 * every trained model of the project (the slop detector, the quality classifier).
 */
public final class TrainingTexts {
  static final int PREFIX_CHARS = 1000;
  private static final LongHashFunction HASH = LongHashFunction.xx(0x7EC5);

  private TrainingTexts() {}

  public static long fingerprint(String text) {
    String t = text.strip();
    StringBuilder sb = new StringBuilder(Math.min(t.length(), PREFIX_CHARS));
    boolean space = false;
    for (int i = 0; i < t.length() && sb.length() < PREFIX_CHARS; i++) {
      char c = t.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && sb.length() > 0) sb.append(' ');
      space = false;
      sb.append(c);
    }
    return HASH.hashChars(sb.toString().toLowerCase(Locale.ROOT));
  }

  /** The sorted, distinct fingerprints of these texts, as a model file stores them. */
  public static long[] of(Collection<String> texts) {
    return texts.stream().mapToLong(TrainingTexts::fingerprint).sorted().distinct().toArray();
  }

  /** Whether {@code text} (or a text with the same opening) is among the sorted {@code fingerprints}. */
  public static boolean contains(long[] fingerprints, String text) {
    return Arrays.binarySearch(fingerprints, fingerprint(text)) >= 0;
  }
}
