package io.winnow.step.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.pipeline.Params;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the best-scoring share of the corpus: an estimator. Observe scores every document that reaches the step
 * (one file of doubles per shard); fit reads them all and finds the threshold that keeps {@code keep_share} of
 * them ({@link ScoreQuantile}); apply is the {@link QualityStep} with that threshold. Documents are scored again
 * in the apply phase instead of matched to stored scores: scoring is cheaper than a lookup table by id, and pure.
 * Documents the language guard leaves unscored ({@link QualityStep}, {@code languages}) are not part of the share:
 * the threshold keeps {@code keep_share} of the scored documents, and the unscored ones are kept.
 */
public final class QualityShare implements CorpusStep {
  public static final String TYPE = "quality_share";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FITTED = "threshold.json";

  public record Config(QualityStep.Config step, double keepShare, boolean annotate) {
    public static Config from(Params p) {
      boolean annotate = QualityStep.annotate(p);
      double share = p.getDouble("keep_share", 0.5, 0, 1);
      QualityStep.Config step = QualityStep.Config.common(p, 0);
      p.finish();
      return new Config(step, share, annotate);
    }
  }

  private final Config config;

  public QualityShare(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  private static Path scores(Path dir, int shard) {
    return dir.resolve(String.format("scores-%05d.bin", shard));
  }

  @Override
  public Observer observer(Path dir, int shard) throws IOException {
    Path target = scores(dir, shard);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(target)), 1 << 16));
    QualityModel.Scorer scorer = QualityModel.load(config.step().model()).scorer();
    QualityStep.Config step = config.step();
    return new Observer() {
      @Override
      public void observe(Document doc) throws IOException {
        if (step.unscoredLanguage(doc) == null) out.writeDouble(scorer.score(doc.text()));
      }

      @Override
      public void commit() throws IOException {
        out.close();
        AtomicFiles.commit(AtomicFiles.tmp(target), target);
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }

  @Override
  public void fit(Path dir, int shards) throws IOException {
    double[] all = new double[1024];
    int n = 0;
    for (int s = 0; s < shards; s++) {
      Path f = scores(dir, s);
      if (!Files.exists(f)) throw new IOException("quality_share: the scores of shard " + s + " are missing (" + f + ")");
      try (InputStream raw = Files.newInputStream(f);
           DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
        long count = Files.size(f) / Double.BYTES;
        for (long i = 0; i < count; i++) {
          if (n == all.length) all = java.util.Arrays.copyOf(all, n * 2);
          all[n++] = in.readDouble();
        }
      }
    }
    Map<String, Object> fitted = new LinkedHashMap<>();
    fitted.put("keep_share", config.keepShare());
    fitted.put("scored", n);
    fitted.put("threshold", ScoreQuantile.threshold(all, n, config.keepShare()));
    fitted.put("model", QualityModel.load(config.step().model()).version());
    AtomicFiles.write(dir.resolve(FITTED), JSON.writeValueAsBytes(fitted));
  }

  @Override
  public Supplier<Step> load(Path dir) throws IOException {
    double threshold = JSON.readTree(dir.resolve(FITTED).toFile()).path("threshold").asDouble();
    QualityStep.Config fitted = config.step().withThreshold(Math.min(1, threshold));
    return () -> new QualityStep(fitted, config.annotate());
  }

  @Override
  public Map<String, Object> fitStats(Path dir) throws IOException {
    JsonNode n = JSON.readTree(dir.resolve(FITTED).toFile());
    return JSON.convertValue(n, Map.class);
  }
}
