package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextRendererTest {
  /** The hand-written whitespace collapsing gives what the regular expression it replaced gave. */
  @Test
  void collapsesWhitespaceAsTheRegularExpressionDid() {
    Pattern regex = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000]+");
    List<String> cases = List.of("", " ", "a", "a b", "a  b", " a ", "a\nb", "a \n\t b", "\u00a0", "a\u00a0\u00a0b",
        "a\u2009b", "a\u200b\u200cb", "a\u2028b", "x\u3000 y", "\r\n", "a\u000Bb\u001cc", "é  ü");
    for (String c : cases) assertThat(TextRenderer.collapseWhitespace(c)).as(c).isEqualTo(regex.matcher(c).replaceAll(" "));
  }
}
