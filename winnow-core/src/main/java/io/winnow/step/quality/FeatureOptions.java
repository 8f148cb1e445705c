package io.winnow.step.quality;

/**
 * What the classifier reads of a text, fixed at training and stored in the model file: the hash space, word
 * n-grams up to {@code wordNgrams} (0 = none, 1 = words only, 2 = words and bigrams, as DCLM's classifier), character
 * n-grams of {@code minCharNgram}..{@code maxCharNgram} inside each word (0 = off, as fastText's supervised default),
 * and {@code lineShapes}: the shape of each line (its length, how it begins and ends; see {@link LineShapes}), a
 * signal that reads the same in every language, and {@code tokenShapes}: the classes of neighbouring words (number,
 * capitalised, lower case, … and how each ends; see {@link TokenShapes}), which also read alike in every language.
 * {@code maxWords} caps the words read from one text (0 = all): the opening of a 50 MB document says what it is.
 */
public record FeatureOptions(int buckets, int wordNgrams, int minCharNgram, int maxCharNgram, int maxWords, boolean lineShapes,
                             boolean tokenShapes) {
  public FeatureOptions {
    if (buckets < 1 || buckets > (1 << 26)) throw new IllegalArgumentException("buckets must be in [1, 67108864], got " + buckets);
    if (wordNgrams < 0 || wordNgrams > 5) throw new IllegalArgumentException("word n-grams must be in [0, 5], got " + wordNgrams);
    if (minCharNgram < 0 || maxCharNgram < minCharNgram || maxCharNgram > 8)
      throw new IllegalArgumentException("character n-grams must satisfy 0 <= min <= max <= 8, got " + minCharNgram + ".." + maxCharNgram);
    if (minCharNgram == 0 && maxCharNgram != 0) throw new IllegalArgumentException("character n-grams: min 0 means off, so max must be 0");
    if (wordNgrams == 0 && minCharNgram == 0 && !lineShapes && !tokenShapes)
      throw new IllegalArgumentException("no features: word n-grams 0 needs character n-grams, line shapes or token shapes");
    if (maxWords < 0) throw new IllegalArgumentException("max words must be >= 0, got " + maxWords);
  }

  /** Words, n-grams and character n-grams only (the options of model files without line shapes). */
  public FeatureOptions(int buckets, int wordNgrams, int minCharNgram, int maxCharNgram, int maxWords) {
    this(buckets, wordNgrams, minCharNgram, maxCharNgram, maxWords, false, false);
  }

  /** Without token shapes (the options of model files written before them). */
  public FeatureOptions(int buckets, int wordNgrams, int minCharNgram, int maxCharNgram, int maxWords, boolean lineShapes) {
    this(buckets, wordNgrams, minCharNgram, maxCharNgram, maxWords, lineShapes, false);
  }

  public boolean charNgrams() {
    return minCharNgram > 0;
  }
}
