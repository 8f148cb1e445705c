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
 *   <li>{@code guarded}: the new sample through {@link Guard} with the same fresh human quota.</li>
 * </ul>
 * Every random choice comes from the seed, the mode and the generation, so a run is reproducible bit for bit.
 */
public final class CollapseExperiment {
  private CollapseExperiment() {}

  public enum Mode { REPLACE, ACCUMULATE, QUOTA, GUARDED }

  public record Settings(int generations, long tokens, Truncation truncation, double realShare, long seed) {
    public Settings {
      if (generations < 0) throw new IllegalArgumentException("generations must be >= 0");
      if (tokens < 1) throw new IllegalArgumentException("tokens must be >= 1");
      if (!(realShare > 0 && realShare < 1)) throw new IllegalArgumentException("real share must be in (0, 1)");
    }
  }

  public record Result(Mode mode, List<GenerationStats> generations) {
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
    out.add(GenerationStats.measure(0, corpus, model.perplexity(world.heldOut()), world.rank, world.reference, world.referenceSize));
    List<Corpus> all = new ArrayList<>(List.of(corpus));
    Guard guard = new Guard(world.vocabulary);
    for (int g = 1; g <= s.generations(); g++) {
      Corpus sample = model.sample(s.tokens(), s.truncation(), World.random(s.seed(), 100L * g + mode.ordinal()));
      long quota = Math.round(s.realShare() * s.tokens());
      corpus = switch (mode) {
        case REPLACE -> sample;
        case ACCUMULATE -> {
          all.add(sample);
          yield Corpus.concat(all);
        }
        case QUOTA -> Corpus.concat(List.of(sample.head(s.tokens() - quota), world.fresh(quota, g)));
        case GUARDED -> guard.apply(sample, world.fresh(quota, g));
      };
      model = world.train(corpus);
      out.add(GenerationStats.measure(g, corpus, model.perplexity(world.heldOut()), world.rank, world.reference, world.referenceSize));
    }
    return new Result(mode, out);
  }

  public static void print(Result r, PrintWriter w) {
    w.printf("%s%n", r.mode().name().toLowerCase(Locale.ROOT));
    w.printf("%4s %10s %10s %9s %9s %8s %10s %9s%n", "gen", "tokens", "perplexity", "survival", "tail", "H1", "distinct2", "clusterH");
    for (GenerationStats g : r.generations()) {
      w.printf(Locale.ROOT, "%4d %10d %10.1f %8.1f%% %9.3f %8.3f %10.3f %9.3f%n", g.generation(), g.tokens(), g.perplexity(),
          100 * g.survival(), g.tailMass(), g.entropy(), g.distinct2(), g.clusterEntropy());
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
    return m;
  }
}
