package io.winnow.code.provenance;

import io.winnow.doc.Document;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentReaders;
import io.winnow.io.InputFiles;
import io.winnow.io.ReadResult;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the reference code that a provenance index is built from: folders of source files (every file whose
 * extension names a language {@link CodeLanguage} knows), or JSONL files of code documents ({@code text}, and
 * metadata {@code path}, {@code repo}, {@code language}, {@code license}, the names the code input reader
 * writes). Files are visited in sorted order, so an index is the same for the same sources.
 *
 * <p>The licence of each file, most specific first: its own {@code SPDX-License-Identifier} line; for JSONL,
 * the record's {@code license}; the licence given for its source ({@code --license SRC=ID}); for folders, the
 * nearest LICENSE / COPYING file up the tree, inside the source; else {@code NOASSERTION}.
 */
public final class ReferenceCorpus {
  /** One reference file. */
  public record SourceText(String path, String license, CodeLanguage language, String text) {}

  public interface Sink {
    void accept(SourceText source) throws IOException;
  }

  /** What was read and what was skipped, by reason. */
  public static final class Counts {
    public long files;
    public long bytes;
    public final Map<String, Long> skipped = new java.util.TreeMap<>();

    void skip(String reason) {
      skipped.merge(reason, 1L, Long::sum);
    }
  }

  private static final String[] LICENSE_FILES = {"LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "COPYING", "COPYING.txt"};

  private final long maxFileBytes;
  private final Map<Path, String> licenseOfDir = new HashMap<>();

  /** @param maxFileBytes larger files are skipped: generated tables and firmware blobs, not written code */
  public ReferenceCorpus(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /** Reads one source (a folder or a JSONL file), with the licence given for it (or null). */
  public void read(Path source, String sourceLicense, Counts counts, Sink sink) throws IOException {
    if (Files.isDirectory(source)) readFolder(source, sourceLicense, counts, sink);
    else if (Files.isRegularFile(source)) readJsonl(source, sourceLicense, counts, sink);
    else throw new java.nio.file.NoSuchFileException(source.toString(), null, "reference source not found");
  }

  private void readFolder(Path root, String sourceLicense, Counts counts, Sink sink) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    Path named = base.getParent() == null ? base : base.getParent();
    List<Path> files;
    try (Stream<Path> s = Files.walk(base)) {
      files = new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> CodeLanguage.isSourceFile(p.getFileName().toString())).sorted().toList());
    }
    for (Path f : files) {
      long size = Files.size(f);
      if (size > maxFileBytes) {
        counts.skip("larger than " + maxFileBytes + " bytes");
        continue;
      }
      String text = decode(Files.readAllBytes(f));
      if (text == null) {
        counts.skip("binary (NUL bytes)");
        continue;
      }
      String license = SpdxHeader.find(text);
      if (license == null) license = sourceLicense;
      if (license == null) license = licenseUpTree(f.getParent(), base);
      String rel = named.relativize(f).toString().replace('\\', '/');
      counts.files++;
      counts.bytes += size;
      sink.accept(new SourceText(rel, license, CodeLanguage.fromPath(rel), text));
    }
  }

  private void readJsonl(Path file, String sourceLicense, Counts counts, Sink sink) throws IOException {
    if (!InputFiles.formatOf(file).equals("jsonl")) {
      throw new IOException(file + ": a reference source is a folder of code or a JSONL file of code documents");
    }
    try (DocumentReader r = DocumentReaders.open(file, "jsonl", "id", "text", ReaderLimits.defaults(), b -> {})) {
      for (ReadResult rr = r.next(); rr != null; rr = r.next()) {
        if (rr.rejection() != null) {
          counts.skip(rr.rejection().reason().code());
          continue;
        }
        Document d = rr.document();
        Map<String, Object> m = d.metadata();
        String path = str(m.get("path"));
        String repo = str(m.get("repo"));
        String name = path == null ? d.id() : repo == null ? path : repo + "/" + path;
        String license = SpdxHeader.find(d.text());
        if (license == null) license = str(m.get("license"));
        if (license == null) license = sourceLicense;
        if (license == null) license = "NOASSERTION";
        CodeLanguage lang = CodeLanguage.fromName(str(m.get("language")));
        if (lang == null) lang = path != null ? CodeLanguage.fromPath(path) : CodeLanguage.guess(d.text());
        counts.files++;
        counts.bytes += d.utf8Bytes();
        sink.accept(new SourceText(name, license, lang, d.text()));
      }
    }
  }

  private static String str(Object o) {
    return o instanceof String s && !s.isBlank() ? s : null;
  }

  /** The licence of the nearest LICENSE/COPYING file from {@code dir} up to {@code root}, memoised per folder. */
  private String licenseUpTree(Path dir, Path root) throws IOException {
    if (dir == null || !dir.startsWith(root)) return "NOASSERTION";
    String known = licenseOfDir.get(dir);
    if (known != null) return known;
    String found = null;
    for (String name : LICENSE_FILES) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        found = LicenseFileGuess.guess(decodeLenient(Files.readAllBytes(p)));
        break;
      }
    }
    if (found == null) found = dir.equals(root) ? "NOASSERTION" : licenseUpTree(dir.getParent(), root);
    licenseOfDir.put(dir, found);
    return found;
  }

  /** UTF-8, with bytes that are not UTF-8 (Latin-1 comments of old files) replaced; null for binary files. */
  static String decode(byte[] bytes) {
    for (byte b : bytes) if (b == 0) return null;
    return decodeLenient(bytes);
  }

  private static String decodeLenient(byte[] bytes) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return dec.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder never fails", e);
    }
  }
}
