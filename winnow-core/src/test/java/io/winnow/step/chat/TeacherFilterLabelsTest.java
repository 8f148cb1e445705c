package io.winnow.step.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.winnow.doc.Conversation.Branch;
import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.Formats;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.StepRegistry;
import io.winnow.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the teacher-output filters against hand labels of answers from the shipped instruction
 * sets (src/test/resources/chat/labels/teacher-filters.tsv, see the README there). Every answer a filter flags in
 * the shipped files must carry a label, so precision is measured over all of a filter's flags; recall over the
 * labelled positives. The figures are printed; the test holds each filter to precision ≥ 0.95.
 */
class TeacherFilterLabelsTest {
  static final Path LABELS = Path.of("src/test/resources/chat/labels/teacher-filters.tsv");
  static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("gpteacher/Toolformer/toolformer-dedupe-only-dataset.json", "alpaca");
    FILES.put("gpteacher/Roleplay/roleplay-simple-deduped-roleplay-dataset.json", "alpaca");
    FILES.put("llama-factory/data/identity.json", "alpaca");
    FILES.put("llama-factory/data/glaive_toolcall_en_demo.json", "sharegpt");
    FILES.put("llama-factory/data/dpo_en_demo.json", "preference");
  }

  record Label(String filter, String file, int record, String turn, boolean positive) {}

  static List<Label> labels() throws IOException {
    List<Label> out = new ArrayList<>();
    for (String line : Files.readAllLines(LABELS)) {
      if (line.startsWith("#") || line.isBlank()) continue;
      String[] f = line.split("\t");
      out.add(new Label(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4].equals("1")));
    }
    return out;
  }

  /** The label file's name for a turn: output, chosen, rejected or conversations[j]. */
  static String turnKey(Turn t) {
    if (t.branch() == Branch.CHOSEN) return "chosen";
    if (t.branch() == Branch.REJECTED) return "rejected";
    if (t.pointer() != null && t.pointer().startsWith("/conversations/")) return "conversations[" + t.pointer().split("/")[2] + "]";
    return t.sourceRole();
  }

  static List<Document> read(Path file, String format) throws IOException {
    List<Document> docs = new ArrayList<>();
    try (DocumentReader r = Formats.get(format).openReader(file, "id", "text", ReaderLimits.defaults())) {
      for (ReadResult res; (res = r.next()) != null;) docs.add(res.document());
    }
    return docs;
  }

  @Test
  void everyFilterKeepsPrecisionOnTheHandLabels() throws IOException {
    Path root = SharedData.require("data/instruct");
    Map<String, Boolean> label = new HashMap<>();
    for (Label l : labels()) label.put(l.filter + "|" + l.file + "|" + l.record + "|" + l.turn, l.positive);
    Map<String, List<Document>> docs = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : FILES.entrySet()) docs.put(f.getKey(), read(root.resolve(f.getKey()), f.getValue()));
    StepRegistry registry = StepRegistry.core();
    List<String> unlabelled = new ArrayList<>();
    Map<String, int[]> figures = new TreeMap<>(); // tp, fp, fn, labelled
    for (String filter : List.of(RefusalFilter.TYPE, SelfReferenceFilter.TYPE, PlaceholderFilter.TYPE, TruncationFilter.TYPE,
        RepetitionLoopFilter.TYPE, CodeBlockFilter.TYPE, RestatedPromptFilter.TYPE)) {
      TurnFilter step = (TurnFilter) registry.get(filter).document().apply(new Params(filter, new LinkedHashMap<>())).get();
      int[] fig = figures.computeIfAbsent(filter, k -> new int[4]);
      for (Map.Entry<String, List<Document>> f : docs.entrySet()) {
        for (int i = 0; i < f.getValue().size(); i++) {
          Document d = f.getValue().get(i);
          for (Turn t : d.conversation().turns()) {
            if (t.role() != Role.ASSISTANT) continue;
            String key = filter + "|" + f.getKey() + "|" + (i + 1) + "|" + turnKey(t);
            Boolean positive = label.get(key);
            boolean flagged = step.judgeTurn(d, t.index()) != null;
            if (flagged && positive == null) unlabelled.add(key);
            if (positive == null) continue;
            fig[3]++;
            if (flagged && positive) fig[0]++;
            else if (flagged) fig[1]++;
            else if (positive) fig[2]++;
          }
        }
      }
    }
    assertTrue(unlabelled.isEmpty(), "flagged answers without a label (label them by reading them): " + unlabelled);
    StringBuilder table = new StringBuilder("filter | labelled | positives | flagged | precision | recall\n");
    List<String> failing = new ArrayList<>();
    figures.forEach((filter, f) -> {
      int flagged = f[0] + f[1];
      double precision = flagged == 0 ? Double.NaN : (double) f[0] / flagged;
      double recall = f[0] + f[2] == 0 ? Double.NaN : (double) f[0] / (f[0] + f[2]);
      table.append(String.format("%s | %d | %d | %d | %.3f | %.3f%n", filter, f[3], f[0] + f[2], flagged, precision, recall));
      if (flagged > 0 && precision < 0.95) failing.add(filter);
    });
    System.out.println(table);
    assertTrue(failing.isEmpty(), "precision under 0.95: " + failing + "\n" + table);
  }
}
