package io.winnow.report;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** Counts model tokens with a tiktoken encoding (vocabularies ship in jtokkit's jar: nothing is downloaded). */
public final class TokenCounter {
  private final Encoding encoding;

  private TokenCounter(Encoding encoding) {
    this.encoding = encoding;
  }

  /** A counter for the named encoding, or null for {@code none}. */
  public static TokenCounter forName(String name) {
    if (name == null || name.equals("none")) return null;
    EncodingType type = EncodingType.fromName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown tokenizer " + name));
    return new TokenCounter(Encodings.newLazyEncodingRegistry().getEncoding(type));
  }

  public int count(String text) {
    return encoding.countTokensOrdinary(text);
  }
}
