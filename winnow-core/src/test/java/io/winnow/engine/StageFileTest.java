package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.doc.Action;
import io.winnow.doc.Decision;
import io.winnow.doc.Document;
import io.winnow.doc.Provenance;
import io.winnow.io.Rejection;
import io.winnow.report.RunStats;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageFileTest {
  @TempDir Path dir;

  @Test
  void recordsComeBackAsTheyWereWrittenWithTheirValueTypes() throws IOException {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("int", 3);
    meta.put("long", 3L);
    meta.put("float", 0.1f);
    meta.put("double", Double.NaN);
    meta.put("big", new BigDecimal("1E+400"));
    meta.put("huge", new BigInteger("123456789012345678901234567890"));
    meta.put("nested", new LinkedHashMap<>(Map.of("list", List.of(1, "two", true))));
    meta.put("none", null);
    String text = "lone \ud800 surrogate, pair \ud83d\ude00, " + "x".repeat(70_000);
    Document doc = new Document("d1", text, meta, Provenance.line("in.jsonl", 12));
    List<Decision> trail = new ArrayList<>(List.of(new Decision("a", Action.MODIFY, "a.changed", Map.of("n", 2L))));
    Document dropped = new Document("d2", "gone", null, Provenance.offset("in.warc", 4096));

    Path file = dir.resolve("stage/part-00000.zst");
    RunStats counters = new RunStats();
    counters.step("a").recordKept(10, 2, 5);
    try (StageFile.Writer w = new StageFile.Writer(file, false)) {
      w.write(StagedRecord.live(doc, 100, 20, -1, true, trail));
      StagedRecord d = StagedRecord.live(dropped, 4, 1, 3, false, new ArrayList<>(List.of(new Decision("a", Action.DROP, "a.why", Map.of()))));
      d.drop();
      w.write(d);
      w.write(StagedRecord.rejected(new Rejection(null, "in.jsonl:14", Rejection.Reason.MALFORMED_JSON, "bad")));
      w.commit(counters);
    }

    try (StageFile.Reader r = new StageFile.Reader(file, b -> {})) {
      StagedRecord live = r.next();
      assertThat(live.state).isEqualTo(StagedRecord.State.LIVE);
      assertThat(live.doc.id()).isEqualTo("d1");
      assertThat(live.doc.text()).isEqualTo(text);
      assertThat(live.doc.provenance()).isEqualTo(doc.provenance());
      assertThat(live.doc.metadata()).containsExactlyEntriesOf(meta);
      assertThat(live.doc.metadata().get("long")).isInstanceOf(Long.class);
      assertThat(live.doc.metadata().get("float")).isInstanceOf(Float.class);
      assertThat(live.trail).isEqualTo(trail);
      assertThat(live.modified).isTrue();
      assertThat(List.of(live.bytesIn, live.wordsIn, live.tokensIn)).containsExactly(100L, 20L, -1L);

      StagedRecord d = r.next();
      assertThat(d.state).isEqualTo(StagedRecord.State.DROPPED);
      assertThat(d.doc.provenance().location()).isEqualTo("in.warc@4096");
      assertThat(d.trail.get(0).reason()).isEqualTo("a.why");

      StagedRecord j = r.next();
      assertThat(j.state).isEqualTo(StagedRecord.State.REJECTED);
      assertThat(j.rejection).isEqualTo(new Rejection(null, "in.jsonl:14", Rejection.Reason.MALFORMED_JSON, "bad"));

      assertThat(r.next()).isNull();
      assertThat(r.stepCounters().step("a").kept()).isEqualTo(1);
    }
  }

  @Test
  void anUnfinishedStageIsNotVisibleAndAMissingOneIsNamed() throws IOException {
    Path file = dir.resolve("stage/part-00001.zst");
    try (StageFile.Writer w = new StageFile.Writer(file, false)) {
      w.write(StagedRecord.rejected(new Rejection(null, "x:1", Rejection.Reason.MALFORMED_JSON, "bad")));
    }
    assertThat(Files.exists(file)).isFalse();
    assertThatThrownBy(() -> new StageFile.Reader(file, b -> {})).hasMessageContaining(file.toString());
  }
}
