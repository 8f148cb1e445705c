package io.winnow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.winnow.io.AtomicFiles;
import io.winnow.io.FormatProvider;
import io.winnow.io.Formats;
import io.winnow.pipeline.OutputSpec;
import io.winnow.pipeline.Pipeline;
import io.winnow.report.RunStats;
import io.winnow.report.StepStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run folder as a Hugging Face dataset: {@code README.md} (a dataset card whose YAML header names the data files
 * of the split and lists {@code dataset_info}: features, example count, sizes) and {@code dataset_info.json} (the
 * same figures, plus under {@value AnnotationFields#INFO_KEY} which step wrote which field, so that a run on this
 * output knows its own annotations). Written when the run's output is complete; {@code huggingface-cli upload} of
 * the run folder (or of {@code data/}, README.md and dataset_info.json) publishes it.
 */
public final class DatasetCard {
  static final String INFO_FILE = "dataset_info.json";
  static final String CARD_FILE = "README.md";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private DatasetCard() {}

  /** The split the files hold: the configured split name, or {@code train} for the default file names. */
  static String splitName(OutputSpec out) {
    return out.split().equals("part") ? "train" : out.split();
  }

  public static void write(RunLayout layout, Pipeline pipeline, RunStats total) throws IOException {
    OutputSpec out = pipeline.output();
    List<Path> files = dataFiles(layout);
    long downloadSize = 0;
    for (Path f : files) downloadSize += Files.size(f);
    FormatProvider format = out.format().equals("jsonl") ? null : Formats.get(out.format());
    List<Map<String, Object>> features = format == null ? null : format.features(files);
    String split = splitName(out);

    ObjectNode info = JSON.createObjectNode();
    info.put("description", "Kept " + total.kept() + " of " + total.records() + " records: " + steps(pipeline));
    if (features != null) info.set("features", JSON.valueToTree(features));
    ObjectNode splits = info.putObject("splits");
    ObjectNode s = splits.putObject(split);
    s.put("name", split);
    s.put("num_examples", total.kept());
    s.put("num_bytes", total.bytesOut());
    info.put("download_size", downloadSize);
    info.put("dataset_size", total.bytesOut());
    ObjectNode winnow = info.putObject(AnnotationFields.INFO_KEY);
    winnow.put("records", total.records());
    winnow.put("kept", total.kept());
    winnow.put("dropped", total.dropped());
    winnow.put("rejected", total.rejected());
    winnow.put("annotation_prefix", out.annotationPrefix());
    ObjectNode annotations = winnow.putObject("annotations");
    total.annotations().forEach((field, step) -> annotations.put(outputName(out, field), step));
    AtomicFiles.write(layout.root().resolve(INFO_FILE), JSON.writeValueAsBytes(info));

    ObjectNode header = YAML.createObjectNode();
    ArrayNode configs = header.putArray("configs");
    ObjectNode config = configs.addObject();
    config.put("config_name", "default");
    config.putArray("data_files").addObject().put("split", split).put("path", "data/" + dataGlob(out, files));
    ObjectNode di = header.putObject("dataset_info");
    if (features != null) di.set("features", YAML.valueToTree(features));
    di.putArray("splits").addObject().put("name", split).put("num_bytes", total.bytesOut()).put("num_examples", total.kept());
    di.put("download_size", downloadSize);
    di.put("dataset_size", total.bytesOut());
    StringBuilder md = new StringBuilder("---\n").append(YAML.writeValueAsString(header)).append("---\n\n");
    md.append("# ").append(layout.root().toAbsolutePath().normalize().getFileName()).append("\n\n");
    md.append(String.format(Locale.ROOT, "%,d of %,d input records kept (%,d dropped, %,d rejected as unreadable), %,d bytes of text, in %d file%s.%n%n",
        total.kept(), total.records(), total.dropped(), total.rejected(), total.bytesOut(), files.size(), files.size() == 1 ? "" : "s"));
    md.append("| step | in | kept | dropped |\n|---|---:|---:|---:|\n");
    for (Map.Entry<String, StepStats> e : total.steps().entrySet()) {
      StepStats st = e.getValue();
      md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d |%n", e.getKey(), st.docsIn(), st.docsIn() - st.dropped(), st.dropped()));
    }
    if (!total.annotations().isEmpty()) {
      md.append("\nFields added by the steps:\n\n");
      total.annotations().forEach((field, step) -> md.append("- `").append(outputName(out, field)).append("` (step `").append(step).append("`)\n"));
    }
    md.append("\nThe decisions on every record are in `decisions/`, the statistics in `stats.json`.\n");
    AtomicFiles.write(layout.root().resolve(CARD_FILE), md.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String outputName(OutputSpec out, String field) {
    String p = out.annotationPrefix();
    return p.isEmpty() || field.startsWith(p) ? field : p + field;
  }

  private static String steps(Pipeline p) {
    List<String> ids = new ArrayList<>();
    p.steps().forEach(s -> ids.add(s.id()));
    return ids.isEmpty() ? "no steps" : "steps " + String.join(", ", ids);
  }

  /** The data files' pattern for the card: the re-partitioned split's, or every file of the format. */
  private static String dataGlob(OutputSpec out, List<Path> files) {
    if (out.repartitions()) return out.split() + "-*";
    if (files.isEmpty()) return "*";
    String name = files.get(0).getFileName().toString();
    int dot = name.indexOf('.');
    return "*" + (dot < 0 ? "" : name.substring(dot));
  }

  private static List<Path> dataFiles(RunLayout layout) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(layout.data())) return files;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(layout.data())) {
      for (Path p : s) if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith(AtomicFiles.TMP_SUFFIX)) files.add(p);
    }
    files.sort(null);
    return files;
  }
}
