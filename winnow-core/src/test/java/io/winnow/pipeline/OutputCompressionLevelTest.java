package io.winnow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.io.Compression;
import io.winnow.io.OutputCompression;
import org.junit.jupiter.api.Test;

/** {@code output.compression_level}: the codec's usual level unless set, and only levels the codec has. */
class OutputCompressionLevelTest {
  private final PipelineFile files = new PipelineFile(StepRegistry.builtIn());

  private OutputSpec output(String output) {
    return files.parse("p.yaml", "input: {paths: [in.jsonl]}\nsteps: []\noutput: " + output + "\n").output();
  }

  @Test
  void unsetIsTheCodecsUsualLevel() {
    assertThat(output("{path: out}").outputCompression()).isEqualTo(new OutputCompression(Compression.ZSTD, 3));
    assertThat(output("{path: out, compression: gzip}").outputCompression()).isEqualTo(new OutputCompression(Compression.GZIP, 6));
  }

  @Test
  void aSetLevelIsUsedForTheCodec() {
    assertThat(output("{path: out, compression_level: 1}").outputCompression()).isEqualTo(new OutputCompression(Compression.ZSTD, 1));
    assertThat(output("{path: out, compression_level: -3}").outputCompression().level()).isEqualTo(-3);
    assertThat(output("{path: out, compression: gzip, compression_level: 9}").outputCompression().level()).isEqualTo(9);
  }

  @Test
  void aLevelOutsideTheCodecsIsRefusedNamingTheRange() {
    assertThatThrownBy(() -> output("{path: out, compression_level: 23}")).hasMessageContaining("'compression_level' must be in [-7, 22], got 23");
    assertThatThrownBy(() -> output("{path: out, compression: gzip, compression_level: 0}")).hasMessageContaining("[1, 9]");
    assertThatThrownBy(() -> output("{path: out, compression: none, compression_level: 3}")).hasMessageContaining("uncompressed output has no level");
  }
}
