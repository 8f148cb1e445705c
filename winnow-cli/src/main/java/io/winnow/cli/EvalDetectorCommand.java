package io.winnow.cli;

import io.winnow.step.slop.DetectorEvaluation;
import io.winnow.step.slop.DetectorModel;
import io.winnow.step.slop.DetectorTrainer;
import io.winnow.step.slop.HoldOut;
import io.winnow.step.slop.LabelledCorpus;
import io.winnow.step.slop.LabelledText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "eval-detector", mixinStandardHelpOptions = true,
    description = {"Measure the machine-text detector: AUROC and the share of machine text caught at 1 %% and 5 %% false positives.",
        "  --data only: cross-validation, per domain, per generator, leave-one-generator-out, leave-one-domain-out (retrains per split).",
        "  --model and --data: scores held-out labelled data with a trained model.",
        "  --model and --human: false-positive rates on text known to be human, and the estimated machine share."})
final class EvalDetectorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", arity = "1..*", paramLabel = "PATH", description = "labelled files or directories (as for train-detector)")
  List<Path> data;

  @Option(names = "--human", arity = "1..*", paramLabel = "FILE", description = "JSONL files of human text (field text)")
  List<Path> human;

  @Option(names = "--model", paramLabel = "FILE", description = "a model file, or 'builtin'")
  String model;

  @Option(names = "--reference", arity = "1..*", paramLabel = "FILE", description = "cross-validation: reference corpus for the n-gram model (default: the built-in model's)")
  List<Path> reference = List.of();

  @Option(names = "--hold-out", arity = "1..*", paramLabel = "SPEC",
      description = "generator=NAME, domain=NAME or half=DOMAIN: cross-validation trains without these texts; with --model only these texts are scored")
  List<String> holdOut = List.of();

  @Option(names = "--mixtures", split = ",", paramLabel = "SHARE",
      description = "with --model, --data (machine texts taken from it) and --human: corpora with these machine shares, estimated as the step does")
  double[] mixtures;

  @Option(names = "--mixture-size", defaultValue = "1000", description = "documents per mixture corpus (default: ${DEFAULT-VALUE})")
  int mixtureSize;

  @Option(names = "--hash-bits", defaultValue = "18", description = "cross-validation: hashed feature bits (default: ${DEFAULT-VALUE})")
  int hashBits;

  @Option(names = "--epochs", defaultValue = "12", description = "cross-validation: passes over the data (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--case-fold", description = "cross-validation: features read without case, as train-detector --case-fold")
  boolean caseFold;

  /** With hold-out specs, only the texts they match; else all. */
  private static List<LabelledText> selected(List<LabelledText> texts, List<HoldOut> specs) {
    return specs.isEmpty() ? texts : texts.stream().filter(t -> HoldOut.any(specs, t)).toList();
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    long start = System.nanoTime();
    List<HoldOut> specs = holdOut.stream().map(HoldOut::parse).toList();
    if (mixtures != null) {
      if (model == null || data == null || human == null) throw new ParameterException(spec.commandLine(), "--mixtures needs --model, --data and --human");
      DetectorModel m = DetectorModel.load(model);
      List<LabelledText> labelled = selected(LabelledCorpus.read(data), specs);
      List<String> machine = labelled.stream().filter(LabelledText::machine).map(LabelledText::text).toList();
      List<String> people = new java.util.ArrayList<>(labelled.stream().filter(t -> !t.machine()).map(LabelledText::text).toList());
      people.addAll(LabelledCorpus.readTexts(human));
      w.printf("model %s; machine and human documents from --data%s, more human documents from --human%n", m.version(),
          specs.isEmpty() ? "" : " (held out: " + String.join(", ", holdOut) + ")");
      DetectorEvaluation.printMixtures(DetectorEvaluation.mixtures(machine, people, m, mixtures, mixtureSize, 50, 7), w);
    } else if (human != null) {
      if (model == null) throw new ParameterException(spec.commandLine(), "--human needs --model (a file or 'builtin')");
      DetectorModel m = DetectorModel.load(model);
      DetectorEvaluation.humanOnly(LabelledCorpus.readTexts(human), m).print(w, m);
    } else if (data != null) {
      if (model != null) {
        DetectorEvaluation.score(selected(LabelledCorpus.read(data), specs), DetectorModel.load(model)).print(w);
      } else {
        DetectorTrainer.Request r = new DetectorTrainer.Request(data, reference, List.of(), specs, "cv", hashBits, epochs, 42, caseFold);
        DetectorTrainer.crossValidate(r).print(w);
      }
    } else {
      throw new ParameterException(spec.commandLine(), "give --data (labelled texts) or --human with --model");
    }
    w.printf("%ntook %.1f s%n", (System.nanoTime() - start) / 1e9);
    w.flush();
    return 0;
  }
}
