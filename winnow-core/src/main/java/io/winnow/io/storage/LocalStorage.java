package io.winnow.io.storage;

import io.winnow.io.AtomicFiles;
import io.winnow.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local file system. Globs and folders expand as the local engine's inputs do ({@link InputFiles}); files are
 * committed by an atomic rename of a temporary file beside them ({@link AtomicFiles}).
 */
public final class LocalStorage implements Storage {
  public static final LocalStorage INSTANCE = new LocalStorage();

  private LocalStorage() {}

  static Path path(String file) {
    return file.startsWith("file:") ? Path.of(URI.create(file)) : Path.of(file);
  }

  @Override
  public List<String> glob(String pattern) throws IOException {
    if (pattern.startsWith("file:")) pattern = path(pattern).toString();
    List<String> out = new ArrayList<>();
    try {
      for (Path p : InputFiles.expand(List.of(pattern))) out.add(p.toString());
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().endsWith("matches no file")) return List.of();
      throw e;
    }
    return out;
  }

  @Override
  public List<String> listFiles(String folder) throws IOException {
    Path dir = path(folder);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      String base = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
      return s.filter(Files::isRegularFile).map(f -> base + "/" + dir.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @Override
  public FileInfo stat(String file) throws IOException {
    Path p = path(file);
    if (!Files.isRegularFile(p)) return null;
    return new FileInfo(file, Files.size(p), Files.getLastModifiedTime(p).toMillis());
  }

  @Override
  public InputStream open(String file, long offset) throws IOException {
    SeekableByteChannel c = Files.newByteChannel(path(file), StandardOpenOption.READ);
    try {
      c.position(offset);
    } catch (IOException e) {
      c.close();
      throw e;
    }
    return Channels.newInputStream(c);
  }

  @Override
  public void upload(Path local, String file) throws IOException {
    Path target = path(file);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = AtomicFiles.tmp(target);
    Files.copy(local, tmp, StandardCopyOption.REPLACE_EXISTING);
    AtomicFiles.commit(tmp, target);
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = path(to);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.move(path(from), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(String file) throws IOException {
    try {
      Files.deleteIfExists(path(file));
    } catch (NoSuchFileException e) {
      // gone already
    }
  }

  @Override
  public String resolve(String folder, String relative) {
    return path(folder).resolve(relative).toString();
  }
}
