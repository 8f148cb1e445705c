package io.winnow.cli;

import io.winnow.io.AtomicFiles;
import io.winnow.step.slop.DetectorModel;
import io.winnow.step.slop.DetectorTrainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-detector", mixinStandardHelpOptions = true,
    description = {"Train the machine-text detector used by the slop step from labelled human/machine texts.",
        "Data: JSONL with text, label (human|machine), optional domain, generator, group; or Fast-DetectGPT "
            + "<domain>_<generator>.raw_data.json files (the shared prompt prefix is stripped)."})
final class TrainDetectorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH", description = "labelled files or directories")
  List<Path> data;

  @Option(names = "--reference", arity = "1..*", paramLabel = "FILE",
      description = "human text from before language models for the n-gram model (Brown .tgz, .txt or .jsonl; several are pooled); default: the built-in model's")
  List<Path> reference = List.of();

  @Option(names = "--calibration", arity = "1..*", paramLabel = "PATH",
      description = "human text of many kinds, never trained on (labelled JSONL, one domain per kind): thresholds are chosen and the corpus estimate's false-positive rates measured on it")
  List<Path> calibration = List.of();

  @Option(names = "--hold-out", arity = "1..*", paramLabel = "SPEC",
      description = "generator=NAME, domain=NAME or half=DOMAIN: texts left out of training, to measure the model on later")
  List<String> holdOut = List.of();

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the model file to write")
  Path out;

  @Option(names = "--name", defaultValue = "winnow-slop", description = "model name recorded in provenance (default: ${DEFAULT-VALUE})")
  String name;

  @Option(names = "--hash-bits", defaultValue = "18", description = "log2 of the hashed n-gram feature space, 0 for none (default: ${DEFAULT-VALUE})")
  int hashBits;

  @Option(names = "--epochs", defaultValue = "12", description = "passes over the data (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--seed", defaultValue = "42", description = "shuffling seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--case-fold", description = "read sentence boundaries and style n-grams without case (recorded in the model file; the scoring step follows it)")
  boolean caseFold;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    DetectorTrainer.Trained t = DetectorTrainer.train(new DetectorTrainer.Request(data, reference, calibration,
        holdOut.stream().map(io.winnow.step.slop.HoldOut::parse).toList(), name, hashBits, epochs, seed, caseFold));
    byte[] bytes = t.model().toBytes();
    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
    AtomicFiles.write(out, bytes);
    PrintWriter w = spec.commandLine().getOut();
    t.report().forEach(w::println);
    w.printf("model %s written to %s (%,d bytes) in %.1f s%n", DetectorModel.load(out.toString()).version(), out, bytes.length,
        (System.nanoTime() - start) / 1e9);
    w.flush();
    return 0;
  }
}
