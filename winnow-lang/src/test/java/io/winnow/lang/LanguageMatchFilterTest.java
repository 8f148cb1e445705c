package io.winnow.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winnow.doc.Action;
import io.winnow.doc.Conversation;
import io.winnow.doc.Conversation.Branch;
import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageMatchFilterTest {
  static final LanguageMatchFilter STEP = new LanguageMatchFilter(LanguageMatchFilter.Config.from(new Params("language_match", new LinkedHashMap<>())));

  static Verdict judge(String prompt, String answer) {
    Conversation c = new Conversation("openai", false, new byte[0], new ObjectMapper().createObjectNode(), List.of(
        new Turn(0, Role.USER, "user", prompt, Branch.CONTEXT, null), new Turn(1, Role.ASSISTANT, "assistant", answer, Branch.CONTEXT, null)));
    Document d = new Document("d", c.joinedText(), new LinkedHashMap<>(), Provenance.unknown());
    d.setConversation(c);
    return STEP.apply(d);
  }

  @Test
  void anAnswerInAnotherLanguageIsAMismatch() {
    Verdict v = judge("Wie kann ich meinen Garten im Herbst auf den Winter vorbereiten?",
        "To prepare your garden for winter, cut back perennials, mulch the beds and protect young trees from frost.");
    assertEquals(Action.DROP, v.action());
    assertEquals("mismatch", v.reason().code());
    assertEquals("de", v.values().get("prompt_language"));
    assertEquals("en", v.values().get("answer_language"));
  }

  @Test
  void sameLanguageTranslationsAndShortTextsPass() {
    assertEquals(Action.KEEP, judge("How do I prepare my garden for the winter months?", "Cut back perennials, mulch the beds and protect young trees.").action());
    assertEquals(Action.KEEP, judge("Translate into German: the garden is ready for winter.", "Der Garten ist bereit für den Winter und alles ist geschützt.").action());
    assertEquals(Action.KEEP, judge("Answer in Spanish please: what is the capital of France and why?", "La capital de Francia es París, por su historia y su tamaño.").action());
    assertNull(STEP.judgeTurn(docOf("Hi", "Bonjour"), 1));
  }

  static Document docOf(String p, String a) {
    Conversation c = new Conversation("openai", false, new byte[0], new ObjectMapper().createObjectNode(), List.of(
        new Turn(0, Role.USER, "user", p, Branch.CONTEXT, null), new Turn(1, Role.ASSISTANT, "assistant", a, Branch.CONTEXT, null)));
    Document d = new Document("d", c.joinedText(), new LinkedHashMap<>(), Provenance.unknown());
    d.setConversation(c);
    return d;
  }
}
