package io.winnow.report.diversity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The diversity figures of one corpus (see {@link DiversityProfiler} for what each one computes). Arrays indexed
 * by n hold n = 1..4 at positions 0..3. {@code machineShare} is null unless the corpus is a run whose stats hold a
 * slop step's {@code synthetic_share} estimate.
 *
 * @param spectrum the vocabulary's frequency spectrum, for rarefaction (see {@link Rarefaction})
 * @param checkpoints distinct-n at fixed word counts of the corpus's prefix, for comparison at equal size
 */
public record DiversityProfile(String name, long documents, long words, double entropyBits, long types, long hapax,
    double tailMass1k, double tailMass10k, double[] distinct, boolean distinctExact, double[] rep,
    double mattr500, String mattrScope, double compressionRatio, long compressionSampleBytes, double nearDuplicateRate,
    long signedDocuments, boolean bandKeysCapped, double slopWordsPer1k, Double machineShare, String machineShareStep,
    long overflowTokens, Spectrum spectrum, List<Checkpoint> checkpoints) {

  /** Distinct-n (n = 1..4 at 0..3) after the first {@code words} words; {@code index} is the grid position. */
  public record Checkpoint(int index, long words, double[] distinct) {}

  public double hapaxShare() {
    return types == 0 ? 0 : (double) hapax / types;
  }

  /** ∏ (1 − rep-n) for n = 2..4 (Su et al.'s diversity; rep-1 is left out, function words always repeat). */
  public double repDiversity() {
    double p = 1;
    for (int n = 2; n <= 4; n++) p *= 1 - rep[n - 1];
    return p;
  }

  public ObjectNode toJson(ObjectMapper m) {
    ObjectNode o = m.createObjectNode();
    o.put("name", name);
    o.put("documents", documents);
    o.put("words", words);
    o.put("entropy_bits", entropyBits);
    o.put("types", types);
    o.put("hapax", hapax);
    o.put("hapax_share", hapaxShare());
    o.put("tail_mass_1k", tailMass1k);
    o.put("tail_mass_10k", tailMass10k);
    for (int n = 1; n <= 4; n++) o.put("distinct_" + n, distinct[n - 1]);
    o.put("distinct_exact", distinctExact);
    for (int n = 1; n <= 4; n++) o.put("rep_" + n, rep[n - 1]);
    o.put("rep_diversity", repDiversity());
    if (Double.isNaN(mattr500)) o.putNull("mattr_500");
    else o.put("mattr_500", mattr500);
    o.put("mattr_scope", mattrScope);
    o.put("compression_ratio", compressionRatio);
    o.put("compression_sample_bytes", compressionSampleBytes);
    o.put("near_duplicate_rate", nearDuplicateRate);
    o.put("signed_documents", signedDocuments);
    o.put("band_keys_capped", bandKeysCapped);
    o.put("slop_words_per_1k", slopWordsPer1k);
    if (machineShare == null) o.putNull("machine_share");
    else o.put("machine_share", machineShare);
    if (machineShareStep != null) o.put("machine_share_step", machineShareStep);
    o.put("overflow_tokens", overflowTokens);
    ObjectNode s = o.putObject("spectrum");
    ArrayNode counts = s.putArray("counts");
    ArrayNode types = s.putArray("types");
    for (int i = 0; i < spectrum.counts().length; i++) {
      counts.add(spectrum.counts()[i]);
      types.add(spectrum.types()[i]);
    }
    ArrayNode cps = o.putArray("checkpoints");
    for (Checkpoint c : checkpoints) {
      ObjectNode cn = cps.addObject();
      cn.put("index", c.index());
      cn.put("words", c.words());
      ArrayNode d = cn.putArray("distinct");
      for (double v : c.distinct()) d.add(v);
    }
    return o;
  }

  public static DiversityProfile fromJson(JsonNode o) {
    double[] distinct = new double[4];
    double[] rep = new double[4];
    for (int n = 1; n <= 4; n++) {
      distinct[n - 1] = o.path("distinct_" + n).asDouble();
      rep[n - 1] = o.path("rep_" + n).asDouble();
    }
    JsonNode s = o.path("spectrum");
    long[] counts = new long[s.path("counts").size()];
    long[] types = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = s.path("counts").get(i).asLong();
      types[i] = s.path("types").get(i).asLong();
    }
    List<Checkpoint> cps = new ArrayList<>();
    for (JsonNode c : o.path("checkpoints")) {
      double[] d = new double[4];
      for (int i = 0; i < 4; i++) d[i] = c.path("distinct").path(i).asDouble();
      cps.add(new Checkpoint(c.path("index").asInt(), c.path("words").asLong(), d));
    }
    return new DiversityProfile(o.path("name").asText(), o.path("documents").asLong(), o.path("words").asLong(),
        o.path("entropy_bits").asDouble(), o.path("types").asLong(), o.path("hapax").asLong(),
        o.path("tail_mass_1k").asDouble(), o.path("tail_mass_10k").asDouble(), distinct,
        o.path("distinct_exact").asBoolean(), rep, o.path("mattr_500").isNull() ? Double.NaN : o.path("mattr_500").asDouble(),
        o.path("mattr_scope").asText(), o.path("compression_ratio").asDouble(), o.path("compression_sample_bytes").asLong(),
        o.path("near_duplicate_rate").asDouble(), o.path("signed_documents").asLong(), o.path("band_keys_capped").asBoolean(),
        o.path("slop_words_per_1k").asDouble(), o.path("machine_share").isNumber() ? o.path("machine_share").asDouble() : null,
        o.path("machine_share_step").isTextual() ? o.path("machine_share_step").asText() : null,
        o.path("overflow_tokens").asLong(), new Spectrum(counts, types), List.copyOf(cps));
  }
}
