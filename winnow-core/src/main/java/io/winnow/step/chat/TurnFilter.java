package io.winnow.step.chat;

import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.doc.ReasonCode;
import io.winnow.doc.Verdict;
import io.winnow.step.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filter that judges the addressed turns of a conversation one by one and drops the document at the first
 * turn that fails, naming the turn (index and role) in the decision. Subclasses judge one turn's text, with the
 * user turn it answers at hand.
 */
public abstract class TurnFilter implements Step {
  /** Why a turn fails, and the figures behind it. */
  public record Finding(ReasonCode reason, Map<String, Object> values) {}

  private final TurnScope scope;

  protected TurnFilter(TurnScope scope) {
    this.scope = scope;
  }

  /**
   * @param text the turn's text
   * @param prompt the user turns right before it, joined (Alpaca's instruction and input), empty when none
   * @return why the turn fails, or null
   */
  protected abstract Finding check(String text, String prompt);

  @Override
  public final Verdict apply(Document doc) {
    if (doc.conversation() == null) {
      Finding f = check(doc.text(), "");
      return f == null ? Verdict.keep() : Verdict.drop(f.reason(), f.values());
    }
    List<Turn> turns = doc.conversation().turns();
    Prompt prompt = new Prompt();
    for (Turn t : turns) {
      if (scope.addresses(t)) {
        Finding f = check(t.content(), prompt.text);
        if (f != null) {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("turn", t.index());
          v.put("role", t.sourceRole());
          v.putAll(f.values());
          return Verdict.drop(f.reason(), v);
        }
      }
      prompt.after(t);
    }
    return Verdict.keep();
  }

  /** One turn judged as {@link #apply} judges it, whatever the scope (for evaluation); null when it passes. */
  public final Finding judgeTurn(Document doc, int index) {
    if (doc.conversation() == null) return check(doc.text(), "");
    Prompt prompt = new Prompt();
    for (Turn t : doc.conversation().turns()) {
      if (t.index() == index) return check(t.content(), prompt.text);
      prompt.after(t);
    }
    throw new IllegalArgumentException(doc.id() + " has no turn " + index);
  }

  /** The user turns right before the current one, joined: Alpaca's instruction and input are one prompt. */
  private static final class Prompt {
    String text = "";
    boolean afterUser;

    void after(Turn t) {
      boolean user = t.role() == Role.USER;
      if (user && !t.content().isEmpty()) text = afterUser && !text.isEmpty() ? text + "\n\n" + t.content() : t.content();
      else if (user && !afterUser) text = "";
      afterUser = user;
    }
  }

  /** A matched phrase, cut to a readable length for the decision log. */
  protected static String cut(String s) {
    s = s.strip().replace('\n', ' ');
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
