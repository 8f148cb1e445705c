package io.winnow.io.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A place files live: the local file system, or a remote store (S3, HDFS, GCS, ...) reached through an optional
 * module ({@link StorageProvider}). Files are named by strings: a local path, or a URI such as
 * {@code s3a://bucket/key}. Only what a run needs from a store is here, so that an object store without folders
 * or renames can implement it faithfully.
 */
public interface Storage {
  /**
   * The files a pattern names, sorted: the file itself, every file under a folder (walked, leaving out names that
   * start with {@code .} or {@code _}, the markers other tools leave such as {@code _SUCCESS}), or the files a glob
   * matches. Empty when nothing matches.
   */
  List<String> glob(String pattern) throws IOException;

  /**
   * Every file under a folder, at any depth, sorted, each named as {@code folder} is spelled followed by
   * {@code /} and its path below it; empty when the folder does not exist.
   */
  List<String> listFiles(String folder) throws IOException;

  /** The size and modification time of a file, or null when there is no file of that name. */
  FileInfo stat(String file) throws IOException;

  /** Reads a file from byte {@code offset} on (a ranged read on object stores). */
  InputStream open(String file, long offset) throws IOException;

  /**
   * Copies a finished local file to {@code file}, which appears under its name complete or not at all: a reader
   * never sees part of it, and a failed copy leaves at most a temporary name behind. How depends on the store
   * (README: "Commit semantics per store"): a rename of a temporary file where renames are atomic (local, HDFS),
   * a single PUT or a multipart upload completed last on object stores (S3), which have no atomic rename.
   */
  void upload(Path local, String file) throws IOException;

  /** Copies {@code file} (from byte 0) to a local file, replacing it, through a temporary name beside it. */
  default void download(String file, Path local) throws IOException {
    Path tmp = io.winnow.io.AtomicFiles.tmp(local);
    Files.createDirectories(local.toAbsolutePath().getParent());
    try (InputStream in = open(file, 0)) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Moves a file to a new name. Atomic on local and HDFS folders; on object stores a copy then a delete, so a
   * commit protocol must never rely on it there ({@link #upload} is the commit).
   */
  void rename(String from, String to) throws IOException;

  /** Deletes a file; nothing when there is none. */
  void delete(String file) throws IOException;

  /** The file {@code relative} (with {@code /} separators) under {@code folder}. */
  default String resolve(String folder, String relative) {
    return folder.endsWith("/") ? folder + relative : folder + "/" + relative;
  }

  default boolean exists(String file) throws IOException {
    return stat(file) != null;
  }

  /** The size of a file; fails when there is none. */
  default long size(String file) throws IOException {
    FileInfo f = stat(file);
    if (f == null) throw new java.io.FileNotFoundException(file);
    return f.bytes();
  }

  /** A file's name as listed, its size and its modification time in milliseconds since the epoch. */
  record FileInfo(String file, long bytes, long modifiedMillis) {}
}
