package io.winnow.engine;

import io.winnow.io.storage.Storages;
import io.winnow.pipeline.InputSpec;
import io.winnow.pipeline.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A local run over remote storage (README: "Remote storage"): remote inputs are read from local copies
 * ({@link InputCopies}) and a remote output is written to a local working copy mirrored to the store
 * ({@link RunMirror}). Both live in a working folder chosen by the output path alone, under
 * {@code $WINNOW_WORK_DIR} (or the {@code winnow.work_dir} property, or the temporary folder), so that a resume
 * on the same machine finds its copies again.
 */
final class RemoteRun {
  private final Pipeline local;
  private final Map<Path, String> sources;
  private final RunMirror mirror;
  private final Path inputCopies;

  private RemoteRun(Pipeline local, Map<Path, String> sources, RunMirror mirror, Path inputCopies) {
    this.local = local;
    this.sources = sources;
    this.mirror = mirror;
    this.inputCopies = inputCopies;
  }

  /** Null when the inputs and the output are all local: then the engine works as it always did. */
  static RemoteRun open(Pipeline p, boolean resume) throws IOException {
    String out = p.output().path();
    boolean remoteOut = Storages.isRemote(out);
    if (!remoteOut && p.input().paths().stream().noneMatch(Storages::isRemote)) return null;
    if (p.input().readsFolders() && p.input().paths().stream().anyMatch(Storages::isRemote)) {
      throw new RunFailedException("input.format " + p.input().format() + " reads folders, which are read from local paths only; copy them here first");
    }
    if (remoteOut) refuseOverlap(out, p.input().paths());
    Path work = workFolder(out);
    RunMirror mirror = null;
    Pipeline local = p;
    if (remoteOut) {
      mirror = new RunMirror(Storages.of(out), out, work.resolve("run"));
      mirror.pull(resume);
      local = local.withOutputPath(work.resolve("run").toString());
    }
    Path copies = work.resolve("inputs");
    InputCopies.Localized in = InputCopies.localize(p.input().paths(), copies);
    InputSpec i = p.input();
    local = new Pipeline(new InputSpec(in.patterns(), i.format(), i.idField(), i.textField(), i.splitBytes()), local.steps(),
        local.output(), local.run(), local.definition());
    return new RemoteRun(local, in.sources(), mirror, copies);
  }

  /** The pipeline on local paths: the input copies and the working copy of the output. */
  Pipeline localPipeline() {
    return local;
  }

  /** How documents and run.json name an input: its URI for a copy, else its path. */
  String sourceOf(Path input) {
    return sources.getOrDefault(input, input.toString());
  }

  /** The mirror of the remote output, or null when the output is local. */
  RunMirror mirror() {
    return mirror;
  }

  /** Where the run is, as the user named it. */
  String output(Pipeline original) {
    return mirror == null ? original.output().path() : mirror.remoteRoot();
  }

  /** After a complete run the input copies are not needed (a later resume fetches them again). */
  void finished() throws IOException {
    if (!Files.isDirectory(inputCopies)) return;
    try (Stream<Path> s = Files.walk(inputCopies)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    }
  }

  /** An output inside a remote input folder would be read back in by the next run, as locally (OutputPlacement). */
  private static void refuseOverlap(String out, List<String> inputs) {
    String o = out.endsWith("/") ? out : out + "/";
    for (String in : inputs) {
      int glob = firstGlob(in);
      String fixed = glob < 0 ? in : in.substring(0, in.lastIndexOf('/', glob) + 1);
      String folder = fixed.endsWith("/") ? fixed : fixed + "/";
      if (Storages.isRemote(in) && (o.startsWith(folder) || folder.startsWith(o))) {
        throw new RunFailedException("output " + out + " and input " + in + " overlap: a later run or a resume would read this run's output "
            + "as input, or the run would overwrite its input; choose an output path outside the inputs");
      }
    }
  }

  private static int firstGlob(String s) {
    for (int i = 0; i < s.length(); i++) if ("*?[{".indexOf(s.charAt(i)) >= 0) return i;
    return -1;
  }

  static Path workFolder(String output) {
    String root = System.getenv("WINNOW_WORK_DIR");
    if (root == null || root.isBlank()) root = System.getProperty("winnow.work_dir");
    if (root == null || root.isBlank()) root = Path.of(System.getProperty("java.io.tmpdir"), "winnow-work").toString();
    String key = Storages.isRemote(output) ? output : Path.of(output).toAbsolutePath().normalize().toString();
    if (key.endsWith("/")) key = key.substring(0, key.length() - 1);
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return Path.of(root, HexFormat.of().formatHex(h).substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
