package io.winnow.step.dedup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Document;
import io.winnow.step.CorpusStep;
import io.winnow.step.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the dedup steps share: the observer that records each document's key, keeper score, id and payload (a
 * signature, a content hash), the loading of the fitted removals and the fit's figures. Subclasses say what
 * the payload is and how candidates are grouped ({@link #fit}).
 */
abstract class DedupStep implements CorpusStep, GroupedDedup {
  /** Per worker and shard: computes payloads (may keep scratch buffers). */
  interface PayloadFunction {
    /** The document's payload, or null when it has none (too short, no field). */
    long[] payload(Document doc);

    /** The shingle set of the last payload, for verification; null when not collected. */
    default long[] lastSet() {
      return null;
    }
  }

  private final KeeperRule keeper;
  private final String noKeyNote;

  DedupStep(KeeperRule keeper, String noKeyNote) {
    this.keeper = keeper;
    this.noKeyNote = noKeyNote;
  }

  @Override
  public KeeperRule keeper() {
    return keeper;
  }

  @Override
  public String noKeyNote() {
    return noKeyNote;
  }

  @Override
  public java.util.function.Function<Document, long[]> newSigner() {
    PayloadFunction f = payloads();
    return f::payload;
  }

  /** The local fit's grouping, from {@link #groupKeys}: (group key, group << 40 | document index). */
  DedupFit.Grouper grouper() {
    int h = Observations.HEADER_LONGS;
    return (index, rec, sorter) -> groupKeys(rec, h, (group, hash) -> {
      try {
        sorter.add(hash, ((long) group << 40) | index);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  abstract int payloadWidth();

  abstract boolean storesSets();

  abstract PayloadFunction payloads();

  @Override
  public final Observer observer(Path dir, int shard) throws IOException {
    PayloadFunction f = payloads();
    Observations.Writer w = new Observations.Writer(dir, shard, payloadWidth(), storesSets());
    return new Observer() {
      @Override
      public void observe(Document doc) throws IOException {
        long[] payload = f.payload(doc);
        w.write(DocKey.of(doc), keeper.score(doc), doc.id(), payload, payload == null ? null : f.lastSet());
      }

      @Override
      public void commit() throws IOException {
        w.commit();
      }

      @Override
      public void close() throws IOException {
        w.close();
      }
    };
  }

  @Override
  public final Supplier<Step> load(Path dir) throws IOException {
    DuplicateFilter.State state = DuplicateFilter.load(dir, noKeyNote);
    return () -> new DuplicateFilter(state);
  }

  @Override
  public final Map<String, Object> fitStats(Path dir) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = new ObjectMapper().readValue(dir.resolve(DedupFit.FIT_JSON).toFile(), Map.class);
    return m;
  }
}
