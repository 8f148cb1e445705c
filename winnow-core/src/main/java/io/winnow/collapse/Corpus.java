package io.winnow.collapse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A training corpus of the collapse experiment: sentences (or toy documents) of word ids. Ids 0 and 1 are the
 * sentence-boundary symbols and never occur inside a sentence; words are ids from 2 up. Immutable.
 */
public final class Corpus {
  public static final int BOS = 0;
  public static final int EOS = 1;

  private final List<int[]> sentences;
  private final long tokens;

  public Corpus(List<int[]> sentences) {
    this.sentences = Collections.unmodifiableList(new ArrayList<>(sentences));
    long t = 0;
    for (int[] s : sentences) t += s.length;
    this.tokens = t;
  }

  public List<int[]> sentences() {
    return sentences;
  }

  public long tokens() {
    return tokens;
  }

  /** The parts one after another (the accumulate mode's corpus). */
  public static Corpus concat(List<Corpus> parts) {
    List<int[]> all = new ArrayList<>();
    for (Corpus c : parts) all.addAll(c.sentences);
    return new Corpus(all);
  }

  /** The leading sentences that make up at least {@code tokens} tokens (all of them if there are fewer). */
  public Corpus head(long tokens) {
    List<int[]> out = new ArrayList<>();
    long t = 0;
    for (int[] s : sentences) {
      if (t >= tokens) break;
      out.add(s);
      t += s.length;
    }
    return new Corpus(out);
  }
}
