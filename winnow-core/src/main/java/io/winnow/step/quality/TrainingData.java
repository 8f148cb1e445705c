package io.winnow.step.quality;

import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads training texts for the quality classifier through the project's readers (JSONL in any compression,
 * Parquet when the module is on the class path, WET/WARC): every text of a positive or negative file, or, from a
 * labelled file, the class given by a metadata field. A malformed record or a missing label is an error that names
 * its file and line: a training set with holes is not silently smaller.
 */
public final class TrainingData {
  private TrainingData() {}

  /** Every text of these files (or directories), all of one class. */
  public static List<QualityTrainer.Example> ofClass(List<String> paths, boolean positive, String textField) throws IOException {
    List<QualityTrainer.Example> out = new ArrayList<>();
    read(paths, textField, (r, text) -> out.add(new QualityTrainer.Example(text, positive)));
    return out;
  }

  /**
   * Texts whose class is the field {@code labelField}: positive when it equals {@code positiveLabel}, negative when
   * it equals {@code negativeLabel}, or, with no negative label given, whatever else it holds.
   */
  public static List<QualityTrainer.Example> labelled(List<String> paths, String textField, String labelField,
      String positiveLabel, String negativeLabel) throws IOException {
    List<QualityTrainer.Example> out = new ArrayList<>();
    read(paths, textField, (r, text) -> {
      Object label = r.document().metadata().get(labelField);
      if (label == null) throw new IllegalArgumentException(r.document().provenance().location() + ": no '" + labelField + "' field");
      String l = label.toString();
      if (l.equals(positiveLabel)) out.add(new QualityTrainer.Example(text, true));
      else if (negativeLabel == null || l.equals(negativeLabel)) out.add(new QualityTrainer.Example(text, false));
      else throw new IllegalArgumentException(r.document().provenance().location() + ": label '" + l + "' is neither '"
          + positiveLabel + "' nor '" + negativeLabel + "'");
    });
    return out;
  }

  private interface Sink {
    void accept(ReadResult r, String text);
  }

  private static void read(List<String> paths, String textField, Sink sink) throws IOException {
    for (Path file : InputFiles.expand(paths)) {
      String format = Objects.requireNonNullElse(InputFiles.formatOf(file), "jsonl");
      try (DocumentReader reader = DocumentReaders.open(file, format, null, textField, ReaderLimits.defaults(), b -> {})) {
        for (ReadResult r; (r = reader.next()) != null; ) {
          if (r.rejection() != null) throw new IOException("training data: " + r.rejection().message());
          sink.accept(r, r.document().text());
        }
      }
    }
  }
}
