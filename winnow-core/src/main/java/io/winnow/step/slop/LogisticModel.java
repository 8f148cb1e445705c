package io.winnow.step.slop;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Logistic regression over standardised dense features (clipped to ±{@value #CLIP} standard deviations, so one
 * outlandish figure on an unfamiliar domain cannot decide alone) plus hashed sparse features. Trained by AdaGrad
 * with L2 regularisation; deterministic for a given seed and input order. Immutable once trained.
 */
final class LogisticModel {
  static final double CLIP = 5;

  final double[] mean;
  final double[] scale;
  final double[] dense;
  final float[] hashed;
  final double bias;

  LogisticModel(double[] mean, double[] scale, double[] dense, float[] hashed, double bias) {
    this.mean = mean;
    this.scale = scale;
    this.dense = dense;
    this.hashed = hashed;
    this.bias = bias;
  }

  double margin(FeatureExtractor.Features f) {
    double z = bias;
    double[] x = f.dense();
    for (int k = 0; k < x.length; k++) z += dense[k] * standard(x[k], k);
    int[] idx = f.hashedIndex();
    float[] val = f.hashedValue();
    if (hashed.length > 0) for (int k = 0; k < idx.length; k++) z += hashed[idx[k]] * val[k];
    return z;
  }

  double probability(FeatureExtractor.Features f) {
    return sigmoid(margin(f));
  }

  double standard(double x, int k) {
    double s = (x - mean[k]) / scale[k];
    return s > CLIP ? CLIP : s < -CLIP ? -CLIP : s;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** The dense features that pushed this score most, by absolute contribution to the margin (signed). */
  Map<String, Double> topContributions(FeatureExtractor.Features f, int k) {
    double[] x = f.dense();
    int m = Math.min(k, x.length);
    if (m <= 0) return Map.of();
    int[] best = new int[m];
    double[] size = new double[m];
    int filled = 0;
    for (int i = 0; i < x.length; i++) {
      double c = Math.abs(dense[i] * standard(x[i], i));
      if (filled < m) {
        best[filled] = i;
        size[filled++] = c;
      } else if (c > size[m - 1]) {
        best[m - 1] = i;
        size[m - 1] = c;
      } else {
        continue;
      }
      for (int j = filled - 1; j > 0 && size[j] > size[j - 1]; j--) {
        double ts = size[j];
        size[j] = size[j - 1];
        size[j - 1] = ts;
        int tb = best[j];
        best[j] = best[j - 1];
        best[j - 1] = tb;
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < filled; j++) {
      int i = best[j];
      out.put(FeatureExtractor.DENSE.get(i), Math.round(dense[i] * standard(x[i], i) * 1000) / 1000.0);
    }
    return out;
  }

  /** Training settings. */
  /** {@code caseFold}: the feature option of {@link FeatureExtractor#FeatureExtractor(NgramLanguageModel, int, boolean)}. */
  record Settings(int epochs, double learningRate, double l2Dense, double l2Hashed, int hashBits, long seed, boolean caseFold) {
    Settings(int epochs, double learningRate, double l2Dense, double l2Hashed, int hashBits, long seed) {
      this(epochs, learningRate, l2Dense, l2Hashed, hashBits, seed, false);
    }

    static Settings defaults() {
      return new Settings(12, 0.2, 1e-4, 1e-6, 18, 42);
    }
  }

  static LogisticModel train(List<FeatureExtractor.Features> xs, boolean[] machine, Settings s) {
    return train(xs, machine, classBalance(machine), s);
  }

  /** Weights that give both classes the same total, so the prior of the training mix does not leak into scores. */
  static double[] classBalance(boolean[] machine) {
    long positives = 0;
    for (boolean m : machine) if (m) positives++;
    double posWeight = positives == 0 ? 1 : machine.length / (2.0 * positives);
    double negWeight = positives == machine.length ? 1 : machine.length / (2.0 * (machine.length - positives));
    double[] w = new double[machine.length];
    for (int i = 0; i < w.length; i++) w[i] = machine[i] ? posWeight : negWeight;
    return w;
  }

  /** @param weights one per example: its share of the loss */
  static LogisticModel train(List<FeatureExtractor.Features> xs, boolean[] machine, double[] weights, Settings s) {
    int d = FeatureExtractor.DENSE.size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (FeatureExtractor.Features f : xs) for (int k = 0; k < d; k++) mean[k] += f.dense()[k];
    for (int k = 0; k < d; k++) mean[k] /= Math.max(1, xs.size());
    for (FeatureExtractor.Features f : xs) for (int k = 0; k < d; k++) scale[k] += Math.pow(f.dense()[k] - mean[k], 2);
    for (int k = 0; k < d; k++) {
      scale[k] = Math.sqrt(scale[k] / Math.max(1, xs.size()));
      if (scale[k] < 1e-12) scale[k] = 1;
    }
    double[] w = new double[d];
    float[] h = s.hashBits() > 0 ? new float[1 << s.hashBits()] : new float[0];
    double[] gw = new double[d];
    float[] gh = new float[h.length];
    double b = 0, gb = 0;
    LogisticModel view = new LogisticModel(mean, scale, w, h, 0);
    int[] order = new int[xs.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Random rnd = new Random(s.seed());
    double[] z = new double[d];
    for (int epoch = 0; epoch < s.epochs(); epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i : order) {
        FeatureExtractor.Features f = xs.get(i);
        double margin = b;
        for (int k = 0; k < d; k++) {
          z[k] = view.standard(f.dense()[k], k);
          margin += w[k] * z[k];
        }
        int[] idx = f.hashedIndex();
        float[] val = f.hashedValue();
        if (h.length > 0) for (int k = 0; k < idx.length; k++) margin += h[idx[k]] * val[k];
        double y = machine[i] ? 1 : 0;
        double g = (sigmoid(margin) - y) * weights[i];
        for (int k = 0; k < d; k++) {
          double grad = g * z[k] + s.l2Dense() * w[k];
          gw[k] += grad * grad;
          w[k] -= s.learningRate() * grad / Math.sqrt(gw[k] + 1e-8);
        }
        if (h.length > 0) {
          for (int k = 0; k < idx.length; k++) {
            int j = idx[k];
            float grad = (float) (g * val[k] + s.l2Hashed() * h[j]);
            gh[j] += grad * grad;
            h[j] -= (float) (s.learningRate() * grad / Math.sqrt(gh[j] + 1e-8));
          }
        }
        gb += g * g;
        b -= s.learningRate() * g / Math.sqrt(gb + 1e-8);
      }
    }
    return new LogisticModel(mean, scale, w, h, b);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(dense.length);
    for (int k = 0; k < dense.length; k++) {
      out.writeDouble(mean[k]);
      out.writeDouble(scale[k]);
      out.writeDouble(dense[k]);
    }
    out.writeDouble(bias);
    out.writeInt(hashed.length);
    for (float v : hashed) out.writeFloat(v);
  }

  static LogisticModel read(DataInputStream in) throws IOException {
    int d = in.readInt();
    if (d != FeatureExtractor.DENSE.size()) {
      throw new IOException("the model has " + d + " features, this version of Winnow computes " + FeatureExtractor.DENSE.size()
          + ": retrain it with `winnow train-detector`");
    }
    double[] mean = new double[d], scale = new double[d], w = new double[d];
    for (int k = 0; k < d; k++) {
      mean[k] = in.readDouble();
      scale[k] = in.readDouble();
      w[k] = in.readDouble();
    }
    double b = in.readDouble();
    float[] h = new float[in.readInt()];
    for (int k = 0; k < h.length; k++) h[k] = in.readFloat();
    return new LogisticModel(mean, scale, w, h, b);
  }
}
