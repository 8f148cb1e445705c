package io.winnow.step.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.testing.Fixtures;
import io.winnow.testing.SharedData;
import io.winnow.text.EnglishWordSplitter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code c4} hands the words of its cleaned text on with the text (gathered from the old text's tokens, line
 * by line), so the next step does not split the text again: they must be exactly the words of the new text.
 */
class C4WordsTest {
  private static final EnglishWordSplitter SPLITTER = EnglishWordSplitter.get();

  @Test
  void wordsHandedOnAreTheWordsOfTheCleanedText() throws Exception {
    List<String> texts = new ArrayList<>();
    for (JsonNode row : SharedData.readJsonlGz(Fixtures.path("filters-dev-300.jsonl.gz"))) texts.add(row.get("text").asText());
    // lines that lose a citation, lines with odd whitespace and breaks other than \n, a dropped short line
    texts.add("First line of text here, it is long enough.[1]\r\n  Second line  with\ttabs and spaces.  \u2028"
        + "Third line [citation needed] goes here too.\u000bshort\n\n\nA fourth line, don't you think? Yes.[edit]");
    int modified = 0;
    for (Map<String, Object> params : List.of(Map.<String, Object>of(), Map.<String, Object>of("filter_no_terminal_punct", false))) {
      C4Filter c4 = new C4Filter(C4Filter.Config.from(new Params("c4", new HashMap<>(params))));
      for (String text : texts) {
        Document doc = Document.of("d", text);
        doc.words(); // as after an earlier step that needed them: c4 reads the memoised tokens
        Verdict v = c4.apply(doc);
        if (v.action() != Action.MODIFY) continue;
        assertThat(v.newWords()).as(text).containsExactly(SPLITTER.words(v.newText()));
        modified++;
      }
    }
    assertThat(modified).isGreaterThan(100);
  }
}
