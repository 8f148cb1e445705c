package io.winnow.step.slop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import io.winnow.step.ModelFiles;
import io.winnow.step.ModelVersion;
import io.winnow.step.TrainingTexts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained machine-text detector: the reference language model, the logistic regression, and what was learnt
 * about its scores on held-out data (score histograms of human and machine text, for the corpus-level mixture
 * estimate; the thresholds that give 1 % and 5 % false positives). Immutable and shared by every worker.
 *
 * <p>File layout (gzip): magic, a JSON header, the language model, the regression. The header declares the
 * feature options the model was trained with ({@code case_fold}, absent = false) and the languages it was trained
 * for ({@code languages}, absent = {@link #DEFAULT_LANGUAGES}): the step scores only text in those. The version printed in
 * provenance is the model's name plus the first 12 hex digits of the SHA-256 of the file's content, so two
 * different models never share a version.
 */
public final class DetectorModel {
  public static final String BUILTIN = ModelFiles.BUILTIN;
  static final String BUILTIN_RESOURCE = "/winnow/slop/default-detector.bin";
  private static final String MAGIC = "WINNOW-SLOP-1";
  private static final Map<String, DetectorModel> CACHE = new ConcurrentHashMap<>();
  /**
   * What a model file without a {@code languages} entry was trained for: the shipped model and every model of
   * {@code train-detector} so far were trained on English text only. The language guard knows English alone.
   */
  static final List<String> DEFAULT_LANGUAGES = List.of("en");

  final NgramLanguageModel lm;
  final LogisticModel regression;
  final int hashBits;
  /** feature option: sentences and style n-grams read without case (see {@link WordScan}) */
  final boolean caseFold;
  final List<String> languages;
  final ScoreHistograms histograms;
  final double thresholdAt1PercentFpr;
  final double thresholdAt5PercentFpr;
  final String name;
  /** For the corpus-level adjusted count; null in models trained before it was recorded. */
  final ShareCalibration calibration;
  /** Sorted fingerprints of the texts the model was trained on (see {@link TrainingTexts}). */
  final long[] trainingTexts;
  private String version;

  DetectorModel(NgramLanguageModel lm, LogisticModel regression, int hashBits, boolean caseFold, ScoreHistograms histograms,
      double thresholdAt1PercentFpr, double thresholdAt5PercentFpr, String name, ShareCalibration calibration, long[] trainingTexts) {
    this(lm, regression, hashBits, caseFold, DEFAULT_LANGUAGES, histograms, thresholdAt1PercentFpr, thresholdAt5PercentFpr, name,
        calibration, trainingTexts);
  }

  DetectorModel(NgramLanguageModel lm, LogisticModel regression, int hashBits, boolean caseFold, List<String> languages,
      ScoreHistograms histograms, double thresholdAt1PercentFpr, double thresholdAt5PercentFpr, String name,
      ShareCalibration calibration, long[] trainingTexts) {
    if (!languages.equals(DEFAULT_LANGUAGES)) {
      throw new IllegalArgumentException("the model declares languages " + languages + "; the slop step's language guard knows only " + DEFAULT_LANGUAGES);
    }
    this.lm = lm;
    this.regression = regression;
    this.hashBits = hashBits;
    this.caseFold = caseFold;
    this.languages = List.copyOf(languages);
    this.histograms = histograms;
    this.thresholdAt1PercentFpr = thresholdAt1PercentFpr;
    this.thresholdAt5PercentFpr = thresholdAt5PercentFpr;
    this.name = name;
    this.calibration = calibration;
    this.trainingTexts = trainingTexts;
  }

  /** Whether this text (or a text with the same opening) was part of the model's training data. */
  public boolean trainedOn(String text) {
    return TrainingTexts.contains(trainingTexts, text);
  }

  /**
   * The probability that a text is machine-generated, as the step gives it, or NaN for a text the step leaves
   * unscored for length (one window of fewer than {@code minWords} words). A text longer than a window is scored
   * window by window (the model was trained on windows) and the windows' margins averaged, so the score of a long
   * document does not drift with its length. Each window's features are extracted once.
   */
  double scoreIfLongEnough(FeatureExtractor fx, String text, int minWords) {
    return LogisticModel.sigmoid(margin(fx, text, minWords));
  }

  private double margin(FeatureExtractor fx, String text, int minWords) {
    java.util.List<String> windows = TextWindows.cutForScoring(text);
    double sum = 0;
    for (String w : windows) {
      FeatureExtractor.Features f = fx.extract(w);
      if (windows.size() == 1 && f.words() < minWords) return Double.NaN;
      sum += regression.margin(f);
    }
    return sum / windows.size();
  }

  public String version() {
    return version;
  }

  /** The languages the model was trained for (ISO 639-1), which the slop step scores. */
  public List<String> languages() {
    return languages;
  }

  public ScoreHistograms histograms() {
    return histograms;
  }

  /** A new feature extractor for one thread. */
  FeatureExtractor extractor() {
    return new FeatureExtractor(lm, hashBits, caseFold);
  }

  /** The shipped model, or the model file at {@code location}; each loaded once per process. */
  public static DetectorModel load(String location) {
    return CACHE.computeIfAbsent(location, l -> {
      byte[] bytes = ModelFiles.bytes(l, DetectorModel.class, BUILTIN_RESOURCE, "detector model");
      try {
        return read(bytes, ModelFiles.where(l, "detector model"));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read detector model " + l + ": " + e.getMessage(), e);
      }
    });
  }

  static DetectorModel read(byte[] bytes, String where) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16))) {
      ObjectNode h = ModelFiles.header(in, MAGIC, where, "detector model");
      NgramLanguageModel lm = NgramLanguageModel.read(in);
      LogisticModel lr = LogisticModel.read(in);
      List<String> languages = DEFAULT_LANGUAGES;
      if (h.has("languages")) {
        languages = new java.util.ArrayList<>();
        for (var l : h.path("languages")) languages.add(l.asText());
      }
      long[] trained = new long[h.path("training_texts").asInt(0)];
      for (int i = 0; i < trained.length; i++) trained[i] = in.readLong();
      DetectorModel m = new DetectorModel(lm, lr, h.path("hash_bits").asInt(), h.path("case_fold").asBoolean(false), languages,
          ScoreHistograms.fromJson(h.path("histograms")),
          h.path("threshold_fpr_1pct").asDouble(), h.path("threshold_fpr_5pct").asDouble(), h.path("name").asText(),
          ShareCalibration.fromJson(h.get("share_calibration")), trained);
      m.version = ModelVersion.of(m.name, bytes);
      return m;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IOException(where + " is truncated or not a gzip-compressed detector model: " + e.getMessage(), e);
    }
  }

  public byte[] toBytes() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode h = json.createObjectNode();
    h.put("name", name);
    h.put("hash_bits", hashBits);
    h.put("case_fold", caseFold);
    h.putPOJO("languages", languages);
    h.put("threshold_fpr_1pct", thresholdAt1PercentFpr);
    h.put("threshold_fpr_5pct", thresholdAt5PercentFpr);
    h.set("histograms", histograms.toJson(json));
    if (calibration != null) h.set("share_calibration", calibration.toJson(json));
    h.put("training_texts", trainingTexts.length);
    h.putPOJO("features", FeatureExtractor.DENSE);
    byte[] header = json.writeValueAsBytes(h);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
      out.writeUTF(MAGIC);
      out.writeInt(header.length);
      out.write(header);
      lm.write(out);
      regression.write(out);
      for (long t : trainingTexts) out.writeLong(t);
    }
    return bytes.toByteArray();
  }
}
