package io.winnow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.pipeline.OutputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the fields steps write into a document (annotations: {@code language}, {@code weight}, a quality score)
 * apart from the fields the input record came with. Steps write plain names and later steps read them so; what
 * this decides is what happens when a step writes a name the input record already has:
 *
 * <ul>
 *   <li>without {@code output.annotation_prefix}: the run fails, naming the field, the step and the document —
 *       except when the input is a Winnow run's output ({@code dataset_info.json} beside its {@code data/}) and
 *       that run's step of the same id wrote the field: re-running a pipeline on its own output replaces its
 *       own annotations;
 *   <li>with a prefix ({@code winnow.}): the step's value is what later steps see, but the output keeps the
 *       input's value under the plain name and writes every annotation as {@code <prefix><name>}. Input fields
 *       that already carry the prefix are annotations of an earlier run and are replaced.
 * </ul>
 *
 * <p>Which fields are the input's: the first {@link StagedRecord#inputFields} of the document's fields (readers
 * fill an insertion-ordered map; steps can only append new names), so nothing is copied per document unless a
 * step really replaces an input field.
 */
final class AnnotationFields {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The key of {@code dataset_info.json} under which a run lists its annotations and their steps. */
  static final String INFO_KEY = "winnow";

  private final String prefix;
  /** Field → step id of the run that wrote the input, when the input is a Winnow run's output. */
  private final Map<String, String> earlierOwners;
  /** Field → step id, every field a step of this chain wrote (for the dataset card). */
  final Map<String, String> written = new LinkedHashMap<>();

  AnnotationFields(String prefix, Map<String, String> earlierOwners) {
    this.prefix = prefix;
    this.earlierOwners = earlierOwners;
  }

  /** The policy for a shard read from {@code inputFile}. */
  static AnnotationFields forInput(OutputSpec out, Path inputFile) {
    return new AnnotationFields(out.annotationPrefix(), earlierOwners(inputFile));
  }

  /**
   * The annotations a Winnow run recorded for the files of its {@code data/} folder ({@code <run>/dataset_info.json},
   * key {@value #INFO_KEY}.annotations); empty for any other input.
   */
  static Map<String, String> earlierOwners(Path inputFile) {
    Map<String, String> owners = new LinkedHashMap<>();
    if (inputFile == null) return owners;
    Path dataDir = inputFile.toAbsolutePath().getParent();
    if (dataDir == null || dataDir.getParent() == null || !dataDir.getFileName().toString().equals("data")) return owners;
    Path info = dataDir.getParent().resolve(DatasetCard.INFO_FILE);
    if (!Files.isRegularFile(info)) return owners;
    try {
      JsonNode n = JSON.readTree(info.toFile()).path(INFO_KEY).path("annotations");
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        owners.put(e.getKey(), e.getValue().asText());
      }
    } catch (IOException e) {
      throw new RunFailedException(info + " cannot be read (" + e.getMessage() + "): it should list which step wrote which field");
    }
    return owners;
  }

  /** The input fields' names and values before the steps run, or null when there is nothing to guard. */
  Snapshot snapshot(StagedRecord r) {
    int n = r.inputFields;
    if (n <= 0) return n < 0 ? null : new Snapshot(new String[0], new Object[0], 0);
    String[] keys = new String[n];
    Object[] values = new Object[n];
    int i = 0;
    for (Map.Entry<String, Object> e : r.doc.metadata().entrySet()) {
      if (i == n) break;
      keys[i] = e.getKey();
      values[i++] = e.getValue();
    }
    return new Snapshot(keys, values, r.doc.metadata().size());
  }

  /** After step {@code stepId}: records the names it added, and handles an input field it replaced. */
  void afterStep(StagedRecord r, String stepId, Snapshot s) {
    Map<String, Object> m = r.doc.metadata();
    if (m.size() > s.size) {
      int i = 0;
      for (String k : m.keySet()) if (i++ >= s.size) written.putIfAbsent(k, stepId);
      s.size = m.size();
    }
    for (int i = 0; i < s.keys.length; i++) {
      String k = s.keys[i];
      Object now = m.get(k);
      if (now == s.values[i] || now == null) continue;
      replaced(r, stepId, k, s.values[i]);
      s.values[i] = now;
    }
  }

  private void replaced(StagedRecord r, String stepId, String field, Object inputValue) {
    written.putIfAbsent(field, stepId);
    if (prefix.isEmpty()) {
      if (stepId.equals(earlierOwners.get(field))) return; // the same step wrote it in the run this input came from
      Document d = r.doc;
      String earlier = earlierOwners.get(field);
      throw new RunFailedException("step '" + stepId + "' writes the field '" + field + "', which document " + d.id() + " ("
          + d.provenance().location() + ") already has from its input"
          + (earlier == null ? "" : " (written there by step '" + earlier + "')")
          + ": set output.annotation_prefix (e.g. \"winnow.\") to write annotations as winnow." + field
          + " beside the input's fields, or rename the input field");
    }
    if (field.startsWith(prefix)) return; // an annotation of an earlier run, under this run's prefix: replaced
    if (r.shadowed == null) r.shadowed = new LinkedHashMap<>();
    r.shadowed.putIfAbsent(field, inputValue);
  }

  /**
   * The document's fields as the output holds them: with a prefix, the input's fields with their input values,
   * then every annotation as {@code <prefix><name>} (replacing an input field of that name). Called once, before
   * the document is written.
   */
  void finish(StagedRecord r) {
    if (prefix.isEmpty() || r.inputFields < 0) return;
    Map<String, Object> m = r.doc.metadata();
    int n = r.inputFields;
    Map<String, Object> shadowed = r.shadowed == null ? Map.of() : r.shadowed;
    if (m.size() == n && shadowed.isEmpty()) return;
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> annotations = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String k = e.getKey();
      if (i++ < n && !shadowed.containsKey(k)) {
        out.put(k, e.getValue());
        continue;
      }
      if (shadowed.containsKey(k)) out.put(k, shadowed.get(k));
      annotations.put(k.startsWith(prefix) ? k : prefix + k, e.getValue());
    }
    out.putAll(annotations);
    m.clear();
    m.putAll(out);
    r.inputFields = -1; // done: the fields are now the output's
    r.shadowed = null;
  }

  /** The input fields of one document as they were before the current step. */
  static final class Snapshot {
    final String[] keys;
    final Object[] values;
    int size;

    Snapshot(String[] keys, Object[] values, int size) {
      this.keys = keys;
      this.values = values;
      this.size = size;
    }
  }
}
