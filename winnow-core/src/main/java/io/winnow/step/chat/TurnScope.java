package io.winnow.step.chat;

import io.winnow.doc.Conversation;
import io.winnow.doc.Conversation.Branch;
import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.pipeline.Params;
import java.util.List;
import java.util.Locale;

/**
 * Which turns of a conversation a step looks at (parameter {@code turns}):
 *
 * <ul>
 *   <li>{@code prompt}: the user turns;
 *   <li>{@code response}: the assistant's answers in text (not tool calls), including the chosen answer of a
 *       preference pair but not the rejected one;
 *   <li>{@code rejected}: the rejected answers of preference pairs;
 *   <li>{@code all}: every turn, system and tool turns included.
 * </ul>
 *
 * A document without turns (flat text) is one turn of role {@code text}, addressed by every scope.
 */
public enum TurnScope {
  PROMPT, RESPONSE, REJECTED, ALL;

  public static TurnScope from(Params p, String def) {
    return valueOf(p.getChoice("turns", def, "prompt", "response", "rejected", "all").toUpperCase(Locale.ROOT));
  }

  public boolean addresses(Turn t) {
    return switch (this) {
      case PROMPT -> t.role() == Role.USER;
      case RESPONSE -> t.role() == Role.ASSISTANT && t.branch() != Branch.REJECTED;
      case REJECTED -> t.role() == Role.ASSISTANT && t.branch() == Branch.REJECTED;
      case ALL -> true;
    };
  }

  /** The addressed turns of a document (a flat document is one pseudo-turn holding its text). */
  public List<Turn> turns(Document doc) {
    Conversation c = doc.conversation();
    if (c == null) return List.of(new Turn(0, null, "text", doc.text(), Branch.CONTEXT, null));
    return c.turns().stream().filter(this::addresses).toList();
  }

  /** The addressed turns' text, joined by blank lines: what a prompt dedup or decontamination compares. */
  public String text(Document doc) {
    Conversation c = doc.conversation();
    if (c == null || this == ALL) return doc.text();
    StringBuilder sb = new StringBuilder();
    for (Turn t : c.turns()) {
      if (!addresses(t) || t.content().isEmpty()) continue;
      if (sb.length() > 0) sb.append("\n\n");
      sb.append(t.content());
    }
    return sb.toString();
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
