package io.winnow.step.select;

import io.winnow.doc.Document;
import io.winnow.step.chat.TurnScope;
import io.winnow.text.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The score a selection ranks by: a sum of weighted terms, e.g. {@code response_words},
 * {@code 0.7*field:reward + 0.3*response_words}, {@code -field:slop_score}. Terms:
 *
 * <ul>
 *   <li>{@code words}, {@code chars}: of the whole text;
 *   <li>{@code prompt_words}, {@code response_words}, {@code response_chars}: of the user or assistant turns
 *       ("Long is more" ranks by response length);
 *   <li>{@code turns}: the number of turns;
 *   <li>{@code field:<name>}: a numeric metadata field — a reward or quality score in the data, or one a
 *       Winnow step annotated earlier in the pipeline (a slop or rebalance weight). A document without it
 *       scores NaN and ranks after every scored one.
 * </ul>
 */
public final class ScoreExpression {
  private record Term(double weight, String name) {}

  private final String source;
  private final List<Term> terms;

  private ScoreExpression(String source, List<Term> terms) {
    this.source = source;
    this.terms = terms;
  }

  public static ScoreExpression parse(String s) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException("'score' is empty; e.g. response_words or field:reward");
    List<Term> terms = new ArrayList<>();
    String rest = s.replace(" ", "");
    int i = 0;
    while (i < rest.length()) {
      double sign = 1;
      if (rest.charAt(i) == '+' || rest.charAt(i) == '-') {
        sign = rest.charAt(i) == '-' ? -1 : 1;
        i++;
      } else if (!terms.isEmpty()) {
        throw new IllegalArgumentException("'score' " + s + ": expected + or - between terms at '" + rest.substring(i) + "'");
      }
      int end = i;
      while (end < rest.length() && rest.charAt(end) != '+' && !(rest.charAt(end) == '-' && end > i && rest.charAt(end - 1) != '*' && rest.charAt(end - 1) != 'e')) end++;
      String term = rest.substring(i, end);
      double weight = sign;
      int star = term.indexOf('*');
      if (star >= 0) {
        try {
          weight *= Double.parseDouble(term.substring(0, star));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'score' " + s + ": '" + term.substring(0, star) + "' is not a number");
        }
        term = term.substring(star + 1);
      }
      if (!isKnown(term)) {
        throw new IllegalArgumentException("'score' " + s + ": unknown term '" + term
            + "'; use words, chars, prompt_words, response_words, response_chars, turns or field:<name>");
      }
      terms.add(new Term(weight, term));
      i = end;
    }
    return new ScoreExpression(s, List.copyOf(terms));
  }

  private static boolean isKnown(String t) {
    return switch (t) {
      case "words", "chars", "prompt_words", "response_words", "response_chars", "turns" -> true;
      default -> t.startsWith("field:") && t.length() > 6;
    };
  }

  public double score(Document doc) {
    double total = 0;
    for (Term t : terms) total += t.weight * value(doc, t.name);
    return total;
  }

  private static double value(Document doc, String name) {
    return switch (name) {
      case "words" -> doc.whitespaceWords();
      case "chars" -> doc.text().length();
      case "prompt_words" -> PyText.countWhitespaceWords(TurnScope.PROMPT.text(doc));
      case "response_words" -> PyText.countWhitespaceWords(TurnScope.RESPONSE.text(doc));
      case "response_chars" -> TurnScope.RESPONSE.text(doc).length();
      case "turns" -> doc.conversation() == null ? 1 : doc.conversation().turns().size();
      default -> {
        Object v = io.winnow.doc.FieldPath.get(doc.metadata(), name.substring(6));
        if (v instanceof Number n) yield n.doubleValue();
        if (v instanceof String str) {
          try {
            yield Double.parseDouble(str.strip());
          } catch (NumberFormatException e) {
            yield Double.NaN;
          }
        }
        yield Double.NaN;
      }
    };
  }

  @Override
  public String toString() {
    return source.toLowerCase(Locale.ROOT);
  }
}
