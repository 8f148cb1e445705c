package io.winnow.io.chat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Conversation;
import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.io.Compression;
import io.winnow.io.DocumentWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes kept conversation documents in the format and container they were read in: an untouched record as
 * its original bytes, a record with rewritten turns serialised again (compact in JSON Lines, indented in a JSON
 * array). A shard's file is a JSON array when its documents came from one, JSON Lines otherwise; files roll
 * after {@code maxFileBytes} and are renamed into place on {@link #commit()}.
 */
final class ConversationWriter implements DocumentWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter COMPACT = JSON.writer();
  private static final ObjectWriter INDENTED = JSON.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
      .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")));
  private static final byte[] ARRAY_OPEN = "[\n  ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ARRAY_NEXT = ",\n  ".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ARRAY_CLOSE = "\n]\n".getBytes(StandardCharsets.UTF_8);

  private final Path dir;
  private final String base;
  private final Compression compression;
  private final long maxFileBytes;
  private final List<Path> finished = new ArrayList<>();
  private OutputStream out;
  private Path current;
  private boolean array;
  private long written;
  private long records;
  private int sequence;

  private final String compressionName;
  private final long rowGroupBytes;
  /** Writers of the non-JSON containers records came from, opened on their first record. */
  private final Map<ConversationContainer, DocumentWriter> containerWriters = new LinkedHashMap<>();

  ConversationWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes) {
    this.dir = dir;
    this.base = base;
    this.compressionName = compression;
    this.compression = Compression.parse(compression);
    this.maxFileBytes = maxFileBytes;
    this.rowGroupBytes = rowGroupBytes;
  }

  @Override
  public void write(Document doc) throws IOException {
    Conversation c = doc.conversation();
    if (c == null) {
      throw new IOException("document " + doc.id() + " (" + doc.provenance().location() + ") has no turns: a conversation output "
          + "format needs input read with a conversation format (openai, sharegpt, alpaca, preference or chat)");
    }
    if (!doc.text().equals(c.joinedText())) {
      throw new IOException("document " + doc.id() + ": a step changed its text outside its turns; wrap text-changing steps "
          + "in a 'turns' step so that the change lands in the turns of the record");
    }
    if (c.origin() != null) {
      containerWriter(c).write(doc);
      return;
    }
    if (out != null && c.fromArray() != array) closeCurrent();
    if (out == null) open(c.fromArray());
    byte[] bytes = c.modified() ? serialise(c) : c.originalRecord();
    byte[] sep = array ? (records == 0 ? ARRAY_OPEN : ARRAY_NEXT) : null;
    if (sep != null) put(sep);
    put(bytes);
    if (!array) put(new byte[] {'\n'});
    records++;
    if (written >= maxFileBytes) closeCurrent();
  }

  private DocumentWriter containerWriter(Conversation c) throws IOException {
    for (ConversationContainer k : ConversationFormat.CONTAINERS) {
      if (k.wrote(c)) return containerWriters.computeIfAbsent(k, x -> x.openWriter(dir, base, compressionName, maxFileBytes, rowGroupBytes));
    }
    throw new IOException("no container writes records of origin " + c.origin().getClass().getName());
  }

  private byte[] serialise(Conversation c) throws IOException {
    ObjectNode rec = ConversationRecords.rewritten(c);
    return (c.fromArray() ? INDENTED : COMPACT).writeValueAsBytes(rec);
  }

  private void put(byte[] b) throws IOException {
    out.write(b);
    written += b.length;
  }

  private void open(boolean asArray) throws IOException {
    array = asArray;
    current = dir.resolve(String.format("%s-%03d.%s%s", base, sequence++, asArray ? "json" : "jsonl", compression.extension()));
    out = compression.compress(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(current)), 1 << 16));
    written = 0;
    records = 0;
  }

  private void closeCurrent() throws IOException {
    if (array) out.write(records == 0 ? "[]\n".getBytes(StandardCharsets.UTF_8) : ARRAY_CLOSE);
    out.close();
    finished.add(current);
    out = null;
  }

  @Override
  public List<Path> commit() throws IOException {
    if (out != null) closeCurrent();
    for (Path p : finished) AtomicFiles.commit(AtomicFiles.tmp(p), p);
    List<Path> all = new ArrayList<>(finished);
    for (DocumentWriter w : containerWriters.values()) all.addAll(w.commit());
    return List.copyOf(all);
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
    for (DocumentWriter w : containerWriters.values()) w.close();
  }
}
