package io.winnow.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.engine.LocalEngine;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldPathTest {
  @Test
  void keysWinOverPathsAndPathsReachNestedObjects() {
    Map<String, Object> inner = new LinkedHashMap<>(Map.of("url", "http://a.example/x", "source", Map.of("name", "cc")));
    Map<String, Object> fields = new LinkedHashMap<>(Map.of("metadata", inner, "warc.url", "flat"));
    assertThat(FieldPath.get(fields, "metadata.url")).isEqualTo("http://a.example/x");
    assertThat(FieldPath.get(fields, "metadata.source.name")).isEqualTo("cc");
    assertThat(FieldPath.get(fields, "warc.url")).isEqualTo("flat");
    assertThat(FieldPath.get(fields, "metadata.missing.deeper")).isNull();
    assertThat(FieldPath.get(fields, "metadata.url.deeper")).isNull();
    assertThat(FieldPath.get(fields, "nothing")).isNull();
  }

  /** The shipped Common Crawl sample keeps its URLs under metadata: url_filter reaches them by path. */
  @Test
  void stepsReadNestedFields(@TempDir Path dir) throws Exception {
    Path sample = Path.of("../examples/data/cc-main-2019-30-sample-200.jsonl.gz").toAbsolutePath();
    var p = new PipelineFile(StepRegistry.builtIn()).parse("f.yaml",
        "input: {paths: ['" + sample + "']}\n"
            + "steps:\n  - {type: url_filter, url_field: metadata.warc_url, blocked_domains: [wikidot.com]}\n"
            + "  - {type: exact_dedup, field: metadata.warc_filename}\n"
            + "output: {path: '" + dir.resolve("run") + "'}\n");
    LocalEngine.Result r = new LocalEngine(p, false, false, null).run();
    var url = r.stats().steps().get("url_filter");
    assertThat(url.dropped()).isPositive();
    // every page of the sample comes from a handful of WARC files: deduplicating by that nested field keeps one each
    assertThat(r.stats().kept()).isPositive().isLessThan(20);
  }
}
