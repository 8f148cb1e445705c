package io.winnow.report.diversity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiversityProfilerTest {
  private static DiversityProfile profile(String... docs) {
    DiversityProfiler p = new DiversityProfiler("tiny", DiversityLimits.defaults());
    for (String d : docs) p.add(d);
    return p.profile();
  }

  @Test
  void tinyCorpusHasKnownFigures() {
    // words: a b a b | c a ; counts a=3 b=2 c=1 over 6 tokens
    DiversityProfile p = profile("A b, a B.", "c a");
    assertEquals(2, p.documents());
    assertEquals(6, p.words());
    double h = -(0.5 * log2(0.5) + (2 / 6.0) * log2(2 / 6.0) + (1 / 6.0) * log2(1 / 6.0));
    assertEquals(h, p.entropyBits(), 1e-12);
    assertEquals(3, p.types());
    assertEquals(1, p.hapax());
    // unigrams: 3 distinct of 6; bigrams ab ba ab ca: 3 of 4; trigrams aba bab: 2 of 2; 4-gram abab: 1 of 1
    assertEquals(0.5, p.distinct()[0], 1e-12);
    assertEquals(0.75, p.distinct()[1], 1e-12);
    assertEquals(1.0, p.distinct()[2], 1e-12);
    assertEquals(1.0, p.distinct()[3], 1e-12);
    assertTrue(p.distinctExact());
    // rep-1: doc 1 repeats 2 of 4, doc 2 none: (0.5 + 0) / 2; rep-2: doc 1 1 of 3, doc 2 0 of 1
    assertEquals(0.25, p.rep()[0], 1e-12);
    assertEquals((1 / 3.0 + 0) / 2, p.rep()[1], 1e-12);
    assertEquals(0, p.rep()[2], 1e-12);
    assertEquals((1 - 1 / 6.0), p.repDiversity(), 1e-12);
    // no document of 500 words and fewer than 500 words in all: no MATTR
    assertTrue(Double.isNaN(p.mattr500()));
    assertEquals(0, p.tailMass1k(), 0);
  }

  @Test
  void mattrOfARepeatedCycleIsItsPeriodOverTheWindow() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) sb.append("w").append(i % 50).append(' ');
    DiversityProfile p = profile(sb.toString());
    assertEquals(50 / 500.0, p.mattr500(), 1e-12);
    assertEquals("documents", p.mattrScope());
  }

  @Test
  void exactCopiesAreNearDuplicatesAndCompressWell() {
    String doc = "the quick brown fox jumps over the lazy dog while the cat sleeps on a warm mat by the door";
    DiversityProfile p = profile(doc, "an entirely different sentence about rivers mountains and the long road home", doc);
    assertEquals(3, p.signedDocuments());
    assertEquals(1 / 3.0, p.nearDuplicateRate(), 1e-12);
  }

  @Test
  void slopWordsAreCountedPerThousandWords() {
    // "tapestry" and "delve" are on the slop-score list; "table" is not
    DiversityProfile p = profile("a rich tapestry to delve into on the table");
    assertEquals(1000.0 * 2 / 9, p.slopWordsPer1k(), 1e-9);
  }

  @Test
  void rarefactionAtFullSizeIsTheObservedVocabulary() {
    DiversityProfile p = profile("a b a b c a d e f g g");
    Rarefaction.Expected e = Rarefaction.at(p.spectrum(), p.words());
    assertEquals(p.types(), e.types(), 1e-9);
    assertEquals(p.hapax(), e.hapax(), 1e-9);
    // one token drawn: one type, and it is seen once
    Rarefaction.Expected one = Rarefaction.at(p.spectrum(), 1);
    assertEquals(1, one.types(), 1e-9);
    assertEquals(1, one.hapax(), 1e-9);
  }

  @Test
  void kmvSketchEstimatesWithinItsError() {
    KmvSketch s = new KmvSketch(4096);
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int i = 0; i < 1_000_000; i++) {
      long v = r.nextLong();
      s.add(v);
      if (i % 3 == 0) s.add(v);
    }
    assertEquals(1_000_000, s.estimate(), 1_000_000 * 3.0 / Math.sqrt(4094));
    assertTrue(!s.exact());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
