package io.winnow.step.quality;

import io.winnow.step.TrainingTexts;
import io.winnow.text.IntBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a {@link QualityModel} as fastText trains a supervised model: for each example, the mean of its
 * features' embedding rows goes through the output layer; the gradient of the log loss updates the output layer
 * and every row of the example (divided by the number of features); the learning rate falls linearly to zero
 * over all epochs. One thread, and examples visited in an order drawn from the seed, so the same data, options
 * and seed give the same model byte for byte. Embedding rows start at zero (rows no example touches stay zero
 * and cost nothing in the file); the output layer starts at small values drawn from the seed.
 *
 * <p>Each text's features are extracted once and kept for all epochs. A {@link ShortTextPrior} is not learned: it
 * is written into the model as given and applies whenever the model scores (the training accuracy included).
 */
public final class QualityTrainer {
  public record Options(String name, FeatureOptions features, int dim, int epochs, double learningRate, Loss loss, long seed,
      ShortTextPrior shortTexts) {
    public Options {
      if (shortTexts == null) throw new IllegalArgumentException("short-text prior: use ShortTextPrior.NONE for none");
      if (name == null || name.isBlank()) throw new IllegalArgumentException("a model needs a name");
      if (dim < 1 || dim > 1024) throw new IllegalArgumentException("dimension must be in [1, 1024], got " + dim);
      if (epochs < 1 || epochs > 1000) throw new IllegalArgumentException("epochs must be in [1, 1000], got " + epochs);
      if (!(learningRate > 0 && learningRate <= 10)) throw new IllegalArgumentException("learning rate must be in (0, 10], got " + learningRate);
      if ((long) features.buckets() * dim > Integer.MAX_VALUE) throw new IllegalArgumentException("buckets × dimension exceeds 2^31");
    }

    /** Without a short-text prior. */
    public Options(String name, FeatureOptions features, int dim, int epochs, double learningRate, Loss loss, long seed) {
      this(name, features, dim, epochs, learningRate, loss, seed, ShortTextPrior.NONE);
    }
  }

  /** One training text and its class. */
  public record Example(String text, boolean positive) {}

  /** The model, read back from its file bytes (what the step will score with), and what training printed. */
  public record Trained(QualityModel model, byte[] bytes, List<String> report) {}

  private QualityTrainer() {}

