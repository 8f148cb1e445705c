package io.winnow.collapse;

import io.winnow.step.dedup.ClusterRebalance;
import io.winnow.step.dedup.ExactDedup;
import io.winnow.step.dedup.KeeperRule;
import io.winnow.step.dedup.MinHashParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The {@code guarded} mode: what a training pipeline curated with Winnow does with each generation's text.
 * <ol>
 *   <li><b>Real data is never replaced.</b> The pipeline holds generation 0's human text and every fresh human
 *       quota it has been given since (each record once), and trains on all of it every generation ("accumulate, don't replace",
 *       Gerstgrasser et al. 2024). Only the synthetic part is new each generation; earlier samples are not kept.</li>
 *   <li><b>Duplicates out</b>: the product's {@code exact_dedup} step (normalised text, keeper {@code first})
 *       over the held human text and the sample, human first, so a synthetic copy of any sentence held is
 *       dropped.</li>
 *   <li><b>Over-represented modes capped</b>: the product's {@code diversity} step ({@code max_per_cluster: 2},
 *       MinHash word 5-grams, 16 bands × 4 rows, keeper {@code first}) over the same, so a synthetic sentence is
 *       dropped when its family of variations already has two members. Sentences of fewer than five words have
 *       no 5-gram and are never clustered (the exact step still catches their copies).</li>
 *   <li><b>The compare gate</b>: the candidate corpus (human text held plus the surviving sample) is profiled and
 *       compared with generation 0's profile ({@link DiversityGate}); while a verdict fires, the synthetic part is
 *       cut by half (the sample is in random order, so its first half is a random half), at most
 *       {@value #MAX_CUTS} times; then the sample is refused and the generation trains on human text alone. This
 *       is {@code winnow compare --fail-on} stopping a pipeline, and the operator retrying with less synthetic
 *       text.</li>
 * </ol>
 * The pipeline knows what a real one would: the human text it holds (generation 0's corpus and the quotas) and
 * its profile. It never sees the table's measures (the real ranking, the reference vocabulary).
 *
 * <p>The slop step is not part of the guard: its detector is fitted to language-model prose, and an n-gram
 * model's samples are not that; the slop-word rate is still one of compare's figures.
 *
 * <p>Stateful (the human text held), one instance per run.
 */
final class GuardedPipeline {
  static final int MAX_CUTS = 5;

  private final World world;
  private final List<int[]> human = new ArrayList<>();
  private final Set<int[]> held = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<String> humanTexts = new ArrayList<>();
  private final SyntheticFilter exact = new SyntheticFilter(new ExactDedup(
      new ExactDedup.Config(null, null, true, KeeperRule.parse("first"), 256, null)));
  private final SyntheticFilter clusters = new SyntheticFilter(new ClusterRebalance(new ClusterRebalance.Config(
      5, 16, 4, MinHashParams.REFERENCE_SEED, ClusterRebalance.Action.CAP, 2, 0, 0.5, "weight", KeeperRule.parse("first"), 256, ClusterRebalance.By.CLUSTER, null)));
  private final DiversityGate gate;

  GuardedPipeline(World world, double tolerance, long seed) {
    this.world = world;
    hold(world.real());
    this.gate = new DiversityGate(humanTexts, tolerance, seed);
  }

  /**
   * Adds human text to what the pipeline holds, each record once: a record already held (Brown's "fresh" text is
   * generation 0's own sentences handed out again, the same records) is not added twice, so for Brown the quota
   * adds nothing the pipeline did not hold; the toy's quotas are new draws.
   */
  private void hold(Corpus humanText) {
    for (int[] s : humanText.sentences()) {
      if (!held.add(s)) continue;
      human.add(s);
      humanTexts.add(world.text(s));
    }
  }

  /** Takes in the fresh human quota, curates the sample, and returns the corpus to train on and what was done. */
  Outcome next(int generation, Corpus sample, Corpus fresh) {
    hold(fresh);
    List<int[]> synthetic = new ArrayList<>(sample.sentences());
    List<String> texts = new ArrayList<>();
    for (int[] s : synthetic) texts.add(world.text(s));
    long duplicates = sample.tokens();
    keep(synthetic, texts, exact.kept(humanTexts, texts));
    duplicates -= tokens(synthetic);
    long capped = tokens(synthetic);
    keep(synthetic, texts, clusters.kept(humanTexts, texts));
    capped -= tokens(synthetic);
    int n = synthetic.size();
    int cuts = 0;
    List<String> first = null;
    while (true) {
      List<String> candidate = new ArrayList<>(humanTexts);
      candidate.addAll(texts.subList(0, n));
      List<String> v = n == 0 ? List.of() : gate.verdicts("generation " + generation, candidate);
      if (first == null) first = v;
      if (v.isEmpty()) break;
      n = ++cuts > MAX_CUTS ? 0 : n / 2;
    }
    List<int[]> corpus = new ArrayList<>(human);
    corpus.addAll(synthetic.subList(0, n));
    long admitted = tokens(synthetic.subList(0, n));
    return new Outcome(new Corpus(corpus), admitted,
        new GuardDecision(generation, sample.tokens(), duplicates, capped, admitted, Math.min(cuts, MAX_CUTS + 1), List.copyOf(first)));
  }

  record Outcome(Corpus corpus, long syntheticTokens, GuardDecision decision) {}

  private static void keep(List<int[]> sentences, List<String> texts, List<Integer> kept) {
    List<int[]> s = new ArrayList<>(kept.size());
    List<String> t = new ArrayList<>(kept.size());
    for (int i : kept) {
      s.add(sentences.get(i));
      t.add(texts.get(i));
    }
    sentences.clear();
    sentences.addAll(s);
    texts.clear();
    texts.addAll(t);
  }

  private static long tokens(List<int[]> sentences) {
    long t = 0;
    for (int[] s : sentences) t += s.length;
    return t;
  }
}
