package io.winnow.cli;

import io.winnow.io.AtomicFiles;
import io.winnow.pipeline.OutputSpec;
import io.winnow.pipeline.Pipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --output -}: the run writes into a run folder as always ({@code --run-dir}, or a new temporary folder, named
 * on standard error) and, once it is complete, its kept documents are copied to standard output as uncompressed JSON
 * Lines in input order and their files deleted; the decisions, statistics and dataset card stay in the run folder.
 * What cannot be a single stream is refused: Parquet, {@code output.shards}/{@code target_file_bytes}, {@code --resume}.
 */
final class StandardOutput {
  private StandardOutput() {}

  static Pipeline prepare(Pipeline p, Path runDir, boolean resume, CommandSpec spec) throws IOException {
    OutputSpec out = p.output();
    if (resume) throw new ParameterException(spec.commandLine(), "a run writing to standard output cannot be resumed: what it wrote is gone; run it again");
    if (!out.format().equals("jsonl")) {
      throw new ParameterException(spec.commandLine(), "standard output carries JSON Lines; output.format " + out.format() + " needs an output folder (--output DIR)");
    }
    if (out.repartitions()) throw new ParameterException(spec.commandLine(), "standard output is one stream: output.shards and target_file_bytes need an output folder");
    io.winnow.engine.StandardInput.named(p, false); // its refusals before a temporary folder is made for nothing
    Path dir = runDir != null ? runDir : Files.createTempDirectory("winnow-run-");
    spec.commandLine().getErr().println("winnow: kept documents to standard output; decisions, statistics and the dataset card in " + dir);
    spec.commandLine().getErr().flush();
    return p.withOutput(out.forStandardOutput(dir.toString()));
  }

  /** Copies the kept documents (data/, in file-name order: shard by shard, in input order) to {@code to}, then deletes them. */
  static void copyKept(Path runDir, OutputStream to) throws IOException {
    Path data = runDir.resolve("data");
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(data)) {
      for (Path f : s) if (!f.getFileName().toString().endsWith(AtomicFiles.TMP_SUFFIX)) files.add(f);
    }
    files.sort(null);
    for (Path f : files) Files.copy(f, to);
    to.flush();
    for (Path f : files) Files.delete(f);
  }
}
