package io.winnow.cli;

import io.winnow.io.AtomicFiles;
import io.winnow.step.quality.FeatureOptions;
import io.winnow.step.quality.Loss;
import io.winnow.step.quality.QualityTrainer;
import io.winnow.step.quality.ShortTextPrior;
import io.winnow.step.quality.TrainingData;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train-quality", mixinStandardHelpOptions = true,
    description = {"Train the quality classifier of the quality step: a fastText-style linear model over hashed word "
        + "n-grams (and optional character n-grams), one thread, deterministic for a seed.",
        "Data: positive and negative files (JSONL in any compression, Parquet, WET), or labelled files with --label-field."})
final class TrainQualityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--positive", arity = "1..*", paramLabel = "PATH", description = "texts of the positive (high-quality) class")
  List<String> positive = List.of();

  @Option(names = "--negative", arity = "1..*", paramLabel = "PATH", description = "texts of the negative class")
  List<String> negative = List.of();

  @Option(names = "--labelled", arity = "1..*", paramLabel = "PATH", description = "texts whose class is in --label-field")
  List<String> labelled = List.of();

  @Option(names = "--label-field", defaultValue = "label", description = "field holding the class in --labelled files (default: ${DEFAULT-VALUE})")
  String labelField;

  @Option(names = "--positive-label", defaultValue = "hq", description = "label value of the positive class (default: ${DEFAULT-VALUE})")
  String positiveLabel;

  @Option(names = "--negative-label", description = "label value of the negative class (default: any other value)")
  String negativeLabel;

  @Option(names = "--text-field", defaultValue = "text", description = "field holding the text (default: ${DEFAULT-VALUE})")
  String textField;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the model file to write")
  Path out;

  @Option(names = "--name", defaultValue = "winnow-quality", description = "model name shown in its version (default: ${DEFAULT-VALUE})")
  String name;

  @Option(names = "--dim", defaultValue = "16", description = "embedding dimension (default: ${DEFAULT-VALUE})")
  int dim;

  @Option(names = "--buckets", defaultValue = "262144", description = "hash buckets for the features (default: ${DEFAULT-VALUE})")
  int buckets;

  @Option(names = "--word-ngrams", defaultValue = "2", description = "longest word n-gram, 1 = words only, 0 = no word features (default: ${DEFAULT-VALUE})")
  int wordNgrams;

  @Option(names = "--minn", defaultValue = "0", description = "shortest character n-gram, 0 = none (default: ${DEFAULT-VALUE})")
  int minn;

  @Option(names = "--maxn", defaultValue = "0", description = "longest character n-gram (default: ${DEFAULT-VALUE})")
  int maxn;

  @Option(names = "--max-words", defaultValue = "0", description = "words read from each text, 0 = all (default: ${DEFAULT-VALUE})")
  int maxWords;

  @Option(names = "--line-shapes", description = "also read each line's shape (length, first and last character kind): layout features that carry across languages")
  boolean lineShapes;

  @Option(names = "--token-shapes", description = "also read the classes of neighbouring words (number, capitalised, lower case, ... and their ending punctuation): features that carry across languages")
  boolean tokenShapes;

  @Option(names = "--min-letters", defaultValue = "0", description = "short-text prior: a text with fewer letters than this scores lower, "
      + "by --short-penalty × ln(min-letters / letters) in the margin; 0 = none (default: ${DEFAULT-VALUE})")
  int minLetters;

  @Option(names = "--short-penalty", defaultValue = "4", description = "weight of the short-text prior (default: ${DEFAULT-VALUE})")
  double shortPenalty;

  @Option(names = "--epochs", defaultValue = "5", description = "passes over the data (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.1", description = "initial learning rate, falling linearly to 0 (default: ${DEFAULT-VALUE})")
  double learningRate;

  @Option(names = "--loss", defaultValue = "logistic", description = "logistic or softmax (default: ${DEFAULT-VALUE})")
  String loss;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the visiting order and the output layer's start (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (labelled.isEmpty() && (positive.isEmpty() || negative.isEmpty()))
      throw new ParameterException(spec.commandLine(), "give --positive and --negative files, or --labelled files");
    QualityTrainer.Options options;
    try {
      options = new QualityTrainer.Options(name, new FeatureOptions(buckets, wordNgrams, minn, maxn, maxWords, lineShapes, tokenShapes), dim, epochs,
          learningRate, Loss.parse(loss), seed, new ShortTextPrior(minLetters, minLetters > 0 ? shortPenalty : 0));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    long start = System.nanoTime();
    List<QualityTrainer.Example> examples = new ArrayList<>();
    if (!positive.isEmpty()) examples.addAll(TrainingData.ofClass(positive, true, textField));
    if (!negative.isEmpty()) examples.addAll(TrainingData.ofClass(negative, false, textField));
    if (!labelled.isEmpty()) examples.addAll(TrainingData.labelled(labelled, textField, labelField, positiveLabel, negativeLabel));
    double readSeconds = (System.nanoTime() - start) / 1e9;
    QualityTrainer.Trained t = QualityTrainer.train(examples, options);
    if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
    AtomicFiles.write(out, t.bytes());
    PrintWriter w = spec.commandLine().getOut();
    w.printf("read %,d texts in %.1f s%n", examples.size(), readSeconds);
    t.report().forEach(w::println);
    w.printf("model %s written to %s (%,d bytes)%n", t.model().version(), out, t.bytes().length);
    w.flush();
    return 0;
  }
}
