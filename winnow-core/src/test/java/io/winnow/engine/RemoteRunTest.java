package io.winnow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winnow.io.storage.FolderStorageProvider;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local engine over a remote store, here a folder reached only through the Storage interface
 * ({@link FolderStorageProvider}); the same run on S3 is tested in winnow-hadoop.
 */
class RemoteRunTest {
  @TempDir Path dir;
  private Path store;
  private Path localIn;

  @BeforeEach
  void setUp() throws IOException {
    store = Files.createDirectories(dir.resolve("store"));
    System.setProperty(FolderStorageProvider.ROOT_PROPERTY, store.toString());
    System.setProperty("winnow.work_dir", dir.resolve("work").toString());
    localIn = Files.createDirectories(dir.resolve("in"));
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      String text = i % 7 == 3 ? "the same text in two places, which exact dedup removes" : "Document " + i + " says " + "more ".repeat(i + 1);
      (i % 2 == 0 ? a : b).append("{\"id\":\"d").append(i).append("\",\"text\":\"").append(text).append("\"}\n");
    }
    Files.writeString(localIn.resolve("a.jsonl"), a);
    Files.writeString(localIn.resolve("b.jsonl"), b);
    Files.createDirectories(store.resolve("in"));
    Files.copy(localIn.resolve("a.jsonl"), store.resolve("in/a.jsonl"));
    Files.copy(localIn.resolve("b.jsonl"), store.resolve("in/b.jsonl"));
  }

  @AfterEach
  void clearProperties() {
    System.clearProperty(FolderStorageProvider.ROOT_PROPERTY);
    System.clearProperty("winnow.work_dir");
  }

  private static Pipeline pipeline(String input, String output) {
    return new PipelineFile(StepRegistry.builtIn()).parse("t.yaml", "input: {paths: ['" + input + "']}\n"
        + "steps: [exact_dedup]\noutput: {path: '" + output + "', compression: none}\n");
  }

  private static LocalEngine.Result run(Pipeline p, boolean resume) throws IOException {
    return new LocalEngine(p, resume, false, ProgressListener.NONE).run();
  }

  private static TreeMap<String, String> data(Path runDir) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(runDir.resolve("data"))) {
      for (Path f : s.toList()) out.put(f.getFileName().toString(), Files.readString(f));
    }
    return out;
  }

  @Test
  void aRunFromTheStoreToTheStoreWritesWhatALocalRunWrites() throws IOException {
    run(pipeline(localIn.toString(), dir.resolve("local").toString()), false);
    LocalEngine.Result r = run(pipeline("folder://in", "folder://run"), false);

    assertThat(r.output()).isEqualTo("folder://run");
    assertThat(r.stats().dropped()).isPositive();
    assertThat(data(store.resolve("run"))).isEqualTo(data(dir.resolve("local"))).isNotEmpty();
    assertThat(store.resolve("run/completions/part-00000")).exists();
    assertThat(store.resolve("run/completions/part-00001")).exists();
    assertThat(store.resolve("run/corpus/exact_dedup/fitted")).exists();
    assertThat(store.resolve("run/stats.json")).exists();
    assertThat(store.resolve("run/run.lock")).doesNotExist();
    // documents and run.json name the inputs as the pipeline does, not by their local copies
    assertThat(Files.readString(store.resolve("run/decisions/part-00000.jsonl"))).contains("folder://in/a.jsonl").doesNotContain("work");
    assertThat(Files.readString(store.resolve("run/run.json"))).contains("folder://in/b.jsonl");
    // the input copies are removed once the run is complete
    assertThat(dir.resolve("work")).isDirectory();
    try (Stream<Path> s = Files.walk(dir.resolve("work"))) {
      assertThat(s.filter(f -> f.toString().contains("inputs") && Files.isRegularFile(f)).toList()).isEmpty();
    }
  }

  @Test
  void aResumeOnAnotherMachineRedoesOnlyTheShardWithoutAMarkerAndDropsWhatItLeft() throws IOException {
    run(pipeline("folder://in", "folder://run"), false);
    TreeMap<String, String> complete = data(store.resolve("run"));
    // a run stopped while shard 1 was uploaded: some of its files there, no marker, no merged statistics
    Files.delete(store.resolve("run/completions/part-00001"));
    Files.delete(store.resolve("run/stats.json"));
    Files.delete(store.resolve("run/decisions/part-00001.jsonl"));
    Files.writeString(store.resolve("run/data/part-00001-001.jsonl"), "{\"id\":\"left over by the first attempt\"}\n");
    deleteTree(dir.resolve("work"));

    assertThatThrownBy(() -> run(pipeline("folder://in", "folder://run"), false)).hasMessageContaining("already holds a run");
    LocalEngine.Result r = run(pipeline("folder://in", "folder://run"), true);

    assertThat(r.shardsSkipped()).isEqualTo(1);
    assertThat(r.shardsRun()).isEqualTo(1);
    assertThat(data(store.resolve("run"))).isEqualTo(complete);
    assertThat(store.resolve("run/completions/part-00001")).exists();
    assertThat(store.resolve("run/stats.json")).exists();
  }

  @Test
  void aResumeWithAChangedRemoteInputIsRefused() throws IOException {
    run(pipeline("folder://in", "folder://run"), false);
    Files.writeString(store.resolve("in/b.jsonl"), "{\"id\":\"new\",\"text\":\"appended\"}\n", java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> run(pipeline("folder://in", "folder://run"), true))
        .isInstanceOf(RunFailedException.class).hasMessageContaining("folder://in/b.jsonl").hasMessageContaining("changed");
  }

  @Test
  void aRemoteFolderHoldingSomethingElseIsNotWrittenInto() throws IOException {
    Files.createDirectories(store.resolve("other"));
    Files.writeString(store.resolve("other/notes.txt"), "mine");
    assertThatThrownBy(() -> run(pipeline("folder://in", "folder://other"), false)).hasMessageContaining("is not a Winnow run");
    assertThat(store.resolve("other/notes.txt")).hasContent("mine");
  }

  @Test
  void anOutputInsideTheRemoteInputIsRefused() {
    assertThatThrownBy(() -> run(pipeline("folder://in", "folder://in/run"), false)).hasMessageContaining("overlap");
    assertThatThrownBy(() -> run(pipeline("folder://in/*.jsonl", "folder://in/run"), false)).hasMessageContaining("overlap");
  }

  @Test
  void aRemotePatternMatchingNothingNamesIt() {
    assertThatThrownBy(() -> run(pipeline("folder://in/*.warc.gz", dir.resolve("out").toString()), false))
        .hasMessageContaining("folder://in/*.warc.gz").hasMessageContaining("matches no file");
  }

  @Test
  void localCopiesMirrorTheUriWithoutClimbingOutOfTheirFolder() {
    assertThat(InputCopies.localName("s3a://bucket/a/b.jsonl")).isEqualTo("s3a/bucket/a/b.jsonl");
    assertThat(InputCopies.localName("hdfs://nn:8020/x/../y.jsonl")).isEqualTo("hdfs/nn_8020/x/%2E%2E/y.jsonl");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
