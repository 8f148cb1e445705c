package io.winnow.step.extract;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import java.util.Locale;

/**
 * HTML → main-content text ({@link MainContentExtractor}): the document's text becomes the extracted text (a
 * MODIFY); the page's title and publication date go to the {@code title} and {@code published} metadata fields
 * ({@code date} is the crawl date the WARC reader sets, left alone), the
 * reader comments (when {@code comments: true}) to {@code comments}; a page with less than {@code
 * min_text_chars} of content is dropped.
 */
public final class ExtractStep implements Step {
  public static final String TYPE = "extract";

  public enum Reason implements ReasonCode {
    /** The page had no main content (or less than min_text_chars). */
    NO_CONTENT,
    /** HTML replaced by its main-content text (a MODIFY). */
    EXTRACTED;
  }

  public record Config(int minTextChars, ExtractOptions options) {
    public Config(int minTextChars) {
      this(minTextChars, ExtractOptions.defaults());
    }

    public static Config from(Params p) {
      int min = p.getInt("min_text_chars", 1, 0, Integer.MAX_VALUE);
      boolean precision = p.getBool("favor_precision", false);
      boolean recall = p.getBool("favor_recall", false);
      if (precision && recall) throw p.invalid("favor_precision", "favor_precision and favor_recall exclude each other");
      ExtractOptions.Focus focus = precision ? ExtractOptions.Focus.PRECISION
          : recall ? ExtractOptions.Focus.RECALL : ExtractOptions.Focus.BALANCED;
      boolean tables = p.getBool("tables", true);
      boolean markdown = p.getChoice("format", "text", "text", "markdown").toLowerCase(Locale.ROOT).equals("markdown");
      boolean comments = p.getBool("comments", false);
      Config c = new Config(min, new ExtractOptions(focus, tables, markdown, comments));
      p.finish();
      return c;
    }
  }

  private final Config config;
  private final MainContentExtractor extractor;

  public ExtractStep(Config config) {
    this.config = config;
    this.extractor = new MainContentExtractor(config.options());
  }

  @Override
  public Verdict apply(Document doc) {
    Object url = doc.metadata().get("url");
    MainContentExtractor.Result r = extractor.extract(doc.text(), url == null ? "" : url.toString());
    if (!r.title().isBlank()) doc.metadata().put("title", r.title());
    if (!r.date().isEmpty()) doc.metadata().put("published", r.date());
    if (!r.comments().isEmpty()) doc.metadata().put("comments", r.comments());
    if (r.text().length() < Math.max(1, config.minTextChars())) {
      return Verdict.drop(Reason.NO_CONTENT, values("html_chars", doc.text().length(), "text_chars", r.text().length()));
    }
    return Verdict.modify(r.text(), Reason.EXTRACTED, values("html_chars", doc.text().length(), "text_chars", r.text().length()));
  }
}
