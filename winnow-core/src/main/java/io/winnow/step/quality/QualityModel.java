package io.winnow.step.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.step.ModelFiles;
import io.winnow.step.ModelVersion;
import io.winnow.step.TrainingTexts;
import io.winnow.text.IntBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained quality classifier, fastText's supervised model: each hashed feature (see {@link HashedFeatures}) has
 * an embedding row; a text is the mean of its features' rows; a linear output layer ({@link Loss}) gives the
 * probability that the text belongs to the positive ("high quality") class; a {@link ShortTextPrior}, when the
 * model has one, lowers the margin of a stub. Immutable, shared by every worker.
 *
 * <p>File layout (gzip): the magic {@code WINNOW-QUALITY-1}, a JSON header (name, loss, dimension, feature options,
 * the short-text prior when there is one, training parameters and figures, number of training-text fingerprints), then the embedding rows that
 * are not zero, each as its index (delta from the previous, varint), a float scale and {@code dim} signed bytes
 * (row = scale × byte / 127), then the output layer as floats (rows, then biases), then the sorted fingerprints
 * of the training texts ({@link TrainingTexts}). Rows a training run never touched stay zero and cost nothing;
 * 8-bit rows keep a 2^18 × 16 model under 5 MB. Not fastText's {@code .bin}/{@code .ftz}: no maintained Java
 * reader of those exists, and fastText's tokeniser (split on ASCII white space) is not the project's.
 */
public final class QualityModel {
  public static final String BUILTIN = ModelFiles.BUILTIN;
  static final String BUILTIN_RESOURCE = "/winnow/quality/default-quality.bin";
  private static final String MAGIC = "WINNOW-QUALITY-1";
  private static final Map<String, QualityModel> CACHE = new ConcurrentHashMap<>();

  final String name;
  final Loss loss;
  final int dim;
  final FeatureOptions features;
  /** buckets × dim, row-major */
  final float[] input;
  /** outputs × dim, then outputs biases */
  final float[] output;
  final long[] trainingTexts;
  final ShortTextPrior shortTexts;
  /** training parameters and figures, as recorded in the header (JSON-friendly values) */
  final Map<String, Object> training;
  private String version;

  QualityModel(String name, Loss loss, int dim, FeatureOptions features, float[] input, float[] output,
      long[] trainingTexts, ShortTextPrior shortTexts, Map<String, Object> training) {
    if (input.length != (long) features.buckets() * dim) throw new IllegalArgumentException("input matrix size");
    if (output.length != loss.outputs() * (dim + 1)) throw new IllegalArgumentException("output layer size");
    this.name = name;
    this.loss = loss;
    this.dim = dim;
    this.features = features;
    this.input = input;
    this.output = output;
    this.trainingTexts = trainingTexts;
    this.shortTexts = shortTexts;
    this.training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
    this.bucketMargins = bucketMargins();
    this.bias = bias();
  }

  /** name@first-12-hex-of-sha256(file), set when the model is read from its bytes. */
  public String version() {
    return version;
  }

  public FeatureOptions features() {
    return features;
  }

  public ShortTextPrior shortTexts() {
    return shortTexts;
  }

  /** Whether this text (or a text with the same opening) was part of the model's training data. */
  public boolean trainedOn(String text) {
    return TrainingTexts.contains(trainingTexts, text);
  }

  /** A scorer for one thread. */
  public Scorer scorer() {
    return new Scorer();
  }

  /**
   * Each bucket's share of the positive class's margin: {@code w·row} (logistic) or {@code (w1 − w0)·row} (softmax
   * of two scores is the sigmoid of their difference). The output layer is linear and the hidden vector a mean, so
   * {@code w·mean(rows) + b = mean(w·row) + b}: scoring reads one float a feature from a table of 4 bytes a bucket
   * (1 MB for 2^18 buckets, about a core's L2 cache) instead of a {@code dim}-float row each from a
   * {@code buckets × dim} matrix (16 MB), which made scoring a cache miss a feature. Equal to the row-wise sum
   * up to float rounding.
   */
  private final float[] bucketMargins;
  /** b (logistic) or b1 − b0 (softmax) */
  private final double bias;

  private float[] bucketMargins() {
    float[] m = new float[features.buckets()];
    double[] w = new double[dim];
    for (int j = 0; j < dim; j++) w[j] = loss == Loss.SOFTMAX ? (double) output[dim + j] - output[j] : output[j];
    for (int b = 0; b < m.length; b++) {
      double s = 0;
      int row = b * dim;
      for (int j = 0; j < dim; j++) s += w[j] * input[row + j];
      m[b] = (float) s;
    }
    return m;
  }

  private double bias() {
    int at = loss.outputs() * dim;
    return loss == Loss.SOFTMAX ? (double) output[at + 1] - output[at] : output[at];
  }

  /**
   * Scores texts for one thread: the feature buffer is reused, so a score allocates nothing. The model is shared,
   * read-only, by every thread's scorer.
   */
  public final class Scorer {
    private final HashedFeatures extractor = new HashedFeatures(features);

