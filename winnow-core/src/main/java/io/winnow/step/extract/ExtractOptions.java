package io.winnow.step.extract;

/**
 * What {@link MainContentExtractor} keeps and how it writes it.
 *
 * @param focus {@code PRECISION} drops more borderline lines (short non-sentence lines, the lines after the last
 *     line of prose, the prose blocks beside the main container); {@code RECALL} keeps captions, bylines and more of the text around the container
 * @param tables keep tables (rows as lines, cells tab-separated, or Markdown pipes) or drop them
 * @param markdown headings as {@code #}, links as {@code [text](url)} and tables as pipe rows; plain text otherwise
 * @param comments append the reader comments (found by class/id words such as {@code comments}, {@code disqus})
 *     after the main content instead of dropping them
 */
public record ExtractOptions(Focus focus, boolean tables, boolean markdown, boolean comments) {
  public enum Focus { BALANCED, PRECISION, RECALL }

  public static ExtractOptions defaults() {
    return new ExtractOptions(Focus.BALANCED, true, false, false);
  }

  boolean precision() {
    return focus == Focus.PRECISION;
  }

  boolean recall() {
    return focus == Focus.RECALL;
  }
}
