package io.winnow.step.chat;

import static io.winnow.doc.Verdict.values;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.winnow.doc.ReasonCode;
import io.winnow.pipeline.Params;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Broken fenced code blocks: a block with nothing in it ({@code empty_block}), a block that holds an opening
 * fence with a language where its closing fence should be, so that the fences pair up wrongly
 * ({@code fence_mismatch}), and, with {@code parse_json: true}, a {@code json} block that does not parse
 * ({@code invalid_json}; blocks with {@code //} comments or {@code ...} elisions are let through, they are
 * illustrations, not data). A text that ends inside a block is the truncation filter's {@code unclosed_fence}.
 */
public final class CodeBlockFilter extends TurnFilter {
  public static final String TYPE = "code_blocks";
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern INNER_OPENER = Pattern.compile("(?m)^\\s{0,3}(?:`{3,}|~{3,})[A-Za-z][\\w+#.\\-]*\\s*$");

  public enum Reason implements ReasonCode {
    EMPTY_BLOCK, FENCE_MISMATCH, INVALID_JSON;
  }

  public record Config(TurnScope turns, boolean parseJson) {
    public static Config from(Params p) {
      Config c = new Config(TurnScope.from(p, "response"), p.getBool("parse_json", true));
      p.finish();
      return c;
    }
  }

  private final Config config;

  public CodeBlockFilter(Config config) {
    super(config.turns());
    this.config = config;
  }

  @Override
  protected Finding check(String text, String prompt) {
    if (text.indexOf("```") < 0 && text.indexOf("~~~") < 0) return null;
    List<CodeFences.Block> blocks = CodeFences.blocks(text);
    for (int i = 0; i < blocks.size(); i++) {
      CodeFences.Block b = blocks.get(i);
      if (!b.closed()) continue;
      if (b.body().isBlank()) return new Finding(Reason.EMPTY_BLOCK, values("block", i + 1, "language", b.language()));
      if (INNER_OPENER.matcher(b.body()).find()) return new Finding(Reason.FENCE_MISMATCH, values("block", i + 1, "language", b.language()));
      if (config.parseJson() && b.language().equals("json")) {
        String error = jsonError(b.body());
        if (error != null) return new Finding(Reason.INVALID_JSON, values("block", i + 1, "error", cut(error)));
      }
    }
    return null;
  }

  /** Why a JSON block does not parse (one value or several, as JSON Lines), or null when it does. */
  static String jsonError(String body) {
    if (body.contains("//") || body.contains("...") || body.contains("…") || body.contains("/*")) return null;
    try (JsonParser p = JSON.createParser(body)) {
      int values = 0;
      int depth = 0;
      for (JsonToken t; (t = p.nextToken()) != null;) {
        if (t.isStructStart()) depth++;
        else if (t.isStructEnd()) depth--;
        if (depth == 0) values++;
      }
      return values == 0 ? "no JSON value" : null;
    } catch (IOException e) {
      String m = e.getMessage();
      int nl = m == null ? -1 : m.indexOf('\n');
      return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
    }
  }
}
