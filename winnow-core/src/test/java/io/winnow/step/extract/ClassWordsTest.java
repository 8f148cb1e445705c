package io.winnow.step.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link ClassWords} answers as the regular expression it replaces would. */
class ClassWordsTest {
  private static final String ALTERNATION = "nav|side-bar|ads?|author-?bio|about-?(?:the-?)?author|"
      + "(?:image|img)-?(?:source|credits?)|print-only|x1";

  @Test
  void matchesAsTheRegularExpressionWould() {
    ClassWords words = new ClassWords(ALTERNATION);
    Pattern regex = Pattern.compile("(?:^|[\\s_-])(?:" + ALTERNATION + ")(?:$|[\\s_-])");
    List<String> cases = List.of("nav", "main-nav", "navbar", "nav_item", "x nav", "side-bar", "side_bar", "side bar",
        "sidebar", "ad", "ads", "adss", "top-ads-box", "authorbio", "author-bio", "author_bio", "about-author",
        "about-the-author", "abouttheauthor", "about-theauthor", "img-credit", "imagecredits", "image-credits-x",
        "image-creditss", "print-only", "print", "only-print-only", "--nav--", "a\tnav", "x1", "x12", " ", "", "nav-",
        "-nav", "nav\u00a0x", "NAV");
    for (String c : cases) assertThat(words.find(c)).as(c).isEqualTo(regex.matcher(c).find());
  }

  @Test
  void betweenWhitespaceTreatsHyphensAsPartOfAWord() {
    ClassWords words = ClassWords.betweenWhitespace("hidden|sr-only");
    Pattern regex = Pattern.compile("(?:^|\\s)(?:hidden|sr-only)(?:$|\\s)");
    for (String c : List.of("hidden", "is-hidden", "x hidden", "hidden_x", "sr-only", "a sr-only\tb", "sr-only-focusable", "")) {
      assertThat(words.find(c)).as(c).isEqualTo(regex.matcher(c).find());
    }
  }

  @Test
  void refusesWhatItCannotExpand() {
    assertThatThrownBy(() -> new ClassWords("nav|(?:a|b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClassWords("na.v")).isInstanceOf(IllegalArgumentException.class);
  }
}
