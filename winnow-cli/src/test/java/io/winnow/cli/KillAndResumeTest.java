package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real `winnow run` process (SIGKILL) after some shards completed, resumes it, and checks the result
 * equals an uninterrupted run's: no shard lost, none duplicated, no temporary file left.
 */
class KillAndResumeTest {
  @TempDir Path dir;

  @Test
  void killedRunResumesToTheSameResult() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    String para = "Winnow keeps good documents and drops the rest, and it says why for each one of them. ";
    for (int s = 0; s < 12; s++) {
      try (OutputStream out = Files.newOutputStream(in.resolve(String.format("shard-%02d.jsonl", s)))) {
        for (int i = 0; i < 4000; i++) {
          String text = (para + "Shard " + s + " document " + i + " has its own words " + (i * 7919 % 1000) + ". ").repeat(1 + i % 5);
          out.write(("{\"id\":\"s" + s + "-" + i + "\",\"text\":\"" + text + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    Path killed = dir.resolve("killed");
    Path clean = dir.resolve("clean");
    Path yaml = dir.resolve("p.yaml");
    Files.writeString(yaml, "input: {paths: ['" + in + "']}\n"
        + "steps: [gopher_repetition, gopher_quality, {type: c4, filter_no_terminal_punct: false}, fineweb_quality]\n"
        + "output: {path: '" + clean + "', compression: gzip}\n");

    Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Winnow.class.getName(),
        "run", yaml.toString(), "--out", killed.toString(), "--workers", "1", "--progress", "none")
        .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
    Path completions = killed.resolve("completions");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (markers(completions) < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(p.isAlive()).as("the run must still be going when it is killed").isTrue();
    p.destroyForcibly().waitFor();
    int doneBeforeKill = markers(completions);
    assertThat(doneBeforeKill).isBetween(2, 11);

    CliTest.Result resumed = CliTest.winnow("run", yaml.toString(), "--out", killed.toString(), "--resume", "--progress", "none");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("already complete " + doneBeforeKill);
    CliTest.Result full = CliTest.winnow("run", yaml.toString(), "--progress", "none");
    assertThat(full.exit()).as(full.err()).isZero();

    assertThat(contents(killed)).isEqualTo(contents(clean));
    try (Stream<Path> files = Files.walk(killed)) {
      assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int markers(Path completions) throws IOException {
    if (!Files.isDirectory(completions)) return 0;
    try (Stream<Path> s = Files.list(completions)) {
      return (int) s.filter(f -> !f.toString().endsWith(".tmp")).count();
    }
  }

  private static Map<String, String> contents(Path run) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String sub : List.of("data", "decisions")) {
      List<Path> files;
      try (Stream<Path> s = Files.list(run.resolve(sub))) {
        files = new ArrayList<>(s.sorted().toList());
      }
      for (Path f : files) {
        try (GZIPInputStream z = new GZIPInputStream(Files.newInputStream(f))) {
          out.put(sub + "/" + f.getFileName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    out.put("stats.json", Files.readString(run.resolve("stats.json")).replaceAll("\"seconds\" : [0-9.Ee-]+", ""));
    return out;
  }
}
