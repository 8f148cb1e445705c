package io.winnow.code.input;

import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.code.license.FileRole;
import io.winnow.io.DocumentReader;
import io.winnow.io.HtmlCharset;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import io.winnow.io.Rejection;
import io.winnow.io.Rejection.Reason;
import io.winnow.text.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a source folder as documents, one per regular file, in the order of their paths (so ids and output are
 * the same on every run). A document's id is {@code <repo>/<path>}; its metadata holds {@code repo} (the folder's
 * name), {@code path} (relative to the folder, with {@code /}), {@code language} ({@link CodeLanguages}) and
 * {@code bytes}.
 *
 * <p>A file that is not text is a rejection, counted and logged like every unreadable record: {@code input.binary}
 * (a NUL byte), {@code input.invalid_utf8}, {@code input.too_large} (over {@code run.max_document_bytes}),
 * {@code input.empty_file} (except a license file: an empty LICENSE says the project has a license and not which,
 * which the {@code license} step reports as unknown). Only source files must be UTF-8: a license file, README or package manifest
 * ({@link FileRole}) in a legacy charset (a Latin-1 COPYING from the 1990s) is decoded by byte-order mark, else
 * as the charset detector finds it (windows-1252 when it has no answer), and its {@code charset} noted in the
 * metadata, because its words are what tell the project's license. Version-control folders ({@code .git}, {@code .hg}, {@code .svn}) are the tool's
 * state, not the project's files, and are not read. Symbolic links are not followed (a link out of the checkout
 * is not part of it); each is one {@code input.unreadable} rejection naming its target.
 */
public final class CodeFolderReader implements DocumentReader {
  private static final Set<String> VCS_FOLDERS = Set.of(".git", ".hg", ".svn");

  private final Path root;
  private final String repo;
  private final ReaderLimits limits;
  private final Iterator<Path> files;

  public CodeFolderReader(Path input, ReaderLimits limits) throws IOException {
    this.limits = limits;
    if (Files.isDirectory(input)) {
      this.root = input;
      this.files = list(input).iterator();
    } else {
      // a single file (an engine that walks folders itself hands them one by one): its folder is the repository
      this.root = input.toAbsolutePath().getParent();
      this.files = List.of(input).iterator();
    }
    Path name = root.toAbsolutePath().normalize().getFileName();
    this.repo = name == null ? "" : name.toString();
  }

  private static List<Path> list(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.equals(root) && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !insideVcs(root.relativize(p)))
          .forEach(out::add);
    }
    out.sort((a, b) -> relative(root, a).compareTo(relative(root, b)));
    return out;
  }

  private static boolean insideVcs(Path rel) {
    for (Path part : rel) if (VCS_FOLDERS.contains(part.toString())) return true;
    return false;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  @Override
  public ReadResult next() {
    if (!files.hasNext()) return null;
    Path file = files.next();
    String path = Files.isDirectory(root) ? relative(root, file) : file.getFileName().toString();
    String location = file.toString();
    String id = repo + "/" + path;
    try {
      if (Files.isSymbolicLink(file)) {
        return ReadResult.rejected(new Rejection(id, location, Reason.UNREADABLE,
            "symbolic link (to " + Files.readSymbolicLink(file) + ") not followed"));
      }
      if (!Files.isRegularFile(file)) {
        return ReadResult.rejected(new Rejection(id, location, Reason.UNREADABLE, "not a regular file"));
      }
      long size = Files.size(file);
      // an empty LICENSE (a placeholder made with the repository) still tells the license step one exists
      if (size == 0 && FileRole.of(path) != FileRole.LICENSE_FILE) {
        return ReadResult.rejected(new Rejection(id, location, Reason.EMPTY_FILE, "the file is empty"));
      }
      if (size > limits.maxDocumentBytes()) {
        return ReadResult.rejected(new Rejection(id, location, Reason.TOO_LARGE,
            "file of " + size + " bytes exceeds max_document_bytes (" + limits.maxDocumentBytes() + ")"));
      }
      byte[] bytes = Files.readAllBytes(file);
      int nul = indexOfNul(bytes);
      if (nul >= 0) return ReadResult.rejected(new Rejection(id, location, Reason.BINARY, "binary file: NUL byte at offset " + nul));
      String text;
      String legacyCharset = null;
      if (Utf8.isValid(bytes, 0, bytes.length)) {
        text = new String(bytes, StandardCharsets.UTF_8);
      } else if (FileRole.of(path) != FileRole.SOURCE) {
        // a license file, README or manifest from before UTF-8 (a Latin-1 COPYING): read for its words
        HtmlCharset.Decoded d = HtmlCharset.decode(bytes, null);
        text = d.text();
        legacyCharset = d.charset();
      } else {
        return ReadResult.rejected(new Rejection(id, location, Reason.INVALID_UTF8, "the file is not valid UTF-8"));
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("repo", repo);
      meta.put("path", path);
      String lang = CodeLanguages.of(path, text);
      if (lang != null) meta.put("language", lang);
      meta.put("bytes", bytes.length);
      if (legacyCharset != null) meta.put("charset", legacyCharset);
      return ReadResult.of(new Document(id, text, meta, new Provenance(location, 0, Provenance.PositionKind.NONE)));
    } catch (IOException e) {
      return ReadResult.rejected(new Rejection(id, location, Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
  }

  private static int indexOfNul(byte[] b) {
    for (int i = 0; i < b.length; i++) if (b[i] == 0) return i;
    return -1;
  }

  @Override
  public void close() {}
}
