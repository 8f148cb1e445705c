package io.winnow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.winnow.doc.Action;
import io.winnow.doc.Conversation;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.AtomicFiles;
import io.winnow.io.CountingInputStream;
import io.winnow.io.Rejection;
import io.winnow.report.RunStats;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The hand-over between the passes over one shard: the observe pass of a corpus step writes every input record
 * here, in input order, with the state it reached (see {@link StagedRecord}), and the next pass reads it instead
 * of the input file, so the steps before the corpus step run once per document, not once per pass. The last
 * record carries the counters of the steps that ran so far, which the final pass adds to its own.
 *
 * <p>zstd-compressed binary records (level 1: the file is read once, soon), written to a temporary name and
 * renamed when complete, so a file that exists is whole.
 */
final class StageFile {
  private static final byte[] MAGIC = "WINNOW-STAGE-2\n".getBytes(StandardCharsets.US_ASCII);
  private static final int END = 0, LIVE = 1, DROPPED = 2, REJECTED = 3, DROPPED_WHOLE = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private StageFile() {}

  /** Writes one shard's stage; {@link #commit} makes it visible under its name. */
  static final class Writer implements Closeable {
    private final Path target;
    private final DataOutputStream out;
    private boolean closed;

    private final boolean keepDropped;

    /** @param keepDropped write dropped documents whole (text, fields), not only their id and provenance */
    Writer(Path target, boolean keepDropped) throws IOException {
      this.keepDropped = keepDropped;
      this.target = target;
      Files.createDirectories(target.getParent());
      this.out = new DataOutputStream(new BufferedOutputStream(
          new ZstdOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(target)), 1 << 16), 1), 1 << 16));
      out.write(MAGIC);
    }

    void write(StagedRecord r) throws IOException {
      switch (r.state) {
        case LIVE -> {
          out.writeByte(LIVE);
          writeDocument(r.doc);
          writeFigures(r);
        }
        case DROPPED -> {
          if (keepDropped) {
            out.writeByte(DROPPED_WHOLE);
            writeDocument(r.doc);
          } else {
            out.writeByte(DROPPED);
            StagedValues.writeString(out, r.doc.id());
            writeProvenance(r.doc.provenance());
          }
          writeFigures(r);
        }
        case REJECTED -> {
          out.writeByte(REJECTED);
          Rejection j = r.rejection;
          StagedValues.writeNullable(out, j.id());
          StagedValues.writeString(out, j.location());
          StagedValues.writeString(out, j.reason().name());
          StagedValues.writeNullable(out, j.detail());
        }
      }
    }

    /** Ends the file with the counters of the steps run so far and renames it to its final name. */
    void commit(RunStats stepCounters) throws IOException {
      out.writeByte(END);
      StagedValues.writeString(out, JSON.writeValueAsString(stepCounters.toJson(JSON)));
      closed = true;
      out.close();
      AtomicFiles.commit(AtomicFiles.tmp(target), target);
    }

    private void writeFigures(StagedRecord r) throws IOException {
      out.writeLong(r.bytesIn);
      out.writeLong(r.wordsIn);
      out.writeLong(r.tokensIn);
      out.writeBoolean(r.modified);
      out.writeInt(r.inputFields);
      StagedValues.writeMap(out, r.shadowed == null ? java.util.Map.of() : r.shadowed);
      out.writeInt(r.trail.size());
      for (Decision d : r.trail) {
        StagedValues.writeString(out, d.step());
        out.writeByte(d.action().ordinal());
        StagedValues.writeNullable(out, d.reason());
        StagedValues.writeMap(out, d.values());
      }
    }

    private void writeDocument(Document doc) throws IOException {
      StagedValues.writeString(out, doc.id());
      StagedValues.writeString(out, doc.text());
      StagedValues.writeMap(out, doc.metadata());
      writeProvenance(doc.provenance());
      Conversation c = doc.conversation();
      out.writeBoolean(c != null);
      if (c != null) writeConversation(doc, c);
    }

    private void writeProvenance(Provenance p) throws IOException {
      StagedValues.writeString(out, p.source());
      out.writeLong(p.position());
      out.writeByte(p.positionKind().ordinal());
    }

    private void writeConversation(Document doc, Conversation c) throws IOException {
      if (c.origin() != null) {
        throw new IOException("document " + doc.id() + " (" + doc.provenance().location() + "): conversations read from "
            + c.origin().getClass().getSimpleName() + " cannot be staged between the passes of a corpus step; "
            + "convert the input to JSON Lines first");
      }
      StagedValues.writeString(out, c.format());
      out.writeBoolean(c.fromArray());
      out.writeBoolean(c.modified());
      byte[] original = c.originalRecord();
      out.writeInt(original == null ? -1 : original.length);
      if (original != null) out.write(original);
      byte[] record = c.record() == null ? null : JSON.writeValueAsBytes(c.record());
      out.writeInt(record == null ? -1 : record.length);
      if (record != null) out.write(record);
      out.writeInt(c.turns().size());
      for (Conversation.Turn t : c.turns()) {
        out.writeInt(t.index());
        out.writeByte(t.role() == null ? -1 : t.role().ordinal());
        StagedValues.writeNullable(out, t.sourceRole());
        StagedValues.writeString(out, t.content());
        out.writeByte(t.branch() == null ? -1 : t.branch().ordinal());
        StagedValues.writeNullable(out, t.pointer());
      }
    }

    /** Leaves an unfinished file under its temporary name (an aborted pass). */
    @Override
    public void close() throws IOException {
      if (closed) return;
      closed = true;
      out.close();
    }
  }

  /** Reads one shard's stage, record by record. */
  static final class Reader implements Closeable {
    private final Path file;
    private final DataInputStream in;
    private RunStats stepCounters;

    Reader(Path file, LongConsumer onRawBytes) throws IOException {
      this.file = file;
      if (!Files.exists(file)) {
        throw new RunFailedException(file + " is missing: the pass that wrote it completed, but its output is gone; "
            + "start the run again in a new output directory");
      }
      this.in = new DataInputStream(new BufferedInputStream(new ZstdInputStream(
          new CountingInputStream(Files.newInputStream(file), onRawBytes)), 1 << 16));
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) throw new IOException(file + " is not a stage file of this version");
    }

    /** The next record, or null after the last (then {@link #stepCounters} holds the counters). */
    StagedRecord next() throws IOException {
      if (stepCounters != null) return null;
      try {
        int kind = in.readUnsignedByte();
        switch (kind) {
          case LIVE -> {
            Document doc = readDocument();
            return readFigures(doc);
          }
          case DROPPED -> {
            String id = StagedValues.readString(in);
            StagedRecord r = readFigures(new Document(id, "", null, readProvenance()));
            r.drop();
            return r;
          }
          case DROPPED_WHOLE -> {
            StagedRecord r = readFigures(readDocument());
            r.drop();
            return r;
          }
          case REJECTED -> {
            String id = StagedValues.readNullable(in);
            String location = StagedValues.readString(in);
            Rejection.Reason reason = Rejection.Reason.valueOf(StagedValues.readString(in));
            return StagedRecord.rejected(new Rejection(id, location, reason, StagedValues.readNullable(in)));
          }
          case END -> {
            JsonNode n = JSON.readTree(StagedValues.readString(in));
            stepCounters = RunStats.fromJson(n);
            return null;
          }
          default -> throw new IOException(file + " is damaged: unknown record kind " + kind);
        }
      } catch (EOFException e) {
        throw new IOException(file + " is damaged: it ends before its last record", e);
      }
    }

    /** The counters of the steps that ran before this file was written; null before the end is read. */
    RunStats stepCounters() {
      return stepCounters;
    }

    private StagedRecord readFigures(Document doc) throws IOException {
      long bytesIn = in.readLong();
      long wordsIn = in.readLong();
      long tokensIn = in.readLong();
      boolean modified = in.readBoolean();
      int inputFields = in.readInt();
      java.util.Map<String, Object> shadowed = StagedValues.readMap(in);
      int n = in.readInt();
      List<Decision> trail = new ArrayList<>(n + 4);
      Action[] actions = Action.values();
      for (int i = 0; i < n; i++) {
        String step = StagedValues.readString(in);
        Action action = actions[in.readUnsignedByte()];
        String reason = StagedValues.readNullable(in);
        trail.add(new Decision(step, action, reason, StagedValues.readMap(in)));
      }
      StagedRecord r = StagedRecord.live(doc, bytesIn, wordsIn, tokensIn, modified, trail);
      r.inputFields = inputFields;
      if (!shadowed.isEmpty()) r.shadowed = shadowed;
      return r;
    }

    private Document readDocument() throws IOException {
      String id = StagedValues.readString(in);
      String text = StagedValues.readString(in);
      Document doc = new Document(id, text, StagedValues.readMap(in), readProvenance());
      if (in.readBoolean()) doc.setConversation(readConversation());
      return doc;
    }

    private Provenance readProvenance() throws IOException {
      String source = StagedValues.readString(in);
      long position = in.readLong();
      return new Provenance(source, position, Provenance.PositionKind.values()[in.readUnsignedByte()]);
    }

    private Conversation readConversation() throws IOException {
      String format = StagedValues.readString(in);
      boolean fromArray = in.readBoolean();
      boolean modified = in.readBoolean();
      byte[] original = readBytes();
      byte[] recordJson = readBytes();
      Object record = recordJson == null ? null : JSON.readTree(recordJson);
      int n = in.readInt();
      List<Conversation.Turn> turns = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = in.readInt();
        byte role = in.readByte();
        String sourceRole = StagedValues.readNullable(in);
        String content = StagedValues.readString(in);
        byte branch = in.readByte();
        String pointer = StagedValues.readNullable(in);
        turns.add(new Conversation.Turn(index, role < 0 ? null : Conversation.Role.values()[role], sourceRole, content,
            branch < 0 ? null : Conversation.Branch.values()[branch], pointer));
      }
      return Conversation.restored(format, fromArray, original, record, turns, modified);
    }

    private byte[] readBytes() throws IOException {
      int n = in.readInt();
      if (n < 0) return null;
      byte[] b = new byte[n];
      in.readFully(b);
      return b;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
