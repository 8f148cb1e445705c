package io.winnow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.InputFiles;
import io.winnow.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a run is, as {@code run.json} records it: the pipeline's fingerprint, the state of every input file
 * (size and modification time) and the content of every local file the steps refer to (lists, benchmark
 * files, models, dedup indexes). A resume must find all three unchanged: finished shards computed with an
 * older input or an older benchmark file would otherwise mix with new ones, and a record appended to an
 * input would slip past a dedup fitted before it.
 *
 * <p>Referenced files are found without knowing the steps: every string parameter that names an existing
 * local file or folder counts. Files up to {@value #HASHED_BYTES} bytes are hashed (SHA-256); larger ones, and
 * folders beyond {@value #MAX_FOLDER_FILES} files, are recorded by size and modification time.
 */
public record RunRecord(String fingerprint, List<FileState> inputs, Map<String, String> referenced) {
  static final long HASHED_BYTES = 64L << 20;
  static final int MAX_FOLDER_FILES = 10_000;

  /** An input file as it was when the run started. */
  public record FileState(String path, long bytes, long modifiedMillis) {
    static FileState of(Path p, String name) throws IOException {
      return new FileState(name, InputFiles.bytes(p), InputFiles.lastModifiedMillis(p));
    }
  }

  public static RunRecord of(Pipeline pipeline, List<Path> inputs) throws IOException {
    return of(pipeline, inputs, Path::toString);
  }

  /** @param names how each input is named in the record (a remote input's URI, for its local copy) */
  public static RunRecord of(Pipeline pipeline, List<Path> inputs, java.util.function.Function<Path, String> names) throws IOException {
    List<FileState> states = new ArrayList<>();
    for (Path p : inputs) states.add(FileState.of(p, names.apply(p)));
    Map<String, String> referenced = new TreeMap<>();
    for (String s : strings(pipeline.definition().get("steps"), new ArrayList<>())) {
      Path p = localPath(s);
      if (p != null && Files.exists(p)) referenced.put(s, describe(p));
    }
    return new RunRecord(pipeline.fingerprint(), states, referenced);
  }

  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode n = json.createObjectNode();
    n.put("fingerprint", fingerprint);
    ArrayNode in = n.putArray("inputs");
    for (FileState f : inputs) in.addObject().put("path", f.path()).put("bytes", f.bytes()).put("modified_ms", f.modifiedMillis());
    ObjectNode ref = n.putObject("referenced_files");
    referenced.forEach(ref::put);
    return n;
  }

  /** Why a run recorded as {@code previous} cannot be resumed as this one, or null when it can. */
  public String differenceFrom(JsonNode previous) {
    if (!fingerprint.equals(previous.path("fingerprint").asText())) {
      return "its pipeline differs from this one (fingerprint " + previous.path("fingerprint").asText() + " vs " + fingerprint + ")";
    }
    JsonNode before = previous.path("inputs");
    if (before.size() != inputs.size()) {
      return "it had " + before.size() + " input files, this run has " + inputs.size();
    }
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode b = before.get(i);
      FileState now = inputs.get(i);
      String path = b.isTextual() ? b.asText() : b.path("path").asText();
      if (!path.equals(now.path())) return "input " + (i + 1) + " was " + path + ", now " + now.path();
      if (b.isTextual()) continue; // recorded before sizes were
      if (b.path("bytes").asLong() != now.bytes() || b.path("modified_ms").asLong() != now.modifiedMillis()) {
        return "input " + now.path() + " changed since the run started (" + b.path("bytes").asLong() + " bytes, now " + now.bytes() + ")";
      }
    }
    Map<String, String> was = new LinkedHashMap<>();
    previous.path("referenced_files").fields().forEachRemaining(e -> was.put(e.getKey(), e.getValue().asText()));
    for (Map.Entry<String, String> e : referenced.entrySet()) {
      if (!Objects.equals(was.get(e.getKey()), e.getValue())) return "the file " + e.getKey() + " that a step reads changed since the run started";
    }
    for (String k : was.keySet()) {
      if (!referenced.containsKey(k)) return "the file " + k + " that a step reads is gone";
    }
    return null;
  }

  private static List<String> strings(Object node, List<String> out) {
    if (node instanceof String s) out.add(s);
    else if (node instanceof Map<?, ?> m) m.values().forEach(v -> strings(v, out));
    else if (node instanceof List<?> l) l.forEach(v -> strings(v, out));
    return out;
  }

  private static Path localPath(String s) {
    if (s.isEmpty() || s.indexOf('\n') >= 0 || s.length() > 4096) return null;
    try {
      return Path.of(s);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static String describe(Path p) throws IOException {
    if (!Files.isDirectory(p)) return fileDigest(p);
    List<Path> files;
    try (Stream<Path> s = Files.walk(p)) {
      files = s.filter(Files::isRegularFile).sorted().limit(MAX_FOLDER_FILES + 1L).toList();
    }
    MessageDigest md = sha256();
    for (Path f : files) {
      String entry = p.relativize(f) + "=" + (files.size() > MAX_FOLDER_FILES ? sizeAndTime(f) : fileDigest(f)) + "\n";
      md.update(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return "folder:" + HexFormat.of().formatHex(md.digest());
  }

  private static String fileDigest(Path f) throws IOException {
    if (Files.size(f) > HASHED_BYTES) return sizeAndTime(f);
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  private static String sizeAndTime(Path f) throws IOException {
    return "bytes:" + Files.size(f) + ",modified_ms:" + Files.getLastModifiedTime(f).toMillis();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
