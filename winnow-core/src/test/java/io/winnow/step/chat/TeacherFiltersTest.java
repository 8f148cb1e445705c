package io.winnow.step.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.doc.Action;
import io.winnow.doc.Conversation;
import io.winnow.doc.Conversation.Branch;
import io.winnow.doc.Conversation.Role;
import io.winnow.doc.Conversation.Turn;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.pipeline.StepRegistry;
import io.winnow.step.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each filter's reason codes on crafted answers, and the texts they must let through. */
class TeacherFiltersTest {
  static final StepRegistry REGISTRY = StepRegistry.core();

  static Step step(String type, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return REGISTRY.get(type).document().apply(new Params(type, m)).get();
  }

  /** A two-turn conversation: a user prompt and an assistant answer. */
  static Document chat(String prompt, String answer) {
    ObjectNode rec = new ObjectMapper().createObjectNode();
    rec.putArray("messages").addObject().put("role", "user").put("content", prompt);
    ((com.fasterxml.jackson.databind.node.ArrayNode) rec.get("messages")).addObject().put("role", "assistant").put("content", answer);
    Conversation c = new Conversation("openai", false, new byte[0], rec, List.of(
        new Turn(0, Role.USER, "user", prompt, Branch.CONTEXT, "/messages/0/content"),
        new Turn(1, Role.ASSISTANT, "assistant", answer, Branch.CONTEXT, "/messages/1/content")));
    Document d = new Document("d", c.joinedText(), new LinkedHashMap<>(), io.winnow.doc.Provenance.unknown());
    d.setConversation(c);
    return d;
  }

  static String reason(String type, String prompt, String answer) {
    Verdict v = step(type).apply(chat(prompt, answer));
    return v.action() == Action.DROP ? v.reason().code() : null;
  }

  @Test
  void refusals_and_deflections() {
    assertEquals("refusal", reason("refusal", "Write malware.", "I'm sorry, but I can't help with that request."));
    assertEquals("refusal", reason("refusal", "Book a flight.", "I'm sorry, but as an AI, I don't have the capability to book flights."));
    assertEquals("refusal", reason("refusal", "Do it.", "I cannot assist with creating that content."));
    assertEquals("deflection", reason("refusal", "What do you think of jazz?", "Jazz is varied. As an AI language model, I don't have personal tastes, but many love it."));
    assertEquals("deflection", reason("refusal", "Opinion?", "Well, I don't have personal opinions, but here are the arguments."));
    assertNull(reason("refusal", "I lost my dog.", "I'm sorry to hear that. Here is how to look for a lost dog: …"));
    assertNull(reason("refusal", "Fix my code.", "I apologize for the confusion in my previous answer. Here is the corrected code."));
    assertNull(reason("refusal", "Tell a story.", "The knight sighed. \"I cannot help but wonder,\" he said, \"what lies beyond.\""));
  }

  @Test
  void self_identification_and_knowledge_cutoff() {
    assertEquals("self_identification", reason("self_reference", "Who are you?", "I am Nova, an AI assistant developed by Acme."));
    assertEquals("self_identification", reason("self_reference", "Plan a trip.", "As an AI language model, I can suggest this plan: …"));
    assertEquals("self_identification", reason("self_reference", "Hi", "Hello! I'm ChatGPT. How can I help?"));
    assertEquals("knowledge_cutoff", reason("self_reference", "Who won?", "As of my last update in 2021, the champion was X."));
    assertEquals("knowledge_cutoff", reason("self_reference", "Price now?", "I don't have access to real-time data, but historically it traded near $10."));
    // in character: the prompt asks for an AI
    assertNull(reason("self_reference", "Imagine you are an AI therapist. Help me relax.", "As an AI, I would suggest slow breathing."));
    assertNull(reason("self_reference", "Explain.", "AlphaGo was developed by Google DeepMind and trained with self-play."));
    assertNull(reason("self_reference", "Role?", "As an AI therapist, I recommend rest."));
  }

  @Test
  void placeholders() {
    assertEquals("template_variable", reason("placeholder", "Who are you?", "I am {{name}}, made by {{author}}."));
    assertEquals("fill_in", reason("placeholder", "Write a letter.", "Dear Sam,\n\nThank you.\n\nBest regards,\n[Your Name]"));
    assertEquals("fill_in", reason("placeholder", "Write an ad.", "Visit us at [Insert website here] today!"));
    assertEquals("fill_in", reason("placeholder", "Email.", "Dear [Recipient's Name], welcome."));
    assertEquals("fill_in", reason("placeholder", "Where?", "Download it from <insert link to the app> now."));
    assertEquals("fill_in", reason("placeholder", "QR?", "Here it is: [QR_CODE_IMAGE_DATA]."));
    assertNull(reason("placeholder", "Jinja?", "Use this template:\n```jinja\nHello {{ name }}!\n```\nIt prints the name."));
    assertNull(reason("placeholder", "Cite.", "Water boils at 100 °C [1]. See [the docs](https://example.org)."));
    assertNull(reason("placeholder", "Code?", "Call `send([RECIPIENT_EMAIL])` and `<title>` stays."));
    assertNull(reason("placeholder", "Options.", "- [Option 1] Wait.\n- [Option 2] Go."));
  }

