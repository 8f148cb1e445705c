package io.winnow.collapse;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Model collapse, reproduced (Shumailov et al. 2024): generation 0 is a model trained on human text; every later
 * generation samples a corpus from the previous model and trains the next model on
 * <ul>
 *   <li>{@code replace}: only the new sample;</li>
 *   <li>{@code accumulate}: generation 0's human text and every sample so far (Gerstgrasser et al. 2024);</li>
 *   <li>{@code quota}: the new sample with a share {@code realShare} of its tokens replaced by fresh human text;</li>
 *   <li>{@code guarded}: every human text held so far (generation 0's and each fresh quota) plus what of the new
 *       sample (less the quota's share) passes Winnow's curation, see {@link GuardedPipeline}.</li>
 * </ul>
 * Every random choice comes from the seed, the mode and the generation, so a run is reproducible bit for bit.
 */
public final class CollapseExperiment {
  private CollapseExperiment() {}

  public enum Mode { REPLACE, ACCUMULATE, QUOTA, GUARDED }

  /** @param tolerance the guarded mode's compare thresholds for relative figures, percent */
  public record Settings(int generations, long tokens, Truncation truncation, double realShare, double tolerance, long seed) {
    public Settings {
      if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be above 0");
      if (generations < 0) throw new IllegalArgumentException("generations must be >= 0");
      if (tokens < 1) throw new IllegalArgumentException("tokens must be >= 1");
      if (!(realShare > 0 && realShare < 1)) throw new IllegalArgumentException("real share must be in (0, 1)");
    }
  }

  /** @param guard what the guard did in generations 1.. (empty unless guarded) */
  public record Result(Mode mode, List<GenerationStats> generations, List<GuardDecision> guard) {
    public GenerationStats first() {
      return generations.get(0);
    }

    public GenerationStats last() {
      return generations.get(generations.size() - 1);
    }
  }

  public static Result run(World world, Mode mode, Settings s) {
    List<GenerationStats> out = new ArrayList<>();
    Corpus corpus = world.real();
    LanguageModel model = world.train(corpus);
    out.add(GenerationStats.measure(0, corpus, 0, model.perplexity(world.heldOut()), world.rank, world.reference, world.referenceSize));
    List<Corpus> all = new ArrayList<>(List.of(corpus));
    GuardedPipeline guard = mode == Mode.GUARDED ? new GuardedPipeline(world, s.tolerance(), s.seed()) : null;
    List<GuardDecision> decisions = new ArrayList<>();
    long synthetic = 0;
    for (int g = 1; g <= s.generations(); g++) {
      Corpus sample = model.sample(s.tokens(), s.truncation(), World.random(s.seed(), 100L * g + mode.ordinal()));
      long quota = Math.round(s.realShare() * s.tokens());
      switch (mode) {
        case REPLACE -> {
          corpus = sample;
          synthetic = sample.tokens();
        }
        case ACCUMULATE -> {
          all.add(sample);
          corpus = Corpus.concat(all);
          synthetic += sample.tokens();
        }
        case QUOTA -> {
          Corpus part = sample.head(s.tokens() - quota);
          corpus = Corpus.concat(List.of(part, world.fresh(quota, g)));
          synthetic = part.tokens();
        }
        case GUARDED -> {
          GuardedPipeline.Outcome o = guard.next(g, sample.head(s.tokens() - quota), world.fresh(quota, g));
          corpus = o.corpus();
          synthetic = o.syntheticTokens();
          decisions.add(o.decision());
        }
      }
      model = world.train(corpus);
      out.add(GenerationStats.measure(g, corpus, synthetic, model.perplexity(world.heldOut()), world.rank, world.reference, world.referenceSize));
    }
    return new Result(mode, out, decisions);
  }

  public static void print(Result r, PrintWriter w) {
    w.printf("%s%n", r.mode().name().toLowerCase(Locale.ROOT));
    w.printf("%4s %10s %9s %10s %9s %9s %8s %10s %9s%n", "gen", "tokens", "synthetic", "perplexity", "survival", "tail", "H1", "distinct2", "clusterH");
    for (GenerationStats g : r.generations()) {
      w.printf(Locale.ROOT, "%4d %10d %8.1f%% %10.1f %8.1f%% %9.3f %8.3f %10.3f %9.3f%n", g.generation(), g.tokens(),
          100 * g.syntheticShare(), g.perplexity(), 100 * g.survival(), g.tailMass(), g.entropy(), g.distinct2(), g.clusterEntropy());
    }
    if (!r.guard().isEmpty()) {
      w.printf("%n%4s %9s %10s %8s %9s %5s  %s%n", "gen", "sampled", "duplicates", "capped", "admitted", "cuts", "verdicts on the whole sample");
      for (GuardDecision d : r.guard()) {
        String cuts = d.refused() ? "refused" : String.valueOf(d.cuts());
        w.printf(Locale.ROOT, "%4d %9d %10d %8d %9d %5s  %s%n", d.generation(), d.sampled(), d.duplicates(), d.capped(), d.admitted(),
            cuts, d.verdicts().isEmpty() ? "none" : String.join("; ", d.verdicts()));
      }
    }
    w.flush();
  }

  /** The JSON report's content: the settings, the world and each mode's table. */
  public static Map<String, Object> report(World world, Settings s, List<Result> results, double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("world", world.describe());
    m.put("settings", s);
    m.put("sampling", s.truncation().toString());
    m.put("seconds", Math.round(seconds * 10) / 10.0);
    Map<String, Object> modes = new LinkedHashMap<>();
    for (Result r : results) modes.put(r.mode().name().toLowerCase(Locale.ROOT), r.generations());
    m.put("modes", modes);
    for (Result r : results) if (!r.guard().isEmpty()) m.put("guard", r.guard());
    return m;
  }
}
