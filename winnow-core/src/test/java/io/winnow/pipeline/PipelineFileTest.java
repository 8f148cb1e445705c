package io.winnow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.io.Compression;
import io.winnow.step.filter.C4Filter;
import org.junit.jupiter.api.Test;

class PipelineFileTest {
  private final PipelineFile files = new PipelineFile(StepRegistry.builtIn());

  private Pipeline parse(String yaml) {
    return files.parse("p.yaml", yaml);
  }

  private static final String INPUT = "input: {paths: [in.jsonl]}\n";

  @Test
  void readsAFullPipeline() {
    Pipeline p = parse(INPUT + """
        steps:
          - gopher_repetition
          - type: c4
            id: c4_fineweb
            filter_no_terminal_punct: false
          - type: gopher_quality
            min_doc_words: 20
            max_avg_word_length: null
        output: {path: out, compression: gzip, max_file_bytes: 2048}
        run: {workers: 3, tokenizer: o200k_base}
        """);
    assertThat(p.steps()).extracting(StepSpec::id).containsExactly("gopher_repetition", "c4_fineweb", "gopher_quality");
    assertThat(p.steps().get(1).type()).isEqualTo(C4Filter.TYPE);
    assertThat(p.output().compression()).isEqualTo(Compression.GZIP);
    assertThat(p.output().maxFileBytes()).isEqualTo(2048);
    assertThat(p.run().workers()).isEqualTo(3);
    assertThat(p.steps().get(2).create()).isNotNull();
  }

  @Test
  void unknownStepKeyNamesStepKeyAndAllowedKeys() {
    assertThatThrownBy(() -> parse(INPUT + "steps:\n  - type: gopher_quality\n    min_words: 3\n"))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("step 1 (gopher_quality)")
        .hasMessageContaining("unknown key 'min_words'")
        .hasMessageContaining("min_doc_words");
  }

  @Test
  void outOfRangeValueNamesTheRange() {
    assertThatThrownBy(() -> parse(INPUT + "steps:\n  - type: fineweb_quality\n    line_punct_thr: 2\n"))
        .hasMessageContaining("step 1 (fineweb_quality)")
        .hasMessageContaining("'line_punct_thr' must be in [0, 1], got 2");
  }

  @Test
  void wrongTypeIsAnError() {
    assertThatThrownBy(() -> parse(INPUT + "steps:\n  - type: c4\n    split_paragraph: yes please\n"))
        .hasMessageContaining("'split_paragraph' must be true or false");
  }

  @Test
  void unknownStepTypeListsKnownOnes() {
    assertThatThrownBy(() -> parse(INPUT + "steps: [gopher]\n"))
        .hasMessageContaining("unknown step type 'gopher'")
        .hasMessageContaining("gopher_quality");
  }

  @Test
  void unknownSectionAndKeysAreErrors() {
    assertThatThrownBy(() -> parse(INPUT + "steps: [c4]\noutptu: {path: x}\n")).hasMessageContaining("unknown section 'outptu'");
    assertThatThrownBy(() -> parse(INPUT + "steps: [c4]\nrun: {threads: 2}\n")).hasMessageContaining("p.yaml.run: unknown key 'threads'");
    assertThatThrownBy(() -> parse("input: {paths: [a], txt_field: body}\nsteps: [c4]\n")).hasMessageContaining("unknown key 'txt_field'");
  }

  @Test
  void duplicateStepIdsAreRejected() {
    assertThatThrownBy(() -> parse(INPUT + "steps: [c4, c4]\n")).hasMessageContaining("id 'c4' is used twice");
  }

  @Test
  void missingPartsAreNamed() {
    assertThatThrownBy(() -> parse("steps: [c4]\n")).hasMessageContaining("'paths' is required");
    assertThatThrownBy(() -> parse(INPUT)).hasMessageContaining("'steps' is required");
    assertThatThrownBy(() -> parse(INPUT + "steps: [c4]\noutput: {compression: lz4}\n"))
        .hasMessageContaining("'compression' must be one of zstd, gzip, none");
  }

  @Test
  void invalidYamlReportsTheLine() {
    assertThatThrownBy(() -> parse("input: [\nsteps: x: y\n")).hasMessageContaining("not valid YAML");
  }

  @Test
  void nullDisablesARuleButAbsentKeepsTheDefault() {
    Params p = new Params("s", new java.util.HashMap<>(java.util.Collections.singletonMap("a", null)));
    assertThat(p.optDouble("a", 0.5, 0, 1)).isNull();
    assertThat(p.optDouble("b", 0.5, 0, 1)).isEqualTo(0.5);
  }

  @Test
  void fingerprintIgnoresHowTheRunRuns() {
    String steps = "steps: [c4]\n";
    Pipeline a = parse(INPUT + steps + "output: {path: a}\nrun: {workers: 1}\n");
    Pipeline b = parse(INPUT + steps + "output: {path: b}\nrun: {workers: 2}\n");
    Pipeline c = parse(INPUT + "steps: [gopher_quality]\noutput: {path: a}\n");
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
  }

  @Test
  void fingerprintCoversTheRunOptionsThatChangeTheOutput() {
    String steps = "steps: [c4]\noutput: {path: a}\n";
    Pipeline defaults = parse(INPUT + steps);
    Pipeline explicitDefaults = parse(INPUT + steps + "run: {max_document_bytes: " + io.winnow.io.ReaderLimits.DEFAULT_MAX_DOCUMENT_BYTES + "}\n");
    Pipeline smaller = parse(INPUT + steps + "run: {max_document_bytes: 1000}\n");
    Pipeline tokens = parse(INPUT + steps + "run: {tokenizer: o200k_base}\n");
    assertThat(defaults.fingerprint()).isEqualTo(explicitDefaults.fingerprint())
        .isNotEqualTo(smaller.fingerprint()).isNotEqualTo(tokens.fingerprint());
  }
}
