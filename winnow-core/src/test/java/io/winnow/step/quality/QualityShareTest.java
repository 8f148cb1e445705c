package io.winnow.step.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.engine.LocalEngine;
import io.winnow.engine.ProgressListener;
import io.winnow.log.DecisionLogReader;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus step on the 200 shipped Common Crawl pages: it fits the threshold that keeps {@code keep_share} of the
 * corpus, keeps that share, and decides every page as the {@code quality} step with the fitted threshold does.
 */
class QualityShareTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void keepsTheShareAndDecidesAsTheQualityStepWithTheFittedThreshold() throws IOException {
    double share = 0.3;
    LocalEngine.Result fit = run(QualityTestData.WEB_200, Map.of("type", "quality_share", "keep_share", share), "share");
    @SuppressWarnings("unchecked")
    Map<String, Object> fitted = (Map<String, Object>) fit.stats().corpusSteps().get("quality_share");
    double threshold = ((Number) fitted.get("threshold")).doubleValue();
    assertThat(fitted).containsEntry("scored", 200);

    QualityModel.Scorer scorer = QualityModel.load(QualityModel.BUILTIN).scorer();
    List<String> texts = QualityTestData.webTexts();
    long atOrAbove = texts.stream().filter(t -> scorer.score(t) >= threshold).count();
    long ties = texts.stream().filter(t -> scorer.score(t) == threshold).count();
    long wanted = (long) Math.ceil(share * texts.size());
    assertThat(fit.stats().kept()).isEqualTo(atOrAbove).isGreaterThanOrEqualTo(wanted).isLessThan(wanted + ties);

    LocalEngine.Result plain = run(QualityTestData.WEB_200, Map.of("type", "quality", "threshold", threshold), "plain");
    assertThat(outcomes(fit.runDir())).hasSize(200).isEqualTo(outcomes(plain.runDir()));
  }

  @Test
  void documentsInAnotherLanguageAreNotPartOfTheShareAndAreKept() throws IOException {
    Path input = tmp.resolve("mixed.jsonl");
    List<String> lines = new ArrayList<>();
    List<String> web = QualityTestData.webTexts().subList(0, 50);
    for (int i = 0; i < web.size(); i++) lines.add(JSON.writeValueAsString(Map.of("id", "w" + i, "text", web.get(i))));
    List<String> other = QualityTestData.otherLanguageTexts();
    for (int i = 0; i < other.size(); i++)
      lines.add(JSON.writeValueAsString(Map.of("id", "o" + i, "text", other.get(i), "language", "de")));
    Files.write(input, lines);
    LocalEngine.Result r = run(input, Map.of("type", "quality_share", "keep_share", 0.1, "languages", List.of("en")), "mixed");
    @SuppressWarnings("unchecked")
    Map<String, Object> fitted = (Map<String, Object>) r.stats().corpusSteps().get("quality_share");
    assertThat(fitted).containsEntry("scored", 50);
    Map<String, String> outcomes = outcomes(r.runDir());
    for (int i = 0; i < other.size(); i++) assertThat(outcomes).containsEntry("o" + i, "KEPT");
    assertThat(r.stats().kept()).isGreaterThanOrEqualTo(5 + other.size());
  }

  private LocalEngine.Result run(Path input, Map<String, Object> step, String name) throws IOException {
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("input", Map.of("paths", List.of(input.toString()), "id_field", "id"));
    def.put("steps", List.of(step));
    def.put("output", Map.of("path", tmp.resolve(name).toString()));
    def.put("run", Map.of("tokenizer", "none", "workers", 1));
    var pipeline = new PipelineFile(StepRegistry.builtIn()).parse(name, JSON.writeValueAsString(def));
    return new LocalEngine(pipeline, false, false, ProgressListener.NONE).run();
  }

  private static Map<String, String> outcomes(Path run) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    DecisionLogReader.forEach(run, e -> out.put(e.id(), e.outcome().name()));
    return out;
  }
}