  public static Trained train(List<Example> examples, Options o) throws java.io.IOException {
    int positives = 0;
    for (Example e : examples) if (e.positive()) positives++;
    if (positives == 0 || positives == examples.size())
      throw new IllegalArgumentException("training needs both classes: " + positives + " positive and " + (examples.size() - positives) + " negative texts");
    long start = System.nanoTime();
    HashedFeatures fx = new HashedFeatures(o.features());
    int[][] features = new int[examples.size()][];
    long featureCount = 0;
    for (int i = 0; i < examples.size(); i++) {
      IntBuffer ids = fx.extract(examples.get(i).text());
      features[i] = java.util.Arrays.copyOf(ids.array(), ids.size());
      featureCount += ids.size();
    }
    int dim = o.dim();
    int outputs = o.loss().outputs();
    float[] input = new float[o.features().buckets() * dim];
    float[] output = new float[outputs * (dim + 1)];
    SplittableRandom random = new SplittableRandom(o.seed());
    for (int i = 0; i < outputs * dim; i++) output[i] = (float) ((random.nextDouble() * 2 - 1) / dim);

    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    float[] hidden = new float[dim];
    float[] grad = new float[dim];
    long total = (long) o.epochs() * order.length;
    long seen = 0;
    double lastEpochLoss = 0;
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      shuffle(order, random);
      double lossSum = 0;
      for (int idx : order) {
        float lr = (float) (o.learningRate() * (1 - (double) seen / total));
        seen++;
        lossSum += step(features[idx], examples.get(idx).positive(), lr, o.loss(), dim, input, output, hidden, grad);
      }
      lastEpochLoss = lossSum / order.length;
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;

    Map<String, Object> training = new LinkedHashMap<>();
    training.put("examples", examples.size());
    training.put("positive", positives);
    training.put("negative", examples.size() - positives);
    training.put("features", featureCount);
    training.put("epochs", o.epochs());
    training.put("learning_rate", o.learningRate());
    training.put("seed", o.seed());
    training.put("last_epoch_log_loss", round(lastEpochLoss));
    long[] fingerprints = TrainingTexts.of(examples.stream().map(Example::text).toList());
    QualityModel trained = new QualityModel(o.name(), o.loss(), dim, o.features(), input, output, fingerprints, o.shortTexts(), training);
    byte[] bytes = trained.toBytes();
    QualityModel model = QualityModel.read(bytes, "trained model");

    int correct = 0;
    QualityModel.Scorer scorer = model.scorer();
    for (Example e : examples) if ((scorer.score(e.text()) >= 0.5) == e.positive()) correct++;
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "trained on %,d texts (%,d positive, %,d negative), %,d features, %d epochs in %.1f s: %,.0f texts/minute",
        examples.size(), positives, examples.size() - positives, featureCount, o.epochs(), trainSeconds,
        examples.size() / trainSeconds * 60));
    report.add(String.format(Locale.ROOT, "last epoch mean log loss %.4f; training accuracy (a training figure, not held-out) %.4f",
        lastEpochLoss, (double) correct / examples.size()));
    return new Trained(model, bytes, report);
  }

  /** One SGD step on one example; returns its log loss before the update. */
  private static double step(int[] ids, boolean positive, float lr, Loss loss, int dim, float[] input, float[] output,
      float[] hidden, float[] grad) {
    java.util.Arrays.fill(hidden, 0f);
    java.util.Arrays.fill(grad, 0f);
    int n = ids.length;
    for (int id : ids) {
      int row = id * dim;
      for (int j = 0; j < dim; j++) hidden[j] += input[row + j];
    }
    if (n > 0) for (int j = 0; j < dim; j++) hidden[j] /= n;
    int outputs = loss.outputs();
    double lossValue;
    if (loss == Loss.LOGISTIC) {
      double p = sigmoid(margin(output, hidden, 0, dim, outputs));
      float g = (float) (lr * ((positive ? 1 : 0) - p));
      update(output, hidden, grad, 0, g, dim, outputs);
      lossValue = -Math.log(Math.max(1e-12, positive ? p : 1 - p));
    } else {
      double s0 = margin(output, hidden, 0, dim, outputs);
      double s1 = margin(output, hidden, 1, dim, outputs);
      double p1 = sigmoid(s1 - s0);
      float g1 = (float) (lr * ((positive ? 1 : 0) - p1));
      update(output, hidden, grad, 1, g1, dim, outputs);
      update(output, hidden, grad, 0, -g1, dim, outputs);
      lossValue = -Math.log(Math.max(1e-12, positive ? p1 : 1 - p1));
    }
    if (n > 0) {
      for (int j = 0; j < dim; j++) grad[j] /= n;
      for (int id : ids) {
        int row = id * dim;
        for (int j = 0; j < dim; j++) input[row + j] += grad[j];
      }
    }
    return lossValue;
  }

  private static double margin(float[] output, float[] hidden, int k, int dim, int outputs) {
    double s = output[outputs * dim + k];
    for (int j = 0; j < dim; j++) s += output[k * dim + j] * hidden[j];
    return s;
  }

  /** grad += g·w_k (before w_k moves), then w_k += g·h and b_k += g. */
  private static void update(float[] output, float[] hidden, float[] grad, int k, float g, int dim, int outputs) {
    int off = k * dim;
    for (int j = 0; j < dim; j++) {
      grad[j] += g * output[off + j];
      output[off + j] += g * hidden[j];
    }
    output[outputs * dim + k] += g;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static double round(double d) {
    return Math.round(d * 1e6) / 1e6;
  }
}
