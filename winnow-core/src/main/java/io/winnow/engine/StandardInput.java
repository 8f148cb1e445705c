package io.winnow.engine;

import io.winnow.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code input.paths: ["-"]}: the records come from standard input. They are copied to a temporary file first
 * (deleted when the run ends) and read from there as one shard, so every reader and step works as on a file;
 * documents name their origin {@value #SOURCE} ({@code stdin:12} for line 12). What needs the input again later
 * cannot work on a stream and is refused before anything is read: {@code --resume}, {@code run.limit} (pipe
 * through {@code head -n N} instead), and naming {@code -} beside other inputs.
 */
public final class StandardInput {
  public static final String PATH = "-";
  static final String SOURCE = "stdin";

  private StandardInput() {}

  /** True when the pipeline reads standard input; refuses what cannot work on a stream. */
  public static boolean named(Pipeline p, boolean resume) {
    List<String> paths = p.input().paths();
    if (!paths.contains(PATH)) return false;
    if (paths.size() > 1) throw new RunFailedException("input '-' (standard input) must be the only input path; got " + paths);
    if (resume) throw new RunFailedException("a run reading standard input cannot be resumed: the records it read are gone; run it again");
    if (p.run().selection().isLimited()) {
      throw new RunFailedException("run.limit cannot be used with standard input (it counts a file's records before the run); pipe through `head -n N` instead");
    }
    return true;
  }

  /** Copies standard input to a file of a new temporary folder; the caller deletes it with {@link #delete}. */
  static Path spool(InputStream in, String format) throws IOException {
    Path dir = Files.createTempDirectory("winnow-stdin-");
    Path file = dir.resolve(SOURCE + (format.equals("auto") ? ".jsonl" : "." + format));
    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  static void delete(Path spooled) throws IOException {
    Files.deleteIfExists(spooled);
    Files.deleteIfExists(spooled.getParent());
  }
}
