package io.winnow.code.provenance;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provenance index opened memory-mapped (see {@link IndexFormat}): the fingerprint entries and the bucket
 * directory stay on disk and are paged in by the operating system as lookups touch them, so opening is
 * instant and the heap holds only the table of source files. Immutable and thread-safe: lookups read the
 * mappings with absolute gets only, so every worker shares one instance ({@link #open}).
 */
public final class ProvenanceIndex {
  private static final Map<String, ProvenanceIndex> OPEN = new ConcurrentHashMap<>();

  private final Path path;
  private final IndexParameters params;
  private final int bits;
  private final long entries;
  private final long distinctHashes;
  private final long cappedHashes;
  private final MappedByteBuffer[] chunks;
  private final MappedByteBuffer directory;
  private final String[] paths;
  private final String[] licenses;
  private final int[] tokens;
  private final int[] fingerprints;

  private ProvenanceIndex(Path path) throws IOException {
    this.path = path;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < IndexFormat.HEADER_BYTES) throw bad("it is " + size + " bytes long, shorter than the header");
      ByteBuffer h = ByteBuffer.allocate(IndexFormat.HEADER_BYTES);
      while (h.hasRemaining() && ch.read(h, h.position()) > 0) { /* fill */ }
      h.flip();
      if (h.getLong() != IndexFormat.MAGIC) throw bad("it is not a provenance index (wrong magic number)");
      int version = h.getInt();
      if (version != IndexFormat.VERSION) throw bad("format version " + version + ", this build reads " + IndexFormat.VERSION);
      int lexer = h.getInt();
      int k = h.getInt();
      int w = h.getInt();
      long seed = h.getLong();
      int cap = h.getInt();
      this.bits = h.getInt();
      this.entries = h.getLong();
      long entriesOffset = h.getLong();
      long directoryOffset = h.getLong();
      long filesOffset = h.getLong();
      int files = h.getInt();
      h.getInt();
      this.distinctHashes = h.getLong();
      this.cappedHashes = h.getLong();
      long stored = h.getLong();
      this.params = new IndexParameters(lexer, k, w, seed, cap);
      if (stored != params.fingerprint()) throw bad("its parameter fingerprint does not match its parameters (damaged header)");
      if (bits < 1 || bits > 30 || entriesOffset != IndexFormat.HEADER_BYTES
          || directoryOffset != entriesOffset + entries * IndexFormat.ENTRY_BYTES
          || filesOffset != directoryOffset + 8L * ((1L << bits) + 1) || filesOffset > size) {
        throw bad("its sections do not fit its size (truncated or damaged)");
      }
      int nChunks = (int) ((entries + (1L << IndexFormat.CHUNK_SHIFT) - 1) >>> IndexFormat.CHUNK_SHIFT);
      chunks = new MappedByteBuffer[nChunks];
      for (int c = 0; c < nChunks; c++) {
        long first = (long) c << IndexFormat.CHUNK_SHIFT;
        long n = Math.min(1L << IndexFormat.CHUNK_SHIFT, entries - first);
        chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, entriesOffset + first * IndexFormat.ENTRY_BYTES, n * IndexFormat.ENTRY_BYTES);
      }
      directory = ch.map(FileChannel.MapMode.READ_ONLY, directoryOffset, 8L * ((1L << bits) + 1));
      paths = new String[files];
      licenses = new String[files];
      tokens = new int[files];
      fingerprints = new int[files];
      ch.position(filesOffset);
      InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
      DataInputStream data = new DataInputStream(in);
      try {
        for (int i = 0; i < files; i++) {
          paths[i] = readString(data);
          licenses[i] = readString(data);
          tokens[i] = data.readInt();
          fingerprints[i] = data.readInt();
        }
      } catch (java.io.EOFException e) {
        throw bad("its table of source files is truncated");
      }
    }
  }

  /** The index at {@code path}, opened once per process and shared (reopened if the file was replaced). */
  public static ProvenanceIndex open(Path path) throws IOException {
    Path abs = path.toAbsolutePath().normalize();
    if (!Files.exists(abs)) throw new NoSuchFileException(abs.toString(), null, "provenance index not found (build it with `winnow provenance-index`)");
    String key = abs + "@" + Files.getLastModifiedTime(abs).toMillis() + "/" + Files.size(abs);
    ProvenanceIndex idx = OPEN.get(key);
    if (idx != null) return idx;
    synchronized (OPEN) {
      idx = OPEN.get(key);
      if (idx == null) {
        idx = new ProvenanceIndex(abs);
        OPEN.put(key, idx);
      }
      return idx;
    }
  }

  private IOException bad(String why) {
    return new IOException(path + ": cannot read the provenance index: " + why);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 20)) throw new IOException("bad string length " + n);
    byte[] b = in.readNBytes(n);
    if (b.length != n) throw new java.io.EOFException();
    return new String(b, StandardCharsets.UTF_8);
  }

  public IndexParameters parameters() {
    return params;
  }

  public Path path() {
    return path;
  }

  public long entries() {
    return entries;
  }

  public long distinctHashes() {
    return distinctHashes;
  }

  /** Hashes kept only as boilerplate marks at build time: they were in more source files than the cap. */
  public long cappedHashes() {
    return cappedHashes;
  }

  public int files() {
    return paths.length;
  }

  public String path(int file) {
    return paths[file];
  }

  public String license(int file) {
    return licenses[file];
  }

  public int tokens(int file) {
    return tokens[file];
  }

  public int fingerprints(int file) {
    return fingerprints[file];
  }

  /** The first entry holding {@code hash}, or -1. Entries {@code first, first+1, …} with the same hash follow. */
  public long find(long hash) {
    int b = IndexFormat.bucket(hash, bits);
    long lo = directory.getLong(8 * b);
    long hi = directory.getLong(8 * (b + 1)) - 1;
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      long v = hashAt(mid);
      if (v < hash) lo = mid + 1;
      else if (v > hash) hi = mid - 1;
      else {
        while (mid > 0 && hashAt(mid - 1) == hash) mid--;
        return mid;
      }
    }
    return -1;
  }

  /** Whether entry {@code i} exists and holds {@code hash}: the loop condition for walking a hash's postings. */
  public boolean holds(long i, long hash) {
    return i < entries && hashAt(i) == hash;
  }

  public long hashAt(long i) {
    return chunks[(int) (i >>> IndexFormat.CHUNK_SHIFT)].getLong((int) ((i & ((1L << IndexFormat.CHUNK_SHIFT) - 1)) * IndexFormat.ENTRY_BYTES));
  }

  /** Whether entry {@code i} marks its hash as boilerplate (found in more source files than the cap). */
  public boolean isBoilerplate(long i) {
    return postingAt(i) == IndexFormat.BOILERPLATE;
  }

  /** The source file of entry {@code i} (-1 for a boilerplate mark). */
  public int fileAt(long i) {
    return IndexFormat.file(postingAt(i));
  }

  /** The source line where entry {@code i}'s k-gram starts. */
  public int lineAt(long i) {
    return IndexFormat.line(postingAt(i));
  }

  private long postingAt(long i) {
    return chunks[(int) (i >>> IndexFormat.CHUNK_SHIFT)].getLong((int) ((i & ((1L << IndexFormat.CHUNK_SHIFT) - 1)) * IndexFormat.ENTRY_BYTES) + 8);
  }
}
