package io.winnow.engine;

import io.winnow.io.storage.Storage;
import io.winnow.io.storage.Storages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local copies of remote inputs. The readers work on local files (splits seek, Parquet and archives need random
 * access), so each remote file a pattern matches is copied under {@code dir}, at a path that mirrors its URI so
 * that the copies sort as the URIs do. A copy carries the remote file's modification time and is reused while
 * size and time match, so a resume does not fetch the inputs again, and run.json still sees an input change.
 */
final class InputCopies {
  /** The input patterns, each remote one replaced by the local copies of its files; each copy's URI. */
  record Localized(List<String> patterns, Map<Path, String> sources) {}

  private InputCopies() {}

  static Localized localize(List<String> patterns, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    Map<Path, String> sources = new LinkedHashMap<>();
    for (String pattern : patterns) {
      if (!Storages.isRemote(pattern)) {
        out.add(pattern);
        continue;
      }
      Storage store = Storages.of(pattern);
      List<String> files = store.glob(pattern);
      if (files.isEmpty()) throw new IOException("input path '" + pattern + "' matches no file");
      for (String f : files) {
        Path local = dir.resolve(localName(f));
        copy(store, f, local);
        out.add(local.toString());
        sources.put(local, f);
      }
    }
    return new Localized(List.copyOf(out), sources);
  }

  /** {@code s3a://bucket/a/b.jsonl} → {@code s3a/bucket/a/b.jsonl}; no segment may climb out of the folder. */
  static String localName(String uri) {
    String rest = uri.replaceFirst("^([A-Za-z][A-Za-z0-9+.\\-]*):/*", "$1/");
    StringBuilder sb = new StringBuilder();
    for (String seg : rest.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) continue;
      if (sb.length() > 0) sb.append('/');
      sb.append(seg.equals("..") ? "%2E%2E" : seg.replace(':', '_'));
    }
    return sb.toString();
  }

  private static void copy(Storage store, String file, Path local) throws IOException {
    Storage.FileInfo remote = store.stat(file);
    if (remote == null) throw new IOException(file + ": listed, but gone before it could be read");
    if (Files.isRegularFile(local) && Files.size(local) == remote.bytes()
        && Files.getLastModifiedTime(local).toMillis() == remote.modifiedMillis()) {
      return;
    }
    store.download(file, local);
    if (Files.size(local) != remote.bytes()) {
      throw new IOException(file + ": copied " + Files.size(local) + " bytes of " + remote.bytes() + " (did it change while read?)");
    }
    Files.setLastModifiedTime(local, FileTime.fromMillis(remote.modifiedMillis()));
  }
}