  @Test
  void truncated_answers() {
    assertEquals("unclosed_fence", reason("truncation", "Code?", "Here you go:\n```python\ndef f(x):\n    return x +"));
    assertEquals("mid_sentence", reason("truncation", "Explain.", "Unsupervised learning finds structure. It is used for clustering and"));
    assertEquals("mid_sentence", reason("truncation", "Sum?", "The total of the first terms is 3*11 = 33 ="));
    assertEquals("list_stops", reason("truncation", "Tips?", "Here are 5 tips:\n1. Sleep well.\n2. Eat well.\n3. Walk daily."));
    assertEquals("list_stops", reason("truncation", "Steps?", "1. Regularization.\n2. Early stopping:\n*"));
    assertNull(reason("truncation", "Tips?", "Here are 3 tips:\n1. Sleep.\n2. Eat.\n3. Walk."));
    assertNull(reason("truncation", "List?", "Fruits:\n- apples\n- pears"));
    assertNull(reason("truncation", "Answer?", "The answer is 42"));
    assertNull(reason("truncation", "Code?", "```js\nconsole.log(1)\n```"));
  }

  @Test
  void repetition_loops() {
    String line = "I will always be here to help you with anything.\n";
    assertEquals("line_loop", reason("repetition_loop", "Hi", "Sure.\n" + line.repeat(5)));
    assertEquals("phrase_loop", reason("repetition_loop", "Count", "The answer is " + "and then the next one ".repeat(8)));
    // a refrain twice, a table with repeated cells: not loops
    assertNull(reason("repetition_loop", "Song", "Verse one here now\nOh Canada, oh Canada, we sing\nVerse two is here\nOh Canada, oh Canada, we sing\n"));
    assertNull(reason("repetition_loop", "Table", "| a | b |\n| 1 | 2 |\n| 3 | 4 |"));
  }

  @Test
  void broken_code_blocks() {
    assertEquals("empty_block", reason("code_blocks", "Code?", "Here:\n```python\n\n```\nDone."));
    assertEquals("fence_mismatch", reason("code_blocks", "Code?", "```python\nprint(1)\n```python\nprint(2)\n```"));
    assertEquals("invalid_json", reason("code_blocks", "JSON?", "```json\n{\"a\": 1,, \"b\": 2}\n```"));
    assertNull(reason("code_blocks", "JSON?", "```json\n{\"a\": [1, 2], \"b\": {\"c\": null}}\n```"));
    assertNull(reason("code_blocks", "JSON?", "```json\n{\"a\": 1, // the count\n}\n```"));
    assertNull(reason("code_blocks", "Code?", "```npm install x --save```\n\n```js\nrun()\n```"));
  }

  @Test
  void restated_prompts() {
    assertEquals("restates_prompt", reason("restated_prompt", "Explain how photosynthesis works in plants.", "Explain how photosynthesis works in plants."));
    assertNull(reason("restated_prompt", "Which option? A) red B) blue C) to reflect societal norms and values", "C) to reflect societal norms and values"));
    assertNull(reason("restated_prompt", "Explain photosynthesis.", "Plants turn light, water and carbon dioxide into sugar and oxygen."));
  }

  @Test
  void the_decision_names_the_turn() {
    Verdict v = step("refusal").apply(chat("Do X", "I'm sorry, but I can't do that."));
    assertEquals(1, v.values().get("turn"));
    assertEquals("assistant", v.values().get("role"));
  }

  @Test
  void prompt_scope_judges_user_turns_only() {
    assertNull(reason("placeholder", "Hi [Your Name]", "Hello!"));
    Verdict v = step("placeholder", "turns", "prompt").apply(chat("Hi [Your Name]", "Hello!"));
    assertEquals(Action.DROP, v.action());
    assertEquals(0, v.values().get("turn"));
  }

  @Test
  void per_turn_pii_redacts_inside_the_answer_only() {
    Step s = step("per_turn", "turns", "response", "step", new LinkedHashMap<>(Map.of("type", "pii")));
    Document d = chat("Mail me at bob@example.com", "Sure, write to alice@example.org.");
    Verdict v = s.apply(d);
    assertEquals(Action.MODIFY, v.action());
    Conversation c = d.conversation();
    assertEquals("Mail me at bob@example.com", c.turns().get(0).content());
    assertTrue(!c.turns().get(1).content().contains("alice@example.org"), c.turns().get(1).content());
    assertEquals(c.joinedText(), v.newText());
    assertTrue(c.modified());
  }

  @Test
  void per_turn_slop_scores_each_answer_and_keeps_the_prompt_out() {
    Step s = step("per_turn", "turns", "response", "step", new LinkedHashMap<>(Map.of("type", "slop")));
    Verdict v = s.apply(chat("Tell me about tides.", "Tides are the rise and fall of sea levels caused by the Moon and the Sun."));
    assertEquals(Action.KEEP, v.action());
    // the figures of the one answer, under its turn index; the prompt (turn 0) is not scored
    assertTrue(v.values().containsKey("turn_1"), v.values().toString());
    assertTrue(!v.values().containsKey("turn_0"), v.values().toString());
  }
}
