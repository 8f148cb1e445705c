package io.winnow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** run.spark: the Spark engine's shuffle partitions, fixed or from the input size; not part of the fingerprint. */
class SparkSizingTest {
  private static Pipeline parse(String run) {
    return new PipelineFile(StepRegistry.builtIn()).parse("p.yaml", "input: {paths: [in.jsonl]}\nsteps: [exact_dedup]\noutput: {path: out}\n" + run);
  }

  @Test
  void partitionsFromTheInputSizeUnlessFixed() {
    SparkSizing byDefault = parse("").run().spark();
    assertThat(byDefault.partitionsFor(0, 2)).isEqualTo(2);
    assertThat(byDefault.partitionsFor(10 * SparkSizing.DEFAULT_BYTES_PER_PARTITION + 1, 2)).isEqualTo(11);
    SparkSizing bytes = parse("run: {spark: {bytes_per_partition: 2097152}}\n").run().spark();
    assertThat(bytes.partitionsFor(8L << 20, 1)).isEqualTo(4);
    assertThat(bytes.partitionsFor(8L << 20, 16)).as("at least one per core").isEqualTo(16);
    assertThat(parse("run: {spark: {partitions: 7}}\n").run().spark().partitionsFor(1L << 40, 64)).isEqualTo(7);
  }

  @Test
  void sizingDoesNotChangeTheFingerprint() {
    assertThat(parse("run: {spark: {partitions: 7}}\n").fingerprint()).isEqualTo(parse("").fingerprint());
  }

  @Test
  void unknownKeysAreNamed() {
    assertThatThrownBy(() -> parse("run: {spark: {partitons: 7}}\n")).hasMessageContaining("run.spark").hasMessageContaining("partitons");
  }
}
