package io.winnow.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every shortcut of the shipped affix rules agrees with the rule's own regex: a literal matches exactly where
 * the regex does, and a position the lookbehind tables rule out is one where the regex fails. Checked at every
 * position of random texts over the characters the rules care about (letters of both cases, digits, the
 * degree sign, dots, quotes, currency, non-Latin letters and surrogate pairs, which the tables must not decide).
 */
class RuleShortcutTest {
  private static final String[] ALPHABET = {"a", "z", "s", "k", "m", "A", "S", "F", "C", "U", "0", "7", "°", ".", ",",
      "-", "'", "’", "\"", "$", "US$", "(", ")", "+", "/", ":", "…", "é", "É", "ё", "Ж", "中", "😀", "\uD840\uDC00",
      "\uD83C\uDE00", "\uDC00", "²", "%", "^", "*", "~", "—"};

  @Test
  void shortcutsAgreeWithTheirRegexes() throws IOException {
    JsonNode affixes;
    try (InputStream in = RuleShortcutTest.class.getResourceAsStream("/winnow/text/en/affixes.json")) {
      affixes = new ObjectMapper().readTree(in);
    }
    RuleShortcut.ClassTables tables = new RuleShortcut.ClassTables();
    Random random = new Random(18);
    List<String> texts = new ArrayList<>();
    for (int k = 0; k < 3_000; k++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + random.nextInt(8); i > 0; i--) sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
      texts.add(sb.toString());
    }
    int literals = 0;
    int lookbehinds = 0;
    long ruledOut = 0;
    List<String> wrong = new ArrayList<>();
    for (String list : List.of("prefix", "suffix", "infix")) {
      for (JsonNode row : affixes.get(list)) {
        String regex = row.get("regex").asText();
        RuleShortcut shortcut = RuleShortcut.of(regex, tables);
        if (shortcut.literal != null) literals++;
        Matcher m = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS).matcher("");
        m.useTransparentBounds(true);
        boolean lookbehindDecided = false;
        for (String text : texts) {
          m.reset(text);
          for (int p = 0; p <= text.length(); p++) {
            m.region(p, text.length());
            boolean matches = m.lookingAt();
            if (shortcut.literal != null) {
              boolean literalMatches = shortcut.literalAt(text, p);
              if (literalMatches != matches || (matches && m.end() - p != shortcut.literal.length())) {
                wrong.add(list + " literal " + regex + " at " + p + " of " + text);
              }
            } else if (!shortcut.mayMatchAt(text, p)) {
              lookbehindDecided = true;
              ruledOut++;
              if (matches) wrong.add(list + " lookbehind " + regex.substring(0, Math.min(40, regex.length())) + " at " + p + " of " + text);
            }
          }
        }
        if (lookbehindDecided) lookbehinds++;
      }
    }
    assertThat(wrong).isEmpty();
    // The shortcuts must apply to the rules that matter: the one-character punctuation, the lookbehind rules.
    assertThat(literals).isGreaterThan(150);
    assertThat(lookbehinds).isGreaterThanOrEqualTo(9);
    assertThat(ruledOut).isGreaterThan(10_000);
  }

  @Test
  void rulesBeyondTheParserKeepTheirRegex() {
    RuleShortcut.ClassTables tables = new RuleShortcut.ClassTables();
    for (String regex : List.of("\\+(?![0-9])", "\\.\\.+", "(?<=[0-9]+)x", "(?<=a|b)x", "(?<=\\d)x", "[abc]")) {
      RuleShortcut s = RuleShortcut.of(regex, tables);
      assertThat(s.literal).as(regex).isNull();
      assertThat(s.mayMatchAt("zzzz", 2)).as(regex).isTrue();
    }
    RuleShortcut twoBehind = RuleShortcut.of("(?<=°[FfCcKk])\\.", tables);
    assertThat(twoBehind.mayMatchAt("1°C.", 3)).isTrue();
    assertThat(twoBehind.mayMatchAt("1°X.", 3)).isFalse();
    assertThat(twoBehind.mayMatchAt("C.", 1)).isFalse(); // one char before, two elements
    assertThat(twoBehind.mayMatchAt("°\uD83D\uDE00.", 3)).isTrue(); // a surrogate: the regex decides
    assertThat(RuleShortcut.of("US\\$", tables).literal).isEqualTo("US$");
  }
}
