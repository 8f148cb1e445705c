package io.winnow.step.chat;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template placeholders left in an answer: template variables ({@code {{name}}}, {@code {{ user.email }}}) and
 * fill-in slots ({@code [Your Name]}, {@code [Insert date here]}, {@code [Company Name]}, {@code <insert link>},
 * {@code [PRODUCT_ID]}, {@code <website URL>}, {@code <site_url_of_the_page>}). Code blocks and inline code are ignored (templates and indexing are code there), and
 * so are Markdown links ({@code [text](url)}), numbers and citations ({@code [1]}).
 */
public final class PlaceholderFilter extends TurnFilter {
  public static final String TYPE = "placeholder";

  public enum Reason implements ReasonCode {
    /** A template variable in double braces. */
    TEMPLATE_VARIABLE,
    /** A slot for the reader to fill in. */
    FILL_IN;
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*[A-Za-z_][\\w.\\-]{0,40}\\s*\\}\\}");
  private static final String SLOT_NOUN = "Name|Names|Company|Organi[sz]ation|Date|Address|Title|Position|Number|E-?mail|Phone|City|State|Country|"
      + "Recipient|Link|URL|Website|Location|Amount|Price|Product|Service|Topic|Signature|Department|Job Title|Time|Contact Information|"
      + "Details|Event|School|University|Industry|Field|Role|Team|Manager|Client|Customer|Brand|Here|Image|Photo|Picture|Logo";
  private static final Pattern SLOT = Pattern.compile(
      // [Insert …], [Your …], [Enter …], [Add …] — any words
      "\\[(?i:insert|your|enter|add|include|fill in|type|put)\\b[^\\[\\]\\n]{0,60}\\](?!\\()"
      // [Company Name], [Recipient's Name], [Date]: one to four capitalised words ending in a slot noun
      + "|\\[(?:(?:[A-Z][\\w'’]*|of|the|a|or|and|/)\\s?){0,4}(?:" + SLOT_NOUN + ")\\](?!\\()"
      // "Here it is: [QR_CODE_IMAGE]": an upper-case identifier with an underscore, as a sentence part (in code
      // the same shape is a list of one constant)
      + "|(?:^|(?<=[:.!?]\\s)|(?<=\\n))\\[[A-Z][A-Z0-9]*_[A-Z0-9_]+\\](?!\\()"
      // <insert …>, <your …>, <website URL>, <site_url_of_the_page>, <…placeholder…>
      + "|<(?i:insert|your|enter|add)\\s[^<>\\n]{1,60}>"
      + "|<(?:[\\w'’-]+ ){1,3}(?i:" + SLOT_NOUN + ")>"
      + "|<[a-z]+(?:_[a-z]+){2,}>"
      + "|[<\\[][^<>\\[\\]\\n]{0,40}(?i:placeholder)[^<>\\[\\]\\n]{0,40}[>\\]]");

  public record Config(TurnScope turns) {
    public static Config from(Params p) {
      Config c = new Config(TurnScope.from(p, "response"));
      p.finish();
      return c;
    }
  }

  public PlaceholderFilter(Config config) {
    super(config.turns());
  }

  @Override
  protected Finding check(String text, String prompt) {
    boolean braces = text.indexOf("{{") >= 0;
    if (!braces && text.indexOf('[') < 0 && text.indexOf('<') < 0) return null;
    String prose = CodeFences.prose(text);
    Matcher m;
    if (braces && (m = VARIABLE.matcher(prose)).find()) return new Finding(Reason.TEMPLATE_VARIABLE, values("placeholder", m.group()));
    m = SLOT.matcher(prose);
    if (m.find()) return new Finding(Reason.FILL_IN, values("placeholder", cut(m.group())));
    return null;
  }
}
