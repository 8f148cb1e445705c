package io.winnow.step.slop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoringTextTest {
  @Test
  void asciiTextIsReturnedAsItIs() {
    String s = "Plain ASCII text, as almost every English document is.";
    ScoringText t = ScoringText.of(s);
    assertThat(t.text).isSameAs(s);
    assertThat(t.homoglyphs + t.invisible).isZero();
    assertThat(t.caseless).isFalse();
    assertThat(ScoringText.of("all lower case. no capitals.").caseless).isTrue();
  }

  @Test
  void foldsLookAlikesInsideLatinWordsOnly() {
    ScoringText t = ScoringText.of("Thе ѕcоre wаs hіgh, said Іvan."); // Cyrillic е ѕ о а і І
    assertThat(t.text).isEqualTo("The score was high, said Ivan.");
    assertThat(t.homoglyphs).isEqualTo(6);
    // a Russian word in English text, and a lone Greek symbol, stay
    ScoringText quote = ScoringText.of("The word спасибо means thanks; the α-helix and the сор.");
    assertThat(quote.text).isEqualTo("The word спасибо means thanks; the α-helix and the cop.");
    assertThat(quote.homoglyphs).isEqualTo(3); // "сор" is wholly look-alikes in a Latin text
  }

  @Test
  void russianAndGreekTextsAreNotFolded() {
    String ru = "Сегодня утром мы поехали в город, чтобы купить хлеб и молоко. Погода была хорошая, а на улицах было много людей. Он сказал: «Всё в порядке, сор уберём позже».";
    String el = "Σήμερα το πρωί πήγαμε στην πόλη για να αγοράσουμε ψωμί και γάλα. Ο καιρός ήταν καλός και οι δρόμοι ήταν γεμάτοι.";
    for (String s : new String[] {ru, el}) {
      ScoringText t = ScoringText.of(s);
      assertThat(t.text).isEqualTo(s);
      assertThat(t.homoglyphs).isZero();
      assertThat(t.latinShare()).isZero();
    }
  }

  @Test
  void removesInvisibleAndBidiCharactersAndAppliesNfkc() {
    ScoringText t = ScoringText.of("\uFEFFin\u200Bvis\u00ADible \u202Etext\u202C and ｆｕｌｌｗｉｄｔｈ 𝐛𝐨𝐥𝐝 ﬁne…");
    assertThat(t.text).isEqualTo("invisible text and fullwidth bold fine…");
    assertThat(t.invisible).isEqualTo(4); // the leading byte-order mark is not counted
    assertThat(t.homoglyphs).isZero();
  }

  @Test
  void accentedLatinIsLatin() {
    ScoringText t = ScoringText.of("Café crème, naïve façade, Ørsted, İstanbul, kadın.");
    assertThat(t.text).isEqualTo("Café crème, naïve façade, Ørsted, İstanbul, kadın.");
    assertThat(t.homoglyphs).isZero();
    assertThat(t.latinShare()).isEqualTo(1.0);
  }
}