    /** The probability that {@code text} is of the positive class. */
    public double score(String text) {
      IntBuffer ids = extractor.extract(text);
      int[] a = ids.array();
      int n = ids.size();
      double sum = 0;
      for (int i = 0; i < n; i++) sum += bucketMargins[a[i]];
      if (n > 1 << 16) extractor.release();
      double margin = (n > 0 ? bias + sum / n : bias) + shortTexts.marginShift(text);
      return 1 / (1 + Math.exp(-margin));
    }
  }

  /** The shipped model, or the model file at {@code location}; each loaded once per process. */
  public static QualityModel load(String location) {
    return CACHE.computeIfAbsent(location, l -> {
      byte[] bytes = ModelFiles.bytes(l, QualityModel.class, BUILTIN_RESOURCE, "quality model");
      try {
        return read(bytes, ModelFiles.where(l, "quality model"));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read quality model " + l + ": " + e.getMessage(), e);
      }
    });
  }

  static QualityModel read(byte[] bytes, String where) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16))) {
      ObjectNode h = ModelFiles.header(in, MAGIC, where, "quality model");
      int dim = h.path("dim").asInt();
      Loss loss = Loss.parse(h.path("loss").asText());
      ObjectNode f = (ObjectNode) h.path("features");
      FeatureOptions options = new FeatureOptions(f.path("buckets").asInt(), f.path("word_ngrams").asInt(),
          f.path("min_char_ngram").asInt(), f.path("max_char_ngram").asInt(), f.path("max_words").asInt(),
          f.path("line_shapes").asBoolean(false), f.path("token_shapes").asBoolean(false));
      if (dim < 1 || dim > 1024) throw new IOException(where + ": dimension " + dim + " out of range");
      float[] input = new float[options.buckets() * dim];
      int rows = in.readInt();
      int row = -1;
      byte[] q = new byte[dim];
      for (int r = 0; r < rows; r++) {
        row += readVarint(in);
        if (row < 0 || row >= options.buckets()) throw new IOException(where + ": embedding row " + row + " out of range");
        float scale = in.readFloat();
        in.readFully(q);
        for (int j = 0; j < dim; j++) input[row * dim + j] = scale * q[j] / 127f;
      }
      float[] output = new float[loss.outputs() * (dim + 1)];
      for (int i = 0; i < output.length; i++) output[i] = in.readFloat();
      JsonNode prior = h.path("short_text_prior");
      ShortTextPrior shortTexts = prior.isObject()
          ? new ShortTextPrior(prior.path("min_letters").asInt(), prior.path("penalty").asDouble())
          : ShortTextPrior.NONE;
      long[] trained = new long[h.path("training_texts").asInt(0)];
      for (int i = 0; i < trained.length; i++) trained[i] = in.readLong();
      @SuppressWarnings("unchecked")
      Map<String, Object> training = new ObjectMapper().convertValue(h.path("training"), Map.class);
      QualityModel m = new QualityModel(h.path("name").asText(), loss, dim, options, input, output, trained, shortTexts,
          training == null ? Map.of() : training);
      m.version = ModelVersion.of(m.name, bytes);
      return m;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IOException(where + " is truncated or not a gzip-compressed quality model: " + e.getMessage(), e);
    }
  }

  /** The model file's bytes; reading them back gives the model that scores (8-bit rows). */
  public byte[] toBytes() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode h = json.createObjectNode();
    h.put("name", name);
    h.put("loss", loss.code());
    h.put("dim", dim);
    ObjectNode f = h.putObject("features");
    f.put("buckets", features.buckets());
    f.put("word_ngrams", features.wordNgrams());
    f.put("min_char_ngram", features.minCharNgram());
    f.put("max_char_ngram", features.maxCharNgram());
    f.put("max_words", features.maxWords());
    if (features.lineShapes()) f.put("line_shapes", true);
    if (features.tokenShapes()) f.put("token_shapes", true);
    f.put("words", "io.winnow.text.LowercaseWordHashes");
    if (shortTexts.active()) {
      ObjectNode prior = h.putObject("short_text_prior");
      prior.put("min_letters", shortTexts.minLetters());
      prior.put("penalty", shortTexts.penalty());
    }
    h.putPOJO("training", training);
    h.put("training_texts", trainingTexts.length);
    byte[] header = json.writeValueAsBytes(h);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
      out.writeUTF(MAGIC);
      out.writeInt(header.length);
      out.write(header);
      int rows = 0;
      for (int r = 0; r < features.buckets(); r++) if (maxAbs(r) > 0) rows++;
      out.writeInt(rows);
      int last = -1;
      for (int r = 0; r < features.buckets(); r++) {
        float max = maxAbs(r);
        if (max == 0) continue;
        writeVarint(out, r - last);
        last = r;
        out.writeFloat(max);
        for (int j = 0; j < dim; j++) out.writeByte(Math.round(input[r * dim + j] / max * 127f));
      }
      for (float o : output) out.writeFloat(o);
      for (long t : trainingTexts) out.writeLong(t);
    }
    return bytes.toByteArray();
  }

  private float maxAbs(int row) {
    float m = 0;
    for (int j = 0; j < dim; j++) m = Math.max(m, Math.abs(input[row * dim + j]));
    return m;
  }

  private static void writeVarint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(DataInputStream in) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw new IOException("malformed varint");
  }
}
