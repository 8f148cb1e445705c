package io.winnow.tokens.export;

import io.winnow.io.AtomicFiles;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * datatrove's tokenized file, as nanotron reads it: {@code NAME.ds} holds the token ids back to back (uint16 when
 * the vocabulary fits in 65,536 ids, else uint32: nanotron's {@code token_size} 2 or 4), {@code NAME.ds.index}
 * each document's end as a token offset (uint64), {@code NAME.ds.metadata} the tokenizer's name and the token count.
 */
final class DatatroveShardWriter implements TokenShardWriter {
  private final Path ds;
  private final Path index;
  private final Path metadata;
  private final String tokenizerName;
  private final TokenWidth width;
  private final OutputStream out;
  private final LongArrayList ends = new LongArrayList();
  private long tokens;

  DatatroveShardWriter(Path name, int vocabularySize, String tokenizerName) throws IOException {
    this.ds = name.resolveSibling(name.getFileName() + ".ds");
    this.index = name.resolveSibling(name.getFileName() + ".ds.index");
    this.metadata = name.resolveSibling(name.getFileName() + ".ds.metadata");
    this.tokenizerName = tokenizerName;
    this.width = vocabularySize <= 65_536 ? TokenWidth.UINT16 : TokenWidth.UINT32;
    this.out = new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(ds)), 1 << 16);
  }

  @Override
  public void add(int[] ids) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(ids.length * width.bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int id : ids) width.put(b, id);
    out.write(b.array());
    tokens += ids.length;
    ends.add(tokens);
  }

  @Override
  public long tokens() {
    return tokens;
  }

  @Override
  public long documents() {
    return ends.size();
  }

  /** The count with an SI prefix, as datatrove's third metadata line has it ({@code 1.23 MT}). */
  static String metric(long n) {
    String[] prefixes = {"", "k", "M", "G", "T", "P"};
    double v = n;
    int p = 0;
    while (v >= 1000 && p < prefixes.length - 1) {
      v /= 1000;
      p++;
    }
    return (p == 0 ? Long.toString(n) : String.format(java.util.Locale.ROOT, "%.3g", v)) + " " + prefixes[p] + "T";
  }

  @Override
  public List<Path[]> finish() throws IOException {
    out.close();
    Path indexTmp = AtomicFiles.tmp(index);
    try (OutputStream o = new BufferedOutputStream(AtomicFiles.create(indexTmp), 1 << 16)) {
      ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < ends.size(); i++) o.write(b.clear().putLong(ends.getLong(i)).array());
    }
    Path metadataTmp = AtomicFiles.tmp(metadata);
    try (OutputStream o = AtomicFiles.create(metadataTmp)) {
      o.write((tokenizerName + "\n" + tokens + "\n" + metric(tokens)).getBytes(StandardCharsets.UTF_8));
    }
    return List.of(new Path[] {AtomicFiles.tmp(ds), ds}, new Path[] {indexTmp, index}, new Path[] {metadataTmp, metadata});
  }
}
