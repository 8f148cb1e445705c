package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.PipelineException;
import io.winnow.step.extract.ExtractOptions.Focus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractOptionsTest {
  private static final String PAGE = """
      <html><head><title>Tide tables | Harbour Gazette</title>
      <meta property="article:published_time" content="2023-03-14T10:45:00+01:00"></head><body>
      <article><h1>Tide tables for the spring</h1>
      <p>The harbour office has published the tide tables for the spring, with the times of high and low water
      for every day until the end of June, and a note on the two very low tides expected in April.</p>
      <h2>Where to find them</h2>
      <p>Printed copies are at the <a href="/office">harbour office</a> and in the library, and the tables can be
      read on the board at the end of the north pier, beside the lifebelt.</p>
      <table><tr><th>Day</th><th>High water</th></tr><tr><td>1 April</td><td>06:12</td></tr></table>
      <p>Short label</p>
      <p>Sailors are reminded that the times are for the harbour mouth, and that the tide turns up to twenty
      minutes later at the inner basin, where the channel is narrow.</p>
      </article>
      <div id="comments"><h3>Comments</h3><div class="comment"><p>Thank you, the April note is very useful for
      those of us who moor in the inner basin.</p></div></div>
      </body></html>""";

  private static MainContentExtractor.Result extract(ExtractOptions o) {
    return new MainContentExtractor(o).extract(PAGE, "https://gazette.example/2023/03/14/tides");
  }

  @Test
  void defaultsArePlainTextWithTablesAndWithoutComments() {
    MainContentExtractor.Result r = extract(ExtractOptions.defaults());
    assertThat(r.text()).contains("Tide tables for the spring\nThe harbour office", "High water", "06:12", "harbour office and in")
        .doesNotContain("#").doesNotContain("](").doesNotContain("April note");
    assertThat(r.title()).isEqualTo("Tide tables | Harbour Gazette");
    assertThat(r.date()).isEqualTo("2023-03-14");
    assertThat(r.comments()).isEmpty();
  }

  @Test
  void tablesCanBeDropped() {
    assertThat(extract(new ExtractOptions(Focus.BALANCED, false, false, false)).text()).doesNotContain("High water")
        .contains("The harbour office");
  }

  @Test
  void markdownWritesHeadingsLinksAndTableRows() {
    String text = extract(new ExtractOptions(Focus.BALANCED, true, true, false)).text();
    assertThat(text).contains("# Tide tables for the spring\n", "## Where to find them\n",
        "[harbour office](https://gazette.example/office)", "| Day | High water |\n| --- | --- |\n| 1 April | 06:12 |");
  }

  @Test
  void commentsCanBeKeptApart() {
    MainContentExtractor.Result r = extract(new ExtractOptions(Focus.BALANCED, true, false, true));
    assertThat(r.comments()).contains("the April note is very useful");
    assertThat(r.text()).doesNotContain("April note");
  }

  @Test
  void favorPrecisionDropsShortLabelsAndFavorRecallKeepsThem() {
    assertThat(extract(new ExtractOptions(Focus.PRECISION, true, false, false)).text()).doesNotContain("Short label")
        .contains("Where to find them", "Sailors are reminded");
    assertThat(extract(new ExtractOptions(Focus.RECALL, true, false, false)).text()).contains("Short label");
  }

  @Test
  void favorPrecisionTrimsTheLinesAfterTheLastProse() {
    String page = PAGE.replace("</article>", "<div>Harbour desk reporting team for the Gazette website</div></article>");
    String url = "https://gazette.example/2023/03/14/tides";
    assertThat(new MainContentExtractor().extract(page, url).text()).endsWith("Harbour desk reporting team for the Gazette website");
    assertThat(new MainContentExtractor(new ExtractOptions(Focus.PRECISION, true, false, false)).extract(page, url).text())
        .endsWith("where the channel is narrow.");
  }

  @Test
  void recallKeepsCaptionsThatBalancedDrops() {
    String page = ExtractionFailureClassesTest.page("captions-credits");
    assertThat(new MainContentExtractor(new ExtractOptions(Focus.RECALL, true, false, false)).extract(page, "").text())
        .contains("closed since last winter's storm");
  }

  @Test
  void stepOptionsComeFromThePipelineFileAndFillMetadata() {
    ExtractStep.Config c = ExtractStep.Config.from(new Params("steps[0]", Map.of("favor_precision", true, "tables", false,
        "format", "markdown", "comments", true)));
    assertThat(c.options()).isEqualTo(new ExtractOptions(Focus.PRECISION, false, true, true));
    Document d = Document.of("p", PAGE);
    d.metadata().put("url", "https://gazette.example/2023/03/14/tides");
    new ExtractStep(c).apply(d);
    assertThat(d.metadata()).containsEntry("published", "2023-03-14").containsEntry("title", "Tide tables | Harbour Gazette")
        .containsKey("comments");
    assertThatThrownBy(() -> ExtractStep.Config.from(new Params("steps[0]", Map.of("favor_precision", true, "favor_recall", true))))
        .isInstanceOf(PipelineException.class).hasMessageContaining("favor_recall");
    assertThatThrownBy(() -> ExtractStep.Config.from(new Params("steps[0]", Map.of("format", "html"))))
        .isInstanceOf(PipelineException.class).hasMessageContaining("markdown");
  }
}
