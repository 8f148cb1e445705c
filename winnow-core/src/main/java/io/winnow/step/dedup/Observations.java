package io.winnow.step.dedup;

import io.winnow.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The observation files of a dedup step, per shard under {@code observe/}: fixed-width records
 * ({@code part-NNNNN.bin}: key, score, id offset, flags, sets offset, then {@code width} payload longs such as a
 * MinHash signature), the ids ({@code part-NNNNN.ids}, length-prefixed UTF-8) and, when candidate pairs are
 * verified, each document's sorted shingle hashes ({@code part-NNNNN.sets}). Fixed width gives random access by
 * document index when the fit needs a signature, an id or a shingle set again.
 */
final class Observations {
  static final int HEADER_LONGS = 5;
  static final long FLAG_PAYLOAD = 1;

  private Observations() {}

  static Path dir(Path stepDir) {
    return stepDir.resolve("observe");
  }

  static Path records(Path stepDir, int shard) {
    return dir(stepDir).resolve(String.format("part-%05d.bin", shard));
  }

  static Path ids(Path stepDir, int shard) {
    return dir(stepDir).resolve(String.format("part-%05d.ids", shard));
  }

  static Path sets(Path stepDir, int shard) {
    return dir(stepDir).resolve(String.format("part-%05d.sets", shard));
  }

  /** Writes one shard's observations under temporary names; {@link #commit()} renames them. */
  static final class Writer implements Closeable {
    private final Path records;
    private final Path ids;
    private final Path sets;
    private final DataOutputStream rec;
    private final DataOutputStream idOut;
    private final DataOutputStream setOut;
    private final int width;
    /** One record, built whole and written with one call (big-endian, as DataOutputStream writes). */
    private final ByteBuffer record;
    private long idOffset;
    private long setOffset;

