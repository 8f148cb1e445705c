package io.winnow.tokens.export;

import io.winnow.io.AtomicFiles;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Megatron-LM's indexed dataset ({@code MMapIndexedDataset}): {@code PREFIX.bin} holds the token ids back to back,
 * {@code PREFIX.idx} the header ({@code MMIDIDX\0\0}, version 1, dtype code, sequence and document counts), each
 * sequence's length (int32) and byte offset (int64), and the document index (int64, one sequence per document,
 * starting at 0). Read by Megatron-LM, NeMo and datatrove's Megatron reader. Ids are uint16 below 65,500 tokens
 * in the vocabulary, else int32, as Megatron's {@code best_fitting_dtype} chooses.
 */
final class MegatronShardWriter implements TokenShardWriter {
  private static final byte[] MAGIC = "MMIDIDX\0\0".getBytes(StandardCharsets.US_ASCII);

  private final Path bin;
  private final Path idx;
  private final TokenWidth width;
  private final OutputStream out;
  private final IntArrayList lengths = new IntArrayList();
  private long tokens;

  MegatronShardWriter(Path prefix, int vocabularySize) throws IOException {
    this.bin = prefix.resolveSibling(prefix.getFileName() + ".bin");
    this.idx = prefix.resolveSibling(prefix.getFileName() + ".idx");
    this.width = vocabularySize < 65_500 ? TokenWidth.UINT16 : TokenWidth.INT32;
    this.out = new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(bin)), 1 << 16);
  }

  static byte dtypeCode(TokenWidth w) {
    return (byte) (w == TokenWidth.UINT16 ? 8 : 4);
  }

  @Override
  public void add(int[] ids) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(ids.length * width.bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int id : ids) width.put(b, id);
    out.write(b.array());
    lengths.add(ids.length);
    tokens += ids.length;
  }

  @Override
  public long tokens() {
    return tokens;
  }

  @Override
  public long documents() {
    return lengths.size();
  }

  @Override
  public List<Path[]> finish() throws IOException {
    out.close();
    int n = lengths.size();
    Path idxTmp = AtomicFiles.tmp(idx);
    try (OutputStream o = new BufferedOutputStream(AtomicFiles.create(idxTmp), 1 << 16)) {
      ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 8 + 1 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
      head.put(MAGIC).putLong(1).put(dtypeCode(width)).putLong(n).putLong(n + 1L);
      o.write(head.array());
      ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) o.write(b.clear().putInt(lengths.getInt(i)).array(), 0, 4);
      long pointer = 0;
      for (int i = 0; i < n; i++) {
        o.write(b.clear().putLong(pointer).array());
        pointer += (long) lengths.getInt(i) * width.bytes;
      }
      for (long d = 0; d <= n; d++) o.write(b.clear().putLong(d).array());
    }
    return List.of(new Path[] {AtomicFiles.tmp(bin), bin}, new Path[] {idxTmp, idx});
  }
}
