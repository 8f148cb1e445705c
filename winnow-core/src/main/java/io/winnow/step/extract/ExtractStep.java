package io.winnow.step.extract;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;

/**
 * HTML → main-content text ({@link MainContentExtractor}): the document's text becomes the extracted text (a
 * MODIFY), its title goes to the {@code title} metadata field; a page with less than {@code min_text_chars} of
 * content is dropped.
 */
public final class ExtractStep implements Step {
  public static final String TYPE = "extract";

  public enum Reason implements ReasonCode {
    /** The page had no main content (or less than min_text_chars). */
    NO_CONTENT,
    /** HTML replaced by its main-content text (a MODIFY). */
    EXTRACTED;
  }

  public record Config(int minTextChars) {
    public static Config from(Params p) {
      Config c = new Config(p.getInt("min_text_chars", 1, 0, Integer.MAX_VALUE));
      p.finish();
      return c;
    }
  }

  private final Config config;
  private final MainContentExtractor extractor = new MainContentExtractor();

  public ExtractStep(Config config) {
    this.config = config;
  }

  @Override
  public Verdict apply(Document doc) {
    Object url = doc.metadata().get("url");
    MainContentExtractor.Result r = extractor.extract(doc.text(), url == null ? "" : url.toString());
    if (!r.title().isBlank()) doc.metadata().put("title", r.title());
    if (r.text().length() < Math.max(1, config.minTextChars())) {
      return Verdict.drop(Reason.NO_CONTENT, values("html_chars", doc.text().length(), "text_chars", r.text().length()));
    }
    return Verdict.modify(r.text(), Reason.EXTRACTED, values("html_chars", doc.text().length(), "text_chars", r.text().length()));
  }
}
