package io.winnow.cli;

import io.winnow.report.TokenCounter;
import io.winnow.report.Tokenizers;
import io.winnow.report.diversity.CorpusInput;
import io.winnow.tokens.export.ExportFormat;
import io.winnow.tokens.export.TokenExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = {"Tokenizes a corpus (or a finished run's data/) for training: Megatron-LM indexed datasets "
        + "(.bin + .idx) or datatrove/nanotron tokenized files (.ds + .ds.index), in input order.",
        "The tokenizer is a tiktoken encoding or a local Hugging Face tokenizer.json (nothing is downloaded)."})
final class TokenizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT_OR_RUN",
      description = "input files, folders or globs, or one run directory (its data/ files)")
  List<String> inputs;

  @Option(names = "--tokenizer", required = true, paramLabel = "NAME_OR_FILE",
      description = "o200k_base, cl100k_base, p50k_base, r50k_base, or the path of a tokenizer.json (or of its folder)")
  String tokenizer;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the folder to write the shards into")
  Path output;

  @Option(names = "--format", defaultValue = "megatron", description = "megatron or datatrove (default: ${DEFAULT-VALUE})")
  ExportFormat format;

  @Option(names = "--eos", paramLabel = "TOKEN",
      description = "a token appended to every document, e.g. '<|endoftext|>' or '</s>' (default: none)")
  String eos;

  @Option(names = "--text-field", defaultValue = "text", description = "the JSON field holding the text (default: ${DEFAULT-VALUE})")
  String textField;

  @Option(names = "--max-tokens-per-file", defaultValue = "0", paramLabel = "N",
      description = "start a new shard before one would exceed N tokens (0: one shard)")
  long maxTokensPerFile;

  @Option(names = "--overwrite", description = "replace an export already in the output folder")
  boolean overwrite;

  @Override
  public Integer call() throws IOException {
    String problem = Tokenizers.problem(tokenizer);
    if (problem != null) throw new ParameterException(spec.commandLine(), problem);
    if (maxTokensPerFile < 0) throw new ParameterException(spec.commandLine(), "--max-tokens-per-file must be 0 or more");
    TokenCounter counter = Tokenizers.open(tokenizer);
    TokenExport export;
    try {
      export = new TokenExport(counter, new TokenExport.Options(format, textField, eos, maxTokensPerFile, 10_000));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    TokenExport.Summary s = export.run(CorpusInput.of(inputs).files(), output, overwrite);
    spec.commandLine().getOut().printf("%,d documents, %,d tokens -> %s (%s)%n", s.documents(), s.tokens(), output, String.join(", ", s.files()));
    if (s.rejected() > 0) spec.commandLine().getErr().printf("%,d records rejected by the readers (not tokenized)%n", s.rejected());
    return 0;
  }
}
