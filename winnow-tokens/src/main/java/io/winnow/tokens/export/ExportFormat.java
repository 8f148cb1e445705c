package io.winnow.tokens.export;

import java.io.IOException;
import java.nio.file.Path;

/** The layouts {@code winnow tokenize} writes. */
public enum ExportFormat {
  /** Megatron-LM / NeMo indexed dataset: {@code part-00000.bin} + {@code .idx}. */
  MEGATRON,
  /** datatrove / nanotron tokenized files: {@code part-00000.ds} + {@code .ds.index} + {@code .ds.metadata}. */
  DATATROVE;

  TokenShardWriter open(Path base, int vocabularySize, String tokenizerName) throws IOException {
    return switch (this) {
      case MEGATRON -> new MegatronShardWriter(base, vocabularySize);
      case DATATROVE -> new DatatroveShardWriter(base, vocabularySize, tokenizerName);
    };
  }
}
