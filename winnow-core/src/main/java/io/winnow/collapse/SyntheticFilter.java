package io.winnow.collapse;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs one of Winnow's corpus steps (observe, fit, apply, as the local engine does) over the human text a
 * pipeline holds followed by a synthetic sample, and keeps the synthetic sentences the step keeps. The human
 * text is observed first so that, with the keeper rule {@code first}, a synthetic copy of a human sentence is the
 * one dropped; the step's verdicts on human sentences are ignored, because held human text is never dropped.
 * The step's intermediate files go to a temporary directory, deleted afterwards.
 */
final class SyntheticFilter {
  private final CorpusStep step;

  SyntheticFilter(CorpusStep step) {
    this.step = step;
  }

  /** The indices (into {@code synthetic}) of the synthetic texts the step keeps, in order. */
  List<Integer> kept(List<String> human, List<String> synthetic) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("winnow-collapse-");
      try (CorpusStep.Observer o = step.observer(dir, 0)) {
        for (int i = 0; i < human.size(); i++) o.observe(human(i, human.get(i)));
        for (int i = 0; i < synthetic.size(); i++) o.observe(synthetic(i, synthetic.get(i)));
        o.commit();
      }
      step.fit(dir, 1);
      Step apply = step.load(dir).get();
      List<Integer> kept = new ArrayList<>();
      for (int i = 0; i < synthetic.size(); i++) {
        if (apply.apply(synthetic(i, synthetic.get(i))).action() != Action.DROP) kept.add(i);
      }
      return kept;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) delete(dir);
    }
  }

  private static Document human(int i, String text) {
    return Document.of("h" + i, text);
  }

  private static Document synthetic(int i, String text) {
    return Document.of("s" + i, text);
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
