package io.winnow.code.license;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fitted folder licenses of every repository, looked up by the folder a file is in (nearest ancestor first). */
public final class FolderIndex {
  private final Map<String, Map<String, FolderLicense>> byRepo = new HashMap<>();

  public FolderIndex(List<FolderLicense> folders) {
    for (FolderLicense f : folders) byRepo.computeIfAbsent(f.repo(), r -> new HashMap<>()).put(f.folder(), f);
  }

  /** The license of the nearest folder at or above the file's that has one; null if none up to the root. */
  public FolderLicense governing(String repo, String path) {
    Map<String, FolderLicense> folders = byRepo.get(repo);
    if (folders == null) return null;
    String folder = FileRole.folderOf(path);
    while (true) {
      FolderLicense f = folders.get(folder);
      if (f != null && f.expression() != null) return f;
      if (f != null && folder.isEmpty()) return f; // the root's unrecognised claims still say "unknown"
      if (folder.isEmpty()) return null;
      int slash = folder.lastIndexOf('/');
      folder = slash < 0 ? "" : folder.substring(0, slash);
    }
  }

  public int repositories() {
    return byRepo.size();
  }

  public int folders() {
    return byRepo.values().stream().mapToInt(Map::size).sum();
  }
}
