package io.winnow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineOverridesTest {
  private static final String YAML = "input: {paths: [x.jsonl]}\n"
      + "steps: [gopher_quality, {type: c4, id: c4_web, filter_no_terminal_punct: false}]\noutput: {path: runs/x}\n";

  private static Map<String, Object> def() {
    return new PipelineFile(StepRegistry.builtIn()).parse("p.yaml", YAML).definition();
  }

  @Test
  void setsStepParametersByIdOrTypeAndSectionKeysWithYamlValues() {
    Map<String, Object> d = PipelineOverrides.apply(def(), List.of("steps.gopher_quality.min_doc_words=20", "steps.c4_web.min_num_sentences=2",
        "output.path=runs/y", "run.group_by=[language, metadata.source]", "input.paths=[a.jsonl, b.jsonl]"));
    Pipeline p = new PipelineFile(StepRegistry.builtIn()).parse("p.yaml", d);
    assertThat(p.steps().get(0).params()).containsEntry("min_doc_words", 20);
    assertThat(p.steps().get(1).params()).containsEntry("min_num_sentences", 2).containsEntry("filter_no_terminal_punct", false);
    assertThat(p.output().path()).isEqualTo("runs/y");
    assertThat(p.run().groupBy()).containsExactly("language", "metadata.source");
    assertThat(p.input().paths()).containsExactly("a.jsonl", "b.jsonl");
    // the original definition is untouched
    assertThat(def().get("steps")).isEqualTo(new PipelineFile(StepRegistry.builtIn()).parse("p.yaml", YAML).definition().get("steps"));
  }

  @Test
  void badOverridesNameTheOverride() {
    assertThatThrownBy(() -> PipelineOverrides.apply(def(), List.of("steps.c4.x=1"))).hasMessageContaining("--set steps.c4.x=1").hasMessageContaining("gopher_quality, c4_web");
    assertThatThrownBy(() -> PipelineOverrides.apply(def(), List.of("outputs.path=1"))).hasMessageContaining("unknown section 'outputs'");
    assertThatThrownBy(() -> PipelineOverrides.apply(def(), List.of("output.path.x=1"))).hasMessageContaining("not a map");
    assertThatThrownBy(() -> PipelineOverrides.apply(def(), List.of("=1"))).hasMessageContaining("key=value");
    assertThatThrownBy(() -> PipelineOverrides.apply(def(), List.of("steps.c4_web=1"))).hasMessageContaining("steps.<id>.<parameter>");
  }

  @Test
  void theDiffListsChangedKeysAndIgnoresTheOnesTheOutputDoesNotDependOn() {
    Map<String, Object> after = PipelineOverrides.apply(def(), List.of("steps.gopher_quality.min_doc_words=20", "output.path=elsewhere",
        "run.workers=3", "run.limit=10"));
    List<String> d = PipelineDiff.differences(new ObjectMapper().valueToTree(def()), after);
    assertThat(d).containsExactlyInAnyOrder("steps.gopher_quality.min_doc_words: (unset) → 20", "run.limit: (unset) → 10");
    Map<String, Object> reordered = PipelineOverrides.apply(def(), List.of());
    java.util.Collections.reverse((List<Object>) reordered.get("steps"));
    assertThat(PipelineDiff.differences(new ObjectMapper().valueToTree(def()), reordered)).contains("steps: [gopher_quality, c4_web] → [c4_web, gopher_quality]");
  }
}
