package io.winnow.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The token → id table of a {@code tokenizer.json}: the model's vocabulary (BPE, WordPiece and WordLevel keep a
 * map, Unigram a list of pieces) and the added tokens. The native binding does not expose it, and export needs
 * it to resolve {@code --eos} and to choose the width of stored ids.
 */
final class TokenizerVocabulary {
  private final Map<String, Integer> ids;
  private final int size;

  private TokenizerVocabulary(Map<String, Integer> ids) {
    this.ids = ids;
    int max = -1;
    for (int id : ids.values()) max = Math.max(max, id);
    this.size = max + 1;
  }

  static TokenizerVocabulary read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a readable tokenizer.json: " + e.getMessage(), e);
    }
    Map<String, Integer> ids = new HashMap<>();
    JsonNode vocab = root.path("model").path("vocab");
    if (vocab.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        ids.put(e.getKey(), e.getValue().asInt());
      }
    } else if (vocab.isArray()) {
      for (int i = 0; i < vocab.size(); i++) ids.put(vocab.get(i).path(0).asText(), i);
    } else {
      throw new IOException(file + ": no model.vocab (not a tokenizer.json saved by Hugging Face tokenizers?)");
    }
    for (JsonNode t : root.path("added_tokens")) ids.put(t.path("content").asText(), t.path("id").asInt());
    return new TokenizerVocabulary(ids);
  }

  int id(String token) {
    return ids.getOrDefault(token, -1);
  }

  int size() {
    return size;
  }
}
