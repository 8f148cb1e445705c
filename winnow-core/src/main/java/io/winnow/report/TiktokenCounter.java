package io.winnow.report;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Map;

/** A tiktoken encoding (vocabularies ship in jtokkit's jar). */
final class TiktokenCounter implements TokenCounter {
  /** Each encoding's vocabulary size and its end-of-text token, as OpenAI's tiktoken defines them. */
  private record Vocabulary(int size, int endOfText) {}

  private static final Map<String, Vocabulary> VOCABULARIES = Map.of(
      "r50k_base", new Vocabulary(50_257, 50_256),
      "p50k_base", new Vocabulary(50_281, 50_256),
      "cl100k_base", new Vocabulary(100_277, 100_257),
      "o200k_base", new Vocabulary(200_019, 199_999));

  private final String name;
  private final Encoding encoding;
  private final Vocabulary vocabulary;

  private TiktokenCounter(String name, Encoding encoding, Vocabulary vocabulary) {
    this.name = name;
    this.encoding = encoding;
    this.vocabulary = vocabulary;
  }

  static boolean knows(String name) {
    return VOCABULARIES.containsKey(name);
  }

  static TiktokenCounter open(String name) {
    EncodingType type = EncodingType.fromName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown tokenizer " + name));
    return new TiktokenCounter(name, Encodings.newLazyEncodingRegistry().getEncoding(type), VOCABULARIES.get(name));
  }

  @Override
  public int count(String text) {
    return encoding.countTokensOrdinary(text);
  }

  @Override
  public int[] encode(String text) {
    return encoding.encodeOrdinary(text).toArray();
  }

  @Override
  public int tokenId(String token) {
    if (token.equals("<|endoftext|>")) return vocabulary.endOfText();
    // An ordinary token is one that encodes to exactly one id.
    int[] ids = encode(token);
    return ids.length == 1 ? ids[0] : -1;
  }

  @Override
  public int vocabularySize() {
    return vocabulary.size();
  }

  @Override
  public String name() {
    return name;
  }
}
