package io.winnow.hadoop;

import io.winnow.io.AtomicFiles;
import io.winnow.io.storage.Storage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.nio.file.Files;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A store reached through one Hadoop {@link FileSystem}. Commits differ by kind of store (README: "Commit
 * semantics per store"): object stores (S3A, GCS, Azure) make an upload visible only once it is complete, a
 * single PUT or a multipart upload completed last, and have no atomic rename, so files are uploaded under their
 * final name; file systems with folders (HDFS) get a temporary name renamed onto the final one.
 */
final class HadoopStorage implements Storage {
  /** Schemes of object stores: an upload is atomic, a rename is a copy. */
  private static final Set<String> OBJECT_STORES = Set.of("s3", "s3a", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss", "cosn", "obs");

  private final FileSystem fs;
  private final boolean objectStore;

  HadoopStorage(FileSystem fs) {
    this.fs = fs;
    this.objectStore = OBJECT_STORES.contains(fs.getUri().getScheme().toLowerCase(Locale.ROOT));
  }

  @Override
  public List<String> glob(String pattern) throws IOException {
    FileStatus[] matches = fs.globStatus(new Path(pattern));
    List<String> out = new ArrayList<>();
    if (matches == null) return out;
    for (FileStatus st : matches) {
      if (!st.isDirectory()) {
        out.add(st.getPath().toString());
        continue;
      }
      String base = st.getPath().toString();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
      while (it.hasNext()) {
        String f = it.next().getPath().toString();
        if (!hidden(f.substring(Math.min(f.length(), base.length() + 1)))) out.add(f);
      }
    }
    out.sort(null);
    return out;
  }

  /** Names starting with {@code .} or {@code _} ({@code _SUCCESS}, {@code .crc}) are not data, as for Hadoop's input formats. */
  private static boolean hidden(String relative) {
    for (String seg : relative.split("/")) if (seg.startsWith(".") || seg.startsWith("_")) return true;
    return false;
  }

  @Override
  public List<String> listFiles(String folder) throws IOException {
    String base = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    Path dir = new Path(base);
    if (!fs.exists(dir)) return List.of();
    String qualified = fs.makeQualified(dir).toString();
    List<String> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      String f = it.next().getPath().toString();
      if (!f.startsWith(qualified + "/")) throw new IOException(f + " is listed under " + qualified + " but is not named below it");
      out.add(base + f.substring(qualified.length()));
    }
    out.sort(null);
    return out;
  }

  @Override
  public FileInfo stat(String file) throws IOException {
    try {
      FileStatus st = fs.getFileStatus(new Path(file));
      return st.isDirectory() ? null : new FileInfo(file, st.getLen(), st.getModificationTime());
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  @Override
  public InputStream open(String file, long offset) throws IOException {
    FSDataInputStream in = fs.open(new Path(file));
    if (offset > 0) {
      try {
        in.seek(offset);
      } catch (IOException e) {
        in.close();
        throw e;
      }
    }
    return in;
  }

  @Override
  public void upload(java.nio.file.Path local, String file) throws IOException {
    Path dst = new Path(file);
    if (objectStore) {
      // the object appears when its upload completes (a PUT, or a multipart upload completed at close), never in part
      write(local, dst);
      return;
    }
    Path tmp = new Path(dst.getParent(), dst.getName() + AtomicFiles.TMP_SUFFIX);
    fs.mkdirs(dst.getParent());
    write(local, tmp);
    // FileSystem.rename does not replace: the old file goes first (a resume checks sizes, so the gap is harmless)
    fs.delete(dst, false);
    if (!fs.rename(tmp, dst)) throw new IOException("cannot rename " + tmp + " to " + dst);
  }

  /** Copies a local file to {@code dst}; a failed copy is aborted, so that closing cannot publish part of it. */
  private void write(java.nio.file.Path local, Path dst) throws IOException {
    FSDataOutputStream out = fs.create(dst, true);
    try {
      Files.copy(local, out);
    } catch (IOException | RuntimeException e) {
      try {
        out.abort();
      } catch (UnsupportedOperationException notAbortable) {
        // a file system with folders: the temporary name is replaced by the next attempt
      }
      throw e;
    }
    out.close();
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path dst = new Path(to);
    fs.mkdirs(dst.getParent());
    fs.delete(dst, false);
    if (!fs.rename(new Path(from), dst)) throw new IOException("cannot rename " + from + " to " + to);
  }

  @Override
  public void delete(String file) throws IOException {
    fs.delete(new Path(file), false);
  }
}
