package io.winnow.step.dedup;

import io.winnow.doc.Document;
import io.winnow.io.AtomicFiles;
import io.winnow.report.diversity.Manifests;
import io.winnow.step.CorpusStep;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The observe phase of the dependency cap on the local engine: per shard, one record per manifest document (its
 * project, position among the shard's observed documents, keeper score, id and declared dependencies) in
 * {@code manifests/part-NNNNN.bin}, written under a temporary name and renamed on commit.
 */
final class ManifestObservations {
  private ManifestObservations() {}

  static Path file(Path stepDir, int shard) {
    return stepDir.resolve("manifests").resolve(String.format("part-%05d.bin", shard));
  }

  /** The manifest of one observed document, or null when it is not one. */
  static DependencyCap.Manifest of(ProjectManifests projects, KeeperRule keeper, Document doc, int shard, long position) {
    Manifests.Declared d = projects.declared(doc);
    if (d == null) return null;
    return new DependencyCap.Manifest(projects.projectKey(doc), shard, position, keeper.score(doc), doc.id(),
        projects.projectName(doc), d.ecosystem(), d.error(), d.dependencies().toArray(new String[0]));
  }

  static CorpusStep.Observer observer(Path stepDir, int shard, ProjectManifests projects, KeeperRule keeper) throws IOException {
    Path target = file(stepDir, shard);
    Files.createDirectories(target.getParent());
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(AtomicFiles.create(AtomicFiles.tmp(target)), 1 << 16));
    return new CorpusStep.Observer() {
      long position;
      boolean committed;

      @Override
      public void observe(Document doc) throws IOException {
        DependencyCap.Manifest m = of(projects, keeper, doc, shard, position++);
        if (m != null) write(out, m);
      }

      @Override
      public void commit() throws IOException {
        out.close();
        AtomicFiles.commit(AtomicFiles.tmp(target), target);
        committed = true;
      }

      @Override
      public void close() throws IOException {
        if (committed) return;
        out.close();
        Files.deleteIfExists(AtomicFiles.tmp(target));
      }
    };
  }

  private static void write(DataOutputStream out, DependencyCap.Manifest m) throws IOException {
    out.writeLong(m.project);
    out.writeLong(m.position);
    out.writeDouble(m.score);
    writeString(out, m.id);
    writeString(out, m.projectName);
    writeString(out, m.ecosystem);
    writeString(out, m.error);
    out.writeInt(m.dependencies.length);
    for (String d : m.dependencies) writeString(out, d);
  }

  /** Every manifest of shards 0..shards-1. */
  static List<DependencyCap.Manifest> readAll(Path stepDir, int shards) throws IOException {
    List<DependencyCap.Manifest> all = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      Path f = file(stepDir, shard);
      if (!Files.exists(f)) throw new IOException(f + " is missing: shard " + shard + " was not observed");
      int index = shard;
      BinaryRecords.forEach(f, (project, in) -> {
        long position = in.readLong();
        double score = in.readDouble();
        String id = readString(in);
        String name = readString(in);
        String eco = readString(in);
        String error = readString(in);
        String[] deps = new String[in.readInt()];
        for (int i = 0; i < deps.length; i++) deps[i] = readString(in);
        all.add(new DependencyCap.Manifest(project, index, position, score, id, name, eco, error, deps));
      });
    }
    return all;
  }

  /** Length-prefixed UTF-8, -1 for null. */
  static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
