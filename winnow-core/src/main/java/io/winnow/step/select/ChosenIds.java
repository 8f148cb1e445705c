package io.winnow.step.select;

import io.winnow.io.AtomicFiles;
import io.winnow.io.PairSorter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The chosen documents' ids by rank, on disk: {@code chosen-ids.bin} holds the ids (a 4-byte length and UTF-8
 * bytes each) in input order, {@code chosen-ids.idx} one 8-byte offset per rank. Ids are written in input order
 * as the line files are read and the (rank, offset) pairs sorted within the sort buffer, so neither the fit nor
 * the apply phase holds the ids in memory; a lookup is two positional reads (safe from several threads).
 */
final class ChosenIds implements Closeable {
  static final String IDS = "chosen-ids.bin";
  static final String INDEX = "chosen-ids.idx";

  /** Collects the ids in any rank order; {@link #finish} writes the rank index. */
  static final class Writer implements Closeable {
    private final Path dir;
    private final DataOutputStream ids;
    private final PairSorter ranks;
    private long offset;

    Writer(Path dir, long memoryBytes) throws IOException {
      this.dir = dir;
      this.ids = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(dir.resolve(IDS))), 1 << 16));
      this.ranks = new PairSorter(dir.resolve("sort-ids"), memoryBytes);
    }

    void add(int rank, String id) throws IOException {
      byte[] b = id.getBytes(StandardCharsets.UTF_8);
      ids.writeInt(b.length);
      ids.write(b);
      ranks.add(rank, offset);
      offset += 4 + b.length;
    }

    void finish() throws IOException {
      ids.close();
      AtomicFiles.commit(AtomicFiles.tmp(dir.resolve(IDS)), dir.resolve(IDS));
      Path idx = dir.resolve(INDEX);
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(idx)), 1 << 16))) {
        ranks.drain((rank, off) -> out.writeLong(off));
      }
      AtomicFiles.commit(AtomicFiles.tmp(idx), idx);
    }

    @Override
    public void close() throws IOException {
      ids.close();
      ranks.close();
    }
  }

  private final FileChannel ids;
  private final FileChannel index;

  ChosenIds(Path dir) throws IOException {
    this.ids = FileChannel.open(dir.resolve(IDS), StandardOpenOption.READ);
    this.index = FileChannel.open(dir.resolve(INDEX), StandardOpenOption.READ);
  }

  /** The id of the document chosen at {@code rank} (1-based). */
  String get(int rank) throws IOException {
    ByteBuffer off = read(index, (rank - 1) * 8L, 8);
    long at = off.getLong();
    int len = read(ids, at, 4).getInt();
    return new String(read(ids, at + 4, len).array(), StandardCharsets.UTF_8);
  }

  private static ByteBuffer read(FileChannel c, long pos, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (c.read(b, pos + b.position()) < 0) throw new IOException("chosen ids end early at byte " + (pos + b.position()));
    }
    return b.flip();
  }

  @Override
  public void close() throws IOException {
    ids.close();
    index.close();
  }
}
