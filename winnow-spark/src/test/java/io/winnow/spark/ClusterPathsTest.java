package io.winnow.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.engine.RunFailedException;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On a cluster, relative paths would resolve in each executor's work directory: refused at start, by name. */
class ClusterPathsTest {
  private static Pipeline parse(String yaml) {
    return new PipelineFile(StepRegistry.builtIn()).parse("p.yaml", yaml);
  }

  @Test
  void relativeInputAndOutputAreRefusedWithTheirNames() {
    Pipeline p = parse("input: {paths: ['data/in']}\nsteps: [gopher_quality]\noutput: {path: runs/out}\n");
    assertThatThrownBy(() -> ClusterPaths.refuseRelative(p, "runs/out", Set.of(), "spark://m:7077"))
        .isInstanceOf(RunFailedException.class)
        .hasMessageContaining("input path 'data/in'").hasMessageContaining("output path 'runs/out'")
        .hasMessageContaining("spark://m:7077");
  }

  @Test
  void absolutePathsAndUrisPass() {
    Pipeline p = parse("input: {paths: ['/data/in', 'hdfs:///corpus/*.jsonl.gz']}\nsteps: [gopher_quality]\n");
    ClusterPaths.refuseRelative(p, "s3a://bucket/run", Set.of(), "yarn");
    ClusterPaths.refuseRelative(p, "file:///shared/run", Set.of(), "yarn");
    ClusterPaths.refuseRelative(p, "/shared/run", Set.of(), "yarn");
  }

  @Test
  void aRelativeFileAStepNamesIsRefusedUnlessShippedWithFiles() throws Exception {
    // a file the driver sees in its working directory (the module directory under Maven) but executors would not
    Path here = Path.of("target/cluster-paths-urls.txt");
    Files.createDirectories(here.getParent());
    Files.writeString(here, "example.com\n");
    String yaml = "input: {paths: ['/data/in']}\nsteps:\n  - {type: url_filter, blocked_domains_file: '" + here + "'}\n";
    Pipeline pipeline = parse(yaml);
    assertThatThrownBy(() -> ClusterPaths.refuseRelative(pipeline, "/shared/run", Set.of(), "yarn"))
        .hasMessageContaining("file '" + here + "'");
    // shipped with --files, a bare name is found in every executor's work directory
    Files.writeString(Path.of("cluster-paths-urls.txt"), "example.com\n");
    try {
      Pipeline shipped = parse(yaml.replace(here.toString(), "cluster-paths-urls.txt"));
      ClusterPaths.refuseRelative(shipped, "/shared/run", ClusterPaths.shippedNames("file:/home/me/cluster-paths-urls.txt"), "yarn");
    } finally {
      Files.deleteIfExists(Path.of("cluster-paths-urls.txt"));
    }
  }

  @Test
  void shippedNamesAreTheLastPathComponentOrTheAlias() {
    assertThat(ClusterPaths.shippedNames("hdfs:///p/pipeline.yaml, /tmp/urls.txt#blocklist.txt"))
        .containsExactlyInAnyOrder("pipeline.yaml", "blocklist.txt");
    assertThat(ClusterPaths.shippedNames(null)).isEmpty();
  }
}
