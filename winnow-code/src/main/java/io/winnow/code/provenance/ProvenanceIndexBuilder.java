package io.winnow.code.provenance;

import io.winnow.io.AtomicFiles;
import io.winnow.io.PairSorter;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a provenance index from reference source files, in bounded memory whatever their number: each
 * file's fingerprints (distinct within the file) go as (hash, file and line) pairs into a {@link PairSorter}
 * that spills sorted runs to disk; the merged, sorted stream is written out once, and every hash found in more
 * than {@code maxSourceFiles} files (boilerplate: include blocks, probe/remove skeletons, common idioms) loses
 * its postings and is kept as a single boilerplate mark, so that matching neither counts it nor lets it break
 * a run.
 * Memory: the sort buffer ({@code memoryBytes}), the bucket directory (at most 32 MiB) and the table of source
 * paths and licences. Not thread-safe.
 */
public final class ProvenanceIndexBuilder implements AutoCloseable {
  /** What a build did, for the command's summary. */
  public record Summary(int files, long tokens, long fingerprints, long distinctHashes, long cappedHashes,
      long entries, int sortRuns) {}

  private record SourceFile(String path, String license, int tokens, int fingerprints) {}

  private static final int MAX_DIRECTORY_BITS = 22;

  private final IndexParameters params;
  private final CodeFingerprinter fingerprinter;
  private final PairSorter sorter;
  private final LongOpenHashSet seen = new LongOpenHashSet();
  private final List<SourceFile> files = new ArrayList<>();
  private long pairs;
  private long tokens;

  /**
   * @param spillDir where sorted runs go (created; emptied as the runs are merged)
   * @param memoryBytes the sort buffer: 16 bytes per fingerprint held before a spill
   */
  public ProvenanceIndexBuilder(IndexParameters params, Path spillDir, long memoryBytes) throws IOException {
    this.params = params;
    this.fingerprinter = new CodeFingerprinter(params);
    this.sorter = new PairSorter(spillDir, memoryBytes);
  }

  /** Adds one reference file; returns its id in the index. */
  public int add(String path, String license, CharSequence text, CodeLanguage language) throws IOException {
    int id = files.size();
    if (id == Integer.MAX_VALUE) throw new IllegalStateException("too many source files for one index");
    Fingerprints fp = fingerprinter.fingerprint(text, language);
    int[] lines = fingerprinter.tokens().lines();
    long[] hashes = fp.hashes();
    int[] positions = fp.positions();
    seen.clear();
    int kept = 0;
    for (int i = 0; i < fp.size(); i++) {
      if (!seen.add(hashes[i])) continue; // repeats within a file say nothing more about where it came from
      sorter.add(hashes[i], IndexFormat.posting(id, lines[positions[i]]));
      kept++;
    }
    pairs += kept;
    tokens += fingerprinter.tokens().size();
    files.add(new SourceFile(path, license == null ? "NOASSERTION" : license, fingerprinter.tokens().size(), kept));
    return id;
  }

  /** Sorts, caps and writes the index to {@code out} atomically. The builder is spent afterwards. */
  public Summary write(Path out) throws IOException {
    int bits = directoryBits(pairs);
    long[] directory = new long[(1 << bits) + 1];
    Path tmp = AtomicFiles.tmp(out.toAbsolutePath());
    if (tmp.getParent() != null) Files.createDirectories(tmp.getParent());
    int runs = sorter.runs();
    EntryWriter ew;
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ch.position(IndexFormat.HEADER_BYTES);
      DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16));
      ew = new EntryWriter(data, directory, bits, params.maxSourceFiles());
      sorter.drain(ew::accept);
      ew.flushGroup();
      for (int b = ew.nextBucket; b < directory.length; b++) directory[b] = ew.entries;
      long directoryOffset = IndexFormat.HEADER_BYTES + ew.entries * IndexFormat.ENTRY_BYTES;
      for (long d : directory) data.writeLong(d);
      long filesOffset = directoryOffset + 8L * directory.length;
      for (SourceFile f : files) {
        writeString(data, f.path());
        writeString(data, f.license());
        data.writeInt(f.tokens());
        data.writeInt(f.fingerprints());
      }
      data.flush();
      ByteBuffer h = ByteBuffer.allocate(IndexFormat.HEADER_BYTES);
      h.putLong(IndexFormat.MAGIC).putInt(IndexFormat.VERSION).putInt(params.lexerVersion()).putInt(params.k())
          .putInt(params.w()).putLong(params.seed()).putInt(params.maxSourceFiles()).putInt(bits)
          .putLong(ew.entries).putLong(IndexFormat.HEADER_BYTES).putLong(directoryOffset).putLong(filesOffset)
          .putInt(files.size()).putInt(0).putLong(ew.distinct).putLong(ew.capped).putLong(params.fingerprint());
      h.flip();
      ch.write(h, 0);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    AtomicFiles.commit(tmp, out.toAbsolutePath());
    long fps = 0;
    for (SourceFile f : files) fps += f.fingerprints();
    return new Summary(files.size(), tokens, fps, ew.distinct, ew.capped, ew.entries, runs);
  }

  /** About eight entries per bucket: the in-bucket search is three or four probes. */
  static int directoryBits(long pairs) {
    int bits = 1;
    while (bits < MAX_DIRECTORY_BITS && (1L << bits) * 8 < pairs) bits++;
    return bits;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  @Override
  public void close() throws IOException {
    sorter.close();
  }

  /** Receives the sorted pairs, holds one hash's postings, and writes them unless the hash is too common. */
  private static final class EntryWriter {
    private final DataOutputStream out;
    private final long[] directory;
    private final int bits;
    private final int cap;
    private final long[] group;
    private int groupSize;
    private long groupHash;
    private boolean any;
    int nextBucket;
    long entries;
    long distinct;
    long capped;

    EntryWriter(DataOutputStream out, long[] directory, int bits, int cap) {
      this.out = out;
      this.directory = directory;
      this.bits = bits;
      this.cap = cap;
      this.group = new long[cap + 1];
    }

    void accept(long hash, long posting) throws IOException {
      if (any && hash != groupHash) flushGroup();
      any = true;
      groupHash = hash;
      if (groupSize <= cap) group[groupSize++] = posting; // past the cap the hash is dropped: no need to hold more
      else groupSize = cap + 1;
    }

    void flushGroup() throws IOException {
      if (!any) return;
      distinct++;
      int b = IndexFormat.bucket(groupHash, bits);
      while (nextBucket <= b) directory[nextBucket++] = entries;
      if (groupSize > cap) { // kept as one entry that marks it boilerplate: candidates then discount it
        capped++;
        out.writeLong(groupHash);
        out.writeLong(IndexFormat.BOILERPLATE);
        entries++;
      } else {
        for (int i = 0; i < groupSize; i++) {
          out.writeLong(groupHash);
          out.writeLong(group[i]);
          entries++;
        }
      }
      groupSize = 0;
      any = false;
    }
  }
}
