package io.winnow.step.chat;

import static io.winnow.doc.Verdict.values;

import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import io.winnow.text.PyText;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers that stop before they end, as when generation hit its token limit:
 *
 * <ul>
 *   <li>{@code unclosed_fence}: the text ends inside a code block;
 *   <li>{@code mid_sentence}: the last line (of at least four words) stops on a comma, a hyphen, an operator
 *       ({@code =}, {@code +}), an open parenthesis, a lone {@code #} or a word that
 *       cannot end a sentence ("and", "the", "of"…). A last sentence that is merely missing its full stop is
 *       not flagged: on the shipped sets most such endings are complete sentences;
 *   <li>{@code list_stops}: an announced list ("Here are 5 tips:") stops short of its count at the end of the
 *       text, or the text ends on an empty list marker ("4.").
 * </ul>
 * Headings, list items, table rows, links and lines ending in code are not judged as prose.
 */
public final class TruncationFilter extends TurnFilter {
  public static final String TYPE = "truncation";

  public enum Reason implements ReasonCode {
    UNCLOSED_FENCE, MID_SENTENCE, LIST_STOPS;
  }

  private static final Set<String> DANGLING = Set.of("and", "or", "but", "the", "a", "an", "to", "of", "with", "for", "in", "that",
      "which", "because", "is", "are", "was", "were", "as", "by", "on", "at", "from", "into", "their", "its", "our", "your", "my",
      "this", "these", "if", "when", "while", "than", "such", "be", "will", "can", "would", "should", "has", "have", "nor", "so");
  private static final Pattern ANNOUNCED = Pattern.compile(
      "\\b(?:here are|these are|the following|following are|top|list of)\\s+(\\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\\b[^\\n:]{0,80}:\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}(\\d{1,2})[.)]\\s+\\S", Pattern.MULTILINE);
  private static final Pattern BARE_MARKER = Pattern.compile("\\s{0,3}(?:\\d{1,2}[.)]|[-*•])\\s*");
  private static final List<String> WORDS = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  public record Config(TurnScope turns) {
    public static Config from(Params p) {
      Config c = new Config(TurnScope.from(p, "response"));
      p.finish();
      return c;
    }
  }

  public TruncationFilter(Config config) {
    super(config.turns());
  }

  @Override
  protected Finding check(String text, String prompt) {
    String body = text.stripTrailing();
    if (body.isEmpty()) return null;
    if (body.indexOf("```") >= 0 || body.indexOf("~~~") >= 0) {
      List<CodeFences.Block> blocks = CodeFences.blocks(body);
      if (!blocks.isEmpty() && !blocks.get(blocks.size() - 1).closed()) {
        return new Finding(Reason.UNCLOSED_FENCE, values("fence_line", body.substring(0, blocks.get(blocks.size() - 1).start()).split("\n", -1).length));
      }
      if (!blocks.isEmpty() && blocks.get(blocks.size() - 1).end() >= body.length() - 1) return null; // ends on a closed block
    }
    String last = lastLine(body);
    if (BARE_MARKER.matcher(last).matches()) return new Finding(Reason.LIST_STOPS, values("last_line", cut(last)));
    // an announced list can only stop short when the text ends on a numbered item
    if (NUMBERED.matcher(last).lookingAt()) {
      Finding list = listStops(body);
      if (list != null) return list;
    }
    return midSentence(last);
  }

  private Finding listStops(String body) {
    Matcher a = ANNOUNCED.matcher(body);
    int announced = -1;
    int from = -1;
    while (a.find()) {
      announced = count(a.group(1));
      from = a.end();
    }
    if (announced < 3) return null;
    Matcher n = NUMBERED.matcher(body);
    n.region(from, body.length());
    int expected = 1;
    int lastStart = -1;
    while (n.find()) {
      if (Integer.parseInt(n.group(1)) != expected) return null; // not one plain list: nothing to judge
      expected++;
      lastStart = n.start();
    }
    int items = expected - 1;
    if (items < 2 || items >= announced) return null;
    // the list must run to the end: a paragraph after the last item means the answer went on
    if (body.indexOf("\n\n", lastStart) >= 0) return null;
    return new Finding(Reason.LIST_STOPS, values("announced", announced, "items", items));
  }

  private Finding midSentence(String line) {
    String prose = (line.indexOf('`') >= 0 ? CodeFences.prose(line) : line).strip();
    if (prose.isEmpty() || prose.startsWith("#") || prose.startsWith("|") || prose.contains("http")) return null;
    char last = prose.charAt(prose.length() - 1);
    int wordCount = PyText.countWhitespaceWords(prose);
    int space = prose.length() - 1;
    while (space >= 0 && !Character.isWhitespace(prose.charAt(space))) space--;
    String lastWord = prose.substring(space + 1).toLowerCase(Locale.ROOT);
    boolean openEnd = last == ',' || last == '=' || last == '+' || last == '(' || last == '&' || lastWord.equals("#")
        || (last == '-' && !lastWord.equals("-"));
    if (wordCount >= 4 && (openEnd || DANGLING.contains(lastWord))) {
      return new Finding(Reason.MID_SENTENCE, values("ending", cut(tail(prose))));
    }
    return null;
  }

  private static String lastLine(String body) {
    int nl = body.lastIndexOf('\n');
    return nl < 0 ? body : body.substring(nl + 1);
  }

  private static String tail(String s) {
    return s.length() <= 60 ? s : "…" + s.substring(s.length() - 60);
  }

  private static int count(String s) {
    int w = WORDS.indexOf(s.toLowerCase(Locale.ROOT));
    return w >= 0 ? w + 2 : Integer.parseInt(s);
  }
}
