package io.winnow.code.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodeLexerTest {
  static long[] tokens(String text, CodeLanguage lang) {
    TokenStream ts = new TokenStream();
    CodeLexer.lex(text, lang, ts);
    return Arrays.copyOf(ts.tokens(), ts.size());
  }

  @Test
  void renamingReformattingAndCommentsLeaveTheStreamAsItWas() {
    String original = """
        // SPDX-License-Identifier: GPL-2.0
        /* Copyright (c) 2020 Someone */
        static int foo_probe(struct device *dev, int count)
        {
        	int ret = 0;   /* the result */
        	for (int i = 0; i < count; i++) {
        		ret += dev->regs[i] * 0x10;
        	}
        	pr_info("probed %d\\n", ret);
        	return ret;
        }
        """;
    String laundered = """
        static int
        bar_init (struct widget *w, int n) {
          int result = 7; // start
          for (int k = 0;
               k < n;
               k++)
          {
            result += w->slots[k] * 42;
          }
          log_message("initialised: %d", result);  /* rewritten
             comment */
          return result;
        }
        """;
    assertThat(tokens(laundered, CodeLanguage.C)).containsExactly(tokens(original, CodeLanguage.C));
  }

  @Test
  void keywordsAndOperatorsStayThemselves() {
    long[] ifLoop = tokens("if (a < b) x++;", CodeLanguage.C);
    long[] whileLoop = tokens("while (a < b) x++;", CodeLanguage.C);
    assertThat(ifLoop).hasSize(9); // if ( a < b ) x ++ ;
    assertThat(ifLoop[0]).isNotEqualTo(whileLoop[0]);
    assertThat(Arrays.copyOfRange(ifLoop, 1, 9)).containsExactly(Arrays.copyOfRange(whileLoop, 1, 9));
    assertThat(tokens("a <<= 2", CodeLanguage.C)).hasSize(3); // <<= is one operator
    assertThat(tokens("a < b", CodeLanguage.C)[1]).isNotEqualTo(tokens("a <= b", CodeLanguage.C)[1]);
  }

  @Test
  void identifiersAndLiteralsAreAbstracted() {
    assertThat(tokens("x", CodeLanguage.C)).containsExactly(CodeLexer.ID);
    assertThat(tokens("0x1fUL 1e-5 .5 42", CodeLanguage.C)).containsExactly(CodeLexer.NUM, CodeLexer.NUM, CodeLexer.NUM, CodeLexer.NUM);
    assertThat(tokens("\"a \\\" b\" 'c' '\\n'", CodeLanguage.C)).containsExactly(CodeLexer.STR, CodeLexer.STR, CodeLexer.STR);
    assertThat(tokens("`multi\nline ${x}`", CodeLanguage.JAVASCRIPT)).containsExactly(CodeLexer.STR);
  }

  @Test
  void rustLifetimesAndRawStrings() {
    long[] t = tokens("fn f<'a>(s: &'a str) -> &'a str { r#\"raw \"quoted\"\"# }", CodeLanguage.RUST);
    assertThat(Arrays.stream(t).filter(x -> x == CodeLexer.STR).count()).isEqualTo(1);
    assertThat(tokens("let c = 'x';", CodeLanguage.RUST)).contains(CodeLexer.STR);
  }

  @Test
  void pythonCommentsDocstringsAndPrefixedStrings() {
    String a = """
        def total(items):
            \"\"\"Sum the items.\"\"\"
            # a comment
            return sum(i for i in items) + len(rb'x')
        """;
    String b = """
        def acc(xs):
            '''Add up.'''
            return sum(j for j in xs) + len(b"yy")  # another
        """;
    assertThat(tokens(b, CodeLanguage.PYTHON)).containsExactly(tokens(a, CodeLanguage.PYTHON));
  }

  @Test
  void linesAreCountedThroughCommentsAndStrings() {
    TokenStream ts = new TokenStream();
    CodeLexer.lex("a /* one\n two */ b\n`x\ny` c\nd", CodeLanguage.JAVASCRIPT, ts);
    assertThat(Arrays.copyOf(ts.lines(), ts.size())).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void unterminatedLiteralsAndCommentsEndTheText() {
    assertThat(tokens("x = \"open\ny = 1", CodeLanguage.C)).hasSize(6);
    assertThat(tokens("x /* never closed", CodeLanguage.C)).containsExactly(CodeLexer.ID);
    assertThat(tokens("", CodeLanguage.OTHER)).isEmpty();
  }

  @Test
  void languagesFromNamesPathsAndText() {
    assertThat(CodeLanguage.of(null, "drivers/leds/leds-pwm.c")).isEqualTo(CodeLanguage.C);
    assertThat(CodeLanguage.of("Python", "x.c")).isEqualTo(CodeLanguage.PYTHON);
    assertThat(CodeLanguage.of(null, "README")).isEqualTo(CodeLanguage.OTHER);
    assertThat(CodeLanguage.guess("int main(void) {\n  int x = 1;\n  return x;\n}\n")).isEqualTo(CodeLanguage.C);
    assertThat(CodeLanguage.guess("def f(x):\n    if x:\n        return 1\n")).isEqualTo(CodeLanguage.PYTHON);
  }
}