    /** @param withSets also write shingle sets (for verification) */
    Writer(Path stepDir, int shard, int width, boolean withSets) throws IOException {
      Files.createDirectories(dir(stepDir));
      this.records = records(stepDir, shard);
      this.ids = ids(stepDir, shard);
      this.sets = withSets ? sets(stepDir, shard) : null;
      this.width = width;
      this.record = ByteBuffer.allocate(8 * (HEADER_LONGS + width));
      rec = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(records)), 1 << 16));
      idOut = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(ids)), 1 << 16));
      setOut = withSets ? new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(sets)), 1 << 16)) : null;
    }

    /**
     * @param payload {@code width} longs, or null when the document has none (e.g. too short to sign)
     * @param set the document's sorted, distinct shingle hashes (only when writing sets)
     */
    void write(long key, double score, String id, long[] payload, long[] set) throws IOException {
      byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
      ByteBuffer r = record.clear();
      r.putLong(key);
      r.putLong(Double.doubleToLongBits(score));
      r.putLong(idOffset);
      r.putLong(payload == null ? 0 : FLAG_PAYLOAD);
      r.putLong(setOut != null && set != null ? setOffset : -1);
      for (int i = 0; i < width; i++) r.putLong(payload == null ? 0 : payload[i]);
      rec.write(r.array(), 0, r.position());
      idOut.writeInt(idBytes.length);
      idOut.write(idBytes);
      idOffset += 4 + idBytes.length;
      if (setOut != null && set != null) {
        setOut.writeInt(set.length);
        for (long h : set) setOut.writeLong(h);
        setOffset += 4 + 8L * set.length;
      }
    }

    void commit() throws IOException {
      close();
      if (sets != null) AtomicFiles.commit(AtomicFiles.tmp(sets), sets);
      AtomicFiles.commit(AtomicFiles.tmp(ids), ids);
      AtomicFiles.commit(AtomicFiles.tmp(records), records);
    }

    @Override
    public void close() throws IOException {
      rec.close();
      idOut.close();
      if (setOut != null) setOut.close();
    }
  }

  /** Random and sequential access to the observations of several shards, numbered 0..size-1 in order. */
  static final class Table implements Closeable {
    private final int width;
    private final int recordBytes;
    private final List<FileChannel> records = new ArrayList<>();
    private final List<FileChannel> ids = new ArrayList<>();
    private final List<FileChannel> sets = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();
    private long size;

    Table(int width) {
      this.width = width;
      this.recordBytes = 8 * (HEADER_LONGS + width);
    }

    /** Appends the shards of a step directory (all complete shards 0..shards-1). */
    void addShards(Path stepDir, int shards) throws IOException {
      for (int s = 0; s < shards; s++) {
        Path r = records(stepDir, s);
        if (!Files.exists(r)) throw new IOException("missing observations " + r + " (the observe phase did not finish)");
        FileChannel rc = FileChannel.open(r, StandardOpenOption.READ);
        records.add(rc);
        ids.add(FileChannel.open(ids(stepDir, s), StandardOpenOption.READ));
        Path set = sets(stepDir, s);
        sets.add(Files.exists(set) ? FileChannel.open(set, StandardOpenOption.READ) : null);
        starts.add(size);
        size += rc.size() / recordBytes;
      }
    }

    long size() {
      return size;
    }

    int width() {
      return width;
    }

    private int shardOf(long index) {
      int lo = 0;
      int hi = starts.size() - 1;
      while (lo < hi) {
        int mid = (lo + hi + 1) >>> 1;
        if (starts.get(mid) <= index) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }

    /** Reads record {@code index} into {@code out} (header then payload, HEADER_LONGS + width longs). */
    void read(long index, long[] out, ByteBuffer scratch) throws IOException {
      int s = shardOf(index);
      long pos = (index - starts.get(s)) * recordBytes;
      scratch.clear().limit(recordBytes);
      FileChannel ch = records.get(s);
      while (scratch.hasRemaining()) {
        if (ch.read(scratch, pos + scratch.position()) < 0) throw new IOException("short observation record " + index);
      }
      scratch.flip();
      for (int i = 0; i < HEADER_LONGS + width; i++) out[i] = scratch.getLong();
    }

    ByteBuffer scratch() {
      return ByteBuffer.allocate(recordBytes);
    }

    String id(long index, long idOffset) throws IOException {
      return new String(readBlock(ids.get(shardOf(index)), idOffset, 1).array(), StandardCharsets.UTF_8);
    }

    /** A block written as an int count then count × unitBytes bytes, read at {@code offset}. */
    private static ByteBuffer readBlock(FileChannel ch, long offset, int unitBytes) throws IOException {
      ByteBuffer len = ByteBuffer.allocate(4);
      while (len.hasRemaining()) if (ch.read(len, offset + len.position()) < 0) throw new IOException("short block at " + offset);
      len.flip();
      ByteBuffer bytes = ByteBuffer.allocate(unitBytes * len.getInt());
      while (bytes.hasRemaining()) if (ch.read(bytes, offset + 4 + bytes.position()) < 0) throw new IOException("short block at " + offset);
      return bytes.flip();
    }

    /** The shingle set of document {@code index} whose record is {@code record}, or null if none was written. */
    long[] set(long index, long[] record) throws IOException {
      FileChannel ch = sets.get(shardOf(index));
      long offset = record[4];
      if (ch == null || offset < 0) return null;
      ByteBuffer bytes = readBlock(ch, offset, 8);
      long[] out = new long[bytes.remaining() / 8];
      for (int i = 0; i < out.length; i++) out[i] = bytes.getLong();
      return out;
    }

    /** Streams records in index order. */
    void scan(RecordConsumer consumer) throws IOException {
      long index = 0;
      long[] rec = new long[HEADER_LONGS + width];
      ByteBuffer buf = ByteBuffer.allocate(recordBytes * 512);
      for (FileChannel ch : records) {
        long pos = 0;
        long end = ch.size();
        while (pos < end) {
          buf.clear();
          int n = ch.read(buf, pos);
          if (n <= 0) break;
          int whole = n / recordBytes * recordBytes;
          buf.flip().limit(whole);
          while (buf.remaining() >= recordBytes) {
            for (int i = 0; i < rec.length; i++) rec[i] = buf.getLong();
            consumer.accept(index++, rec);
          }
          pos += whole;
        }
      }
    }

    @Override
    public void close() throws IOException {
      for (FileChannel c : records) c.close();
      for (FileChannel c : ids) c.close();
      for (FileChannel c : sets) if (c != null) c.close();
    }
  }

  interface RecordConsumer {
    void accept(long index, long[] record) throws IOException;
  }
}
