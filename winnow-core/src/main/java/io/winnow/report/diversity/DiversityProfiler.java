package io.winnow.report.diversity;

import io.winnow.doc.Document;
import io.winnow.text.LowercaseWordHashes;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link DiversityProfile} of a stream of documents in one pass and bounded memory
 * ({@link DiversityLimits}). Words are {@link LowercaseWordHashes} (the slop step's word rule, lower-cased). The
 * figures:
 * <ul>
 *   <li>entropy: Shannon entropy of the unigram distribution, bits;</li>
 *   <li>types, hapax: word types, types seen once ({@link Vocabulary});</li>
 *   <li>tail mass beyond rank k: the share of tokens whose type is not among the k most frequent;</li>
 *   <li>distinct-n, rep-n: see {@link NgramDiversity}; distinct-n is also recorded at checkpoints of the prefix,
 *       at ⌈4,096 · 2^(j/4)⌉ words (the first document boundary at or after it), for comparison at equal size;</li>
 *   <li>MATTR-500: see {@link Mattr}; compression ratio: see {@link CompressionSample};</li>
 *   <li>near-duplicate rate: see {@link NearDuplicates}; slop words per 1k: see {@link SlopWordRate}.</li>
 * </ul>
 *
 * <p>Not thread-safe: one profiler per corpus and thread.
 */
public final class DiversityProfiler {
  static final long FIRST_CHECKPOINT_WORDS = 4096;

  private final String name;
  private final LowercaseWordHashes scanner = new LowercaseWordHashes();
  private final Vocabulary vocabulary;
  private final NgramDiversity ngrams;
  private final Mattr mattr;
  private final CompressionSample compression;
  private final NearDuplicates nearDuplicates;
  private final SlopWordRate slop = new SlopWordRate();
  private final List<DiversityProfile.Checkpoint> checkpoints = new ArrayList<>();
  private long documents;
  private long words;
  private int nextCheckpoint;
  private Double machineShare;
  private String machineShareStep;

  public DiversityProfiler(String name, DiversityLimits limits) {
    this.name = name;
    this.vocabulary = new Vocabulary(limits.maxTypes());
    this.ngrams = new NgramDiversity(limits.sketchSize(), vocabulary);
    this.mattr = new Mattr(500, limits.mattrConcatenatedWords());
    this.compression = new CompressionSample(limits.compressionSampleBytes());
    this.nearDuplicates = new NearDuplicates(limits.maxBandKeys());
  }

  public void add(Document doc) {
    add(doc.text());
  }

  public void add(String text) {
    long[] w = scanner.scan(text);
    int n = scanner.count();
    documents++;
    words += n;
    for (int i = 0; i < n; i++) vocabulary.add(w[i]);
    ngrams.addDocument(w, n);
    mattr.addDocument(w, n);
    slop.addDocument(w, n);
    compression.addDocument(text);
    nearDuplicates.addDocument(w, n);
    while (words >= checkpointWords(nextCheckpoint)) {
      double[] d = new double[NgramDiversity.MAX_N];
      for (int k = 1; k <= NgramDiversity.MAX_N; k++) d[k - 1] = ngrams.distinct(k);
      checkpoints.add(new DiversityProfile.Checkpoint(nextCheckpoint, words, d));
      nextCheckpoint++;
    }
  }

  /** The machine-generated share a run's slop step estimated, reported beside the profile. */
  public void machineShare(double share, String step) {
    this.machineShare = share;
    this.machineShareStep = step;
  }

  /** The word count of checkpoint {@code j}: ⌈4,096 · 2^(j/4)⌉. */
  static long checkpointWords(int j) {
    return (long) Math.ceil(FIRST_CHECKPOINT_WORDS * Math.pow(2, j / 4.0));
  }

  public DiversityProfile profile() {
    int[] counts = vocabulary.sortedCounts();
    long tokens = vocabulary.tokens();
    double[] distinct = new double[NgramDiversity.MAX_N];
    double[] rep = new double[NgramDiversity.MAX_N];
    for (int n = 1; n <= NgramDiversity.MAX_N; n++) {
      distinct[n - 1] = ngrams.distinct(n);
      rep[n - 1] = ngrams.rep(n);
    }
    return new DiversityProfile(name, documents, words, Vocabulary.entropyBits(counts, tokens), vocabulary.types(),
        vocabulary.hapax(), Vocabulary.tailMass(counts, tokens, 1_000), Vocabulary.tailMass(counts, tokens, 10_000),
        distinct, ngrams.exact(), rep, mattr.value(), mattr.scope(), compression.ratio(), compression.sampleBytes(),
        nearDuplicates.rate(), nearDuplicates.signed(), nearDuplicates.capped(), slop.per1k(), machineShare,
        machineShareStep, vocabulary.overflowTokens(), Spectrum.of(counts), List.copyOf(checkpoints));
  }
}
