package io.winnow.step.select;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.step.Step;
import io.winnow.step.dedup.DocKey;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The apply phase of {@link SelectStep}: keeps the chosen documents (their decision gives rank and score) and
 * drops the rest, naming for a skipped near-copy the chosen document it resembles.
 */
public final class SelectionFilter implements Step {
  public enum Reason implements ReasonCode {
    /** Ranked below the cut. */
    NOT_SELECTED,
    /** Ranked high enough, but too similar to a document chosen before it. */
    TOO_SIMILAR;
  }

  record Similar(String keptId, double similarity) {}

  /** The fitted state, loaded once and shared by the workers. */
  static final class State {
    final Long2IntOpenHashMap rank = new Long2IntOpenHashMap();
    final Long2ObjectOpenHashMap<Similar> similar = new Long2ObjectOpenHashMap<>();
  }

  private final State state;
  private final ScoreExpression score;

  SelectionFilter(State state, ScoreExpression score) {
    this.state = state;
    this.score = score;
  }

  static State load(Path dir) throws IOException {
    State s = new State();
    forEach(dir.resolve(SelectStep.SELECTED), (key, in) -> {
      s.rank.put(key, in.readInt());
      in.readUTF(); // the id, for readers of the file; documents are matched by key
    });
    forEach(dir.resolve(SelectStep.SIMILAR), (key, in) -> {
      String kept = in.readUTF();
      s.similar.put(key, new Similar(kept, in.readDouble()));
    });
    return s;
  }

  private interface RecordReader {
    void read(long key, DataInputStream rest) throws IOException;
  }

  /** Reads a file of records that each start with a document key, to its end. */
  private static void forEach(Path file, RecordReader reader) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      while (true) {
        long key;
        try {
          key = in.readLong();
        } catch (EOFException end) {
          return;
        }
        reader.read(key, in);
      }
    }
  }

  @Override
  public Verdict apply(Document doc) {
    long key = DocKey.of(doc);
    double sc = SelectionFit.round(score.score(doc));
    int r = state.rank.getOrDefault(key, 0);
    if (r > 0) return Verdict.keep(values("rank", r, "score", sc));
    Similar s = state.similar.get(key);
    if (s != null) return Verdict.drop(Reason.TOO_SIMILAR, values("score", sc, "similar_to", s.keptId(), "similarity", SelectionFit.round(s.similarity())));
    return Verdict.drop(Reason.NOT_SELECTED, values("score", sc));
  }
}
