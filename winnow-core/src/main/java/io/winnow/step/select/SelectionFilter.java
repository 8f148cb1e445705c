package io.winnow.step.select;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.step.Step;
import io.winnow.step.dedup.DocKey;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.io.UncheckedIOException;
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

  /**
   * The fitted state, loaded once and shared by the workers: the rank of each chosen document, and for a
   * near-copy the rank of the chosen one it resembles and its similarity in ten-thousandths (the precision
   * decisions report), packed in a long. The kept ids stay on disk ({@link ChosenIds}).
   */
  static final class State {
    final Long2IntOpenHashMap rank = new Long2IntOpenHashMap();
    final Long2LongOpenHashMap similar = new Long2LongOpenHashMap();
    ChosenIds ids;
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
    s.similar.defaultReturnValue(-1);
    forEach(dir.resolve(SelectStep.SIMILAR), (key, in) -> {
      int keptRank = in.readInt();
      long tenThousandths = Math.round(in.readDouble() * 1e4);
      s.similar.put(key, ((long) keptRank << 32) | tenThousandths);
    });
    s.ids = new ChosenIds(dir);
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
    long s = state.similar.get(key);
    if (s >= 0) {
      String keptId;
      try {
        keptId = state.ids.get((int) (s >>> 32));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Verdict.drop(Reason.TOO_SIMILAR, values("score", sc, "similar_to", keptId, "similarity", (s & 0xffffffffL) / 1e4));
    }
    return Verdict.drop(Reason.NOT_SELECTED, values("score", sc));
  }
}
