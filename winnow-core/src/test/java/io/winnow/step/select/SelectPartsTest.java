package io.winnow.step.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Document;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SelectPartsTest {
  @Test
  void scoreExpressionsWeighTerms() {
    Document d = Document.of("a", "one two three four");
    d.metadata().put("reward", 0.5);
    d.metadata().put("label", "2.5");
    assertThat(ScoreExpression.parse("words").score(d)).isEqualTo(4.0);
    assertThat(ScoreExpression.parse("0.5*words + 2*field:reward").score(d)).isEqualTo(3.0);
    assertThat(ScoreExpression.parse("-field:reward").score(d)).isEqualTo(-0.5);
    assertThat(ScoreExpression.parse("field:label - 1e-1*words").score(d)).isEqualTo(2.5 - 0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ScoreExpression.parse("field:missing").score(d)).isNaN();
    assertThatThrownBy(() -> ScoreExpression.parse("wordz")).hasMessageContaining("unknown term 'wordz'");
    assertThatThrownBy(() -> ScoreExpression.parse("x*words")).hasMessageContaining("is not a number");
  }

  @Test
  void unscoredDocumentsSortLast() {
    assertThat(~SelectionFit.sortable(Double.NaN)).isGreaterThan(~SelectionFit.sortable(-1e300));
    assertThat(~SelectionFit.sortable(2.0)).isLessThan(~SelectionFit.sortable(1.0));
    assertThat(~SelectionFit.sortable(-1.0)).isGreaterThan(~SelectionFit.sortable(0.0));
  }

  @Test
  void quotasShareTheTargetAsEvenlyAsSizesAllow() {
    Map<Long, Long> sizes = new TreeMap<>(Map.of(1L, 3L, 2L, 100L, 3L, 100L));
    Map<Long, Long> q = Quotas.waterFill(sizes, 30);
    assertThat(q).containsEntry(1L, 3L);
    assertThat(q.get(2L) + q.get(3L)).isEqualTo(27);
    assertThat(Math.abs(q.get(2L) - q.get(3L))).isLessThanOrEqualTo(1);
    assertThat(Quotas.waterFill(sizes, 1000).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(203);
  }
}
