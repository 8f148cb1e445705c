package io.winnow.refilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.AtomicFiles;
import io.winnow.io.BackgroundOutputStream;
import io.winnow.io.ByteLines;
import io.winnow.io.Compression;
import io.winnow.io.OutputCompression;
import io.winnow.io.ReadAheadInputStream;
import io.winnow.log.Outcome;
import io.winnow.pipeline.OutputSpec;
import io.winnow.pipeline.Pipeline;
import io.winnow.pipeline.PipelineException;
import io.winnow.pipeline.PipelineFile;
import io.winnow.pipeline.StepRegistry;
import io.winnow.pipeline.StepSpec;
import io.winnow.step.RuleFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Score once, filter many times: re-applies a run's rule filters with new thresholds to the figures its decision
 * log recorded ({@code annotate: true}), without reading the input or tokenising any text. Each annotated rule
 * filter decides through its own {@link RuleFilter#decide}, the function it judges with in a run, so a refiltered
 * run keeps exactly the documents a new run with those thresholds would keep. Steps that were not annotated, or
 * whose parameters are unchanged and not annotated, keep their recorded decisions.
 *
 * <p>The new run directory gets the new decision log, the kept documents (their lines copied from the old run's
 * data files, which in an annotated run hold every document that passed), a {@code run.json} with the new
 * pipeline and where it came from, and {@code refilter.json} with the counts.
 */
public final class Refilter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One {@code step.param=value} override; the value is parsed as YAML (numbers, maps, null). */
  public record Setting(String step, String param, Object value) {
    public static Setting parse(String s) {
      int eq = s.indexOf('=');
      int dot = s.indexOf('.');
      if (eq < 0 || dot < 0 || dot > eq) throw new IllegalArgumentException("expected step.param=value, got '" + s + "'");
      Object value;
      try {
        value = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(s.substring(eq + 1), Object.class);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the value of '" + s + "': " + e.getMessage());
      }
      return new Setting(s.substring(0, dot), s.substring(dot + 1, eq), value);
    }
  }

  /** What a refilter kept. */
  public record Counts(long documents, long kept, long dropped, long rejected, long keptWords) {}

  private final Path runDir;
  private final Map<String, Object> definition;
  private final List<String> stepIds = new ArrayList<>();
  private final Map<String, Object> newDefinition;
  /** the re-deciding filter of each annotated step, under the new settings */
  private final Map<String, RuleFilter> deciders = new HashMap<>();
  /** the run's output compression: refiltered files are written as the run wrote its own */
  private final OutputSpec output;

  @SuppressWarnings("unchecked")
  public Refilter(Path runDir, List<Setting> settings, StepRegistry registry) throws IOException {
    this.runDir = runDir;
    Path runJson = runDir.resolve("run.json");
    if (!Files.exists(runJson)) throw new IOException(runDir + " is not a run directory (no run.json)");
    JsonNode run = JSON.readTree(runJson.toFile());
    this.definition = JSON.convertValue(run.path("pipeline"), Map.class);
    Pipeline old = parse(definition, registry);
    this.newDefinition = JSON.convertValue(run.path("pipeline"), Map.class);
    List<Object> steps = (List<Object>) newDefinition.get("steps");
    for (StepSpec s : old.steps()) stepIds.add(s.id());
    for (Setting set : settings) {
      int i = stepIds.indexOf(set.step());
      if (i < 0) throw new PipelineException("refilter: no step '" + set.step() + "' in the run; steps: " + String.join(", ", stepIds));
      Object item = steps.get(i);
      Map<String, Object> params = item instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>(Map.of("type", item));
      params.put(set.param(), set.value());
      steps.set(i, params);
    }
    Pipeline changed = parse(newDefinition, registry);
    this.output = changed.output();
    for (int i = 0; i < old.steps().size(); i++) {
      StepSpec before = old.steps().get(i);
      StepSpec after = changed.steps().get(i);
      boolean annotated = Boolean.TRUE.equals(before.params().get("annotate"));
      List<String> changedKeys = new ArrayList<>();
      for (String k : union(before.params().keySet(), after.params().keySet()))
        if (!Objects.equals(before.params().get(k), after.params().get(k))) changedKeys.add(k);
      if (changedKeys.isEmpty() && !annotated) continue;
      if (after.isCorpusStep()) {
        if (!changedKeys.isEmpty()) throw new PipelineException("refilter: " + after.id() + " is a corpus step; its parameters cannot be changed without a new run");
        continue;
      }
      if (!(after.create() instanceof RuleFilter rf))
        throw new PipelineException("refilter: " + after.id() + " (" + after.type() + ") decides from no recorded figures; change it with a new run");
      if (!annotated)
        throw new PipelineException("refilter: " + after.id() + " did not record its figures; run the pipeline with annotate: true on it first");
      for (String k : changedKeys) {
        if (!rf.thresholdKeys().contains(k))
          throw new PipelineException("refilter: " + after.id() + "." + k + " changes what is measured, not a threshold; thresholds of "
              + after.type() + ": " + String.join(", ", new java.util.TreeSet<>(rf.thresholdKeys())));
      }
      deciders.put(after.id(), rf);
    }
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    List<String> out = new ArrayList<>(a);
    for (String k : b) if (!a.contains(k)) out.add(k);
    return out;
  }

  private static Pipeline parse(Map<String, Object> definition, StepRegistry registry) throws IOException {
    return new PipelineFile(registry).parse("run.json pipeline", JSON.writeValueAsString(definition));
  }

  /** Writes the refiltered run to {@code out} (which must not exist). */
  public Counts writeRun(Path out) throws IOException {
    if (Files.exists(out)) throw new IOException(out + " already exists; choose another output path");
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    deleteTree(tmp);
    Files.createDirectories(tmp.resolve("decisions"));
    Files.createDirectories(tmp.resolve("data"));
    long[] totals = new long[5];
    for (Path log : logs()) {
      String name = log.getFileName().toString();
      String shard = name.substring(0, name.indexOf('.'));
      OutputCompression c = compressionOf(name);
      try (OutputStream logOut = writer(tmp.resolve("decisions").resolve(name), c);
           OutputStream dataOut = writer(tmp.resolve("data").resolve(shard + "-000.jsonl" + c.extension()), c)) {
        refilterShard(log, logOut, dataOut, totals);
      }
    }
    ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode run = pretty.createObjectNode();
    run.put("refiltered_from", runDir.toAbsolutePath().toString());
    run.set("pipeline", pretty.valueToTree(newDefinition));
    AtomicFiles.write(tmp.resolve("run.json"), pretty.writeValueAsBytes(run));
    Counts counts = new Counts(totals[0], totals[1], totals[2], totals[3], totals[4]);
    AtomicFiles.write(tmp.resolve("refilter.json"), pretty.writeValueAsBytes(counts));
    Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return counts;
  }

  /** Documents and words each setting would keep, reading the log and the kept documents' lines once each. */
  public Counts count() throws IOException {
    long[] totals = new long[5];
    for (Path log : logs()) refilterShard(log, null, null, totals);
    return new Counts(totals[0], totals[1], totals[2], totals[3], totals[4]);
  }

  /**
   * Decides every entry of one shard's log again, adding to the totals; writes the new log lines and the kept
   * documents' lines (copied as bytes) when the streams are given. The log is read and decided on this thread;
   * the data lines are scanned, counted and copied on a thread of their own ({@link KeptLines}), fed the new
   * verdict of each document the old run kept, in log order: the two halves of the work take about as long.
   */
  private void refilterShard(Path log, OutputStream logOut, OutputStream dataOut, long[] totals) throws IOException {
    String name = log.getFileName().toString();
    Redecider redecider = new Redecider(deciders);
    RecordedEntry entry = new RecordedEntry();
    PendingBytes newLog = logOut == null ? null : new PendingBytes(logOut);
    long lineNo = 0;
    try (ByteLines in = new ByteLines(reader(log));
         KeptLines kept = new KeptLines(new DataLines(runDir.resolve("data"), name.substring(0, name.indexOf('.'))),
             new KeptWords(textField()), dataOut)) {
      while (nextLine(in, log)) {
        lineNo++;
        if (in.end() == in.start()) continue;
        try {
          entry.read(in.buffer(), in.start(), in.end());
        } catch (IOException e) {
          throw new IOException(log + ":" + lineNo + ": cannot read this decision-log entry: " + e.getMessage(), e);
        }
        boolean wasKept = entry.outcome.equals("kept");
        totals[0]++;
        Outcome outcome = redecider.decide(entry, newLog);
        if (wasKept) kept.add(outcome == Outcome.KEPT);
        switch (outcome) {
          case KEPT -> totals[1]++;
          case DROPPED -> totals[2]++;
          case REJECTED -> totals[3]++;
        }
      }
      if (newLog != null) newLog.flush();
      totals[4] += kept.finish();
    }
  }

  /** The log's next line; damage to the file (a cut or corrupt compressed stream) is reported with its name. */
  private static boolean nextLine(ByteLines in, Path log) throws IOException {
    try {
      return in.next();
    } catch (IOException e) {
      throw new IOException(log + ": " + e.getMessage(), e);
    }
  }

  /**
   * The data side of a shard on a thread of its own: for each document the old run kept (its data lines, in
   * order) whether it is kept again; a kept one's words are counted and, when there is an output, its line
   * copied. Verdicts travel in batches; an error on this side is thrown by {@link #finish}.
   */
  private static final class KeptLines implements java.io.Closeable {
    private static final int BATCH = 4096;
    private static final boolean[] END = new boolean[0];
    private final java.util.concurrent.BlockingQueue<boolean[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(16);
    private final DataLines data;
    private final KeptWords words;
    private final OutputStream out;
    private final Thread thread;
    private boolean[] batch = new boolean[BATCH];
    private int filled;
    private long keptWords;
    private volatile Throwable failure;

    KeptLines(DataLines data, KeptWords words, OutputStream out) {
      this.data = data;
      this.words = words;
      this.out = out;
      this.thread = new Thread(this::consume, "refilter-data");
      thread.setDaemon(true);
      thread.start();
    }

    void add(boolean keep) throws IOException {
      batch[filled++] = keep;
      if (filled == BATCH) {
        put(batch);
        batch = new boolean[BATCH];
        filled = 0;
      }
    }

    /** Sends the last batch, waits for the data side and returns the words of the documents kept. */
    long finish() throws IOException {
      if (filled > 0) put(java.util.Arrays.copyOf(batch, filled));
      filled = 0;
      put(END);
      join();
      io.winnow.io.WorkerFailures.rethrow(failure);
      return keptWords;
    }

    private void consume() {
      try {
        for (boolean[] b = queue.take(); b != END; b = queue.take()) {
          if (failure != null) continue; // drain, so the log side never blocks on a dead consumer
          for (boolean keep : b) {
            data.next();
            if (!keep) continue;
            keptWords += words.count(data.buffer(), data.start(), data.end());
            if (out != null) copyStripped(data, out);
          }
        }
      } catch (Throwable t) {
        if (failure == null) failure = t;
      }
    }

    private void put(boolean[] b) throws IOException {
      try {
        queue.put(b);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("refilter interrupted");
      }
    }

    private void join() throws IOException {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("refilter interrupted");
      }
    }

    /** On an error of the log side: stops the data side (it drains what is queued) and closes the data files. */
    @Override
    public void close() throws IOException {
      if (thread.isAlive()) {
        if (failure == null) failure = new IOException("stopped");
        queue.clear();
        put(END);
        join();
      }
      data.close();
    }
  }

  /** The writer separates records with "\n " after the first: the new file starts each line at its '{'. */
  private static void copyStripped(DataLines data, OutputStream out) throws IOException {
    byte[] b = data.buffer();
    int s = data.start();
    while (s < data.end() && b[s] >= 0 && Character.isWhitespace(b[s])) s++;
    out.write(b, s, data.end() - s);
    out.write('\n');
  }

  @SuppressWarnings("unchecked")
  private String textField() {
    Object input = definition.get("input");
    Object f = input instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("text_field") : null;
    return f == null ? "text" : f.toString();
  }

  private List<Path> logs() throws IOException {
    return io.winnow.log.DecisionLogReader.files(runDir);
  }

  private static InputStream reader(Path f) throws IOException {
    return new ReadAheadInputStream(new BulkReads(Compression.forName(f.toString()).decompress(Files.newInputStream(f))), "refilter-read");
  }

  /** The codec a log was written with (from its name), at the run's {@code compression_level} when it is the run's codec. */
  private OutputCompression compressionOf(String logName) {
    Compression c = Compression.forName(logName);
    return c == output.compression() ? output.outputCompression() : OutputCompression.of(c);
  }

  /** Compressing on a thread of its own; the bytes are those a direct write gives. */
  private static OutputStream writer(Path f, OutputCompression c) throws IOException {
    return new BackgroundOutputStream(c.compress(AtomicFiles.create(f)), "refilter-write");
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }

  /** The lines of one shard's data files in order, as bytes: the documents the run kept, one per kept log entry. */
  private static final class DataLines implements java.io.Closeable {
    private final Path dataDir;
    private final String shard;
    private final List<Path> files;
    private int next;
    private ByteLines current;

    DataLines(Path dataDir, String shard) throws IOException {
      this.dataDir = dataDir;
      this.shard = shard;
      try (Stream<Path> s = Files.list(dataDir)) {
        files = s.filter(p -> p.getFileName().toString().startsWith(shard + "-") && !p.getFileName().toString().endsWith(".tmp"))
            .sorted().toList();
      }
    }

    void next() throws IOException {
      while (true) {
        if (current == null) {
          if (next == files.size())
            throw new IOException(dataDir + ": the data files of " + shard + " hold fewer documents than its log says were kept");
          current = new ByteLines(reader(files.get(next++)));
        }
        boolean more;
        try {
          more = current.next();
        } catch (IOException e) {
          throw new IOException(files.get(next - 1) + ": " + e.getMessage(), e);
        }
        if (more) return;
        current.close();
        current = null;
      }
    }

    byte[] buffer() {
      return current.buffer();
    }

    int start() {
      return current.start();
    }

    int end() {
      return current.end();
    }

    @Override
    public void close() throws IOException {
      if (current != null) current.close();
    }
  }
}
