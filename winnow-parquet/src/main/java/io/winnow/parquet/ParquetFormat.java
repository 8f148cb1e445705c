package io.winnow.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.FormatProvider;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** The {@code parquet} input and output format. */
public final class ParquetFormat implements FormatProvider {
  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public boolean handles(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  @Override
  public DocumentReader openReader(Path file, String idField, String textField, ReaderLimits limits) throws IOException {
    return new ParquetDocumentReader(file, idField, textField, limits);
  }

  @Override
  public DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField) {
    return new ParquetDocumentWriter(dir, base, compression, maxFileBytes, rowGroupBytes, idField, textField, null);
  }

  /** Keeps the columns and types of a Parquet input file. */
  @Override
  public DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField, Path inputFile) throws IOException {
    MessageType input = inputFile != null && Files.isRegularFile(inputFile) && handles(inputFile.getFileName().toString())
        ? schemaOf(inputFile) : null;
    return new ParquetDocumentWriter(dir, base, compression, maxFileBytes, rowGroupBytes, idField, textField, input);
  }

  static MessageType schemaOf(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
      return r.getFooter().getFileMetaData().getSchema();
    }
  }

  /** Copies rows into one file of the union of every shard file's schema (so that all parts have the same columns). */
  @Override
  public void writePart(Path target, List<FileRange> ranges, List<Path> allFiles, String compression, long rowGroupBytes)
      throws IOException {
    List<MessageType> schemas = new ArrayList<>();
    for (Path f : allFiles) schemas.add(schemaOf(f));
    MessageType union = ParquetColumns.union(schemas);
    try (ParquetParts out = ParquetParts.single(target, compression, rowGroupBytes)) {
      for (FileRange range : ranges) copy(range, union, out);
      out.commit();
    }
  }

  private static void copy(FileRange range, MessageType union, ParquetParts out) throws IOException {
    long row = 0;
    for (Path f : range.files()) {
      if (row >= range.to()) return;
      try (SalvagingRowReader rows = new SalvagingRowReader(f)) {
        MessageType from = rows.schema();
        for (SalvagingRowReader.Item it; row < range.to() && (it = rows.next()) != null; ) {
          if (it instanceof SalvagingRowReader.Lost lost) {
            throw new IOException(f + ": rows " + lost.first() + ".." + lost.last() + " of a file this run wrote cannot be read: " + lost.cause());
          }
          if (row++ < range.from()) continue;
          out.write(recast(((SalvagingRowReader.Row) it).group(), from, union), union);
        }
      }
    }
    if (row < range.to()) throw new IOException("the shard's files hold " + row + " documents, its statistics say " + range.to());
  }

  private static Group recast(Group g, MessageType from, MessageType union) {
    if (from.equals(union)) return g;
    ObjectNode tree = ParquetJson.toJson(g);
    for (Type t : union.getFields()) {
      JsonNode v = tree.get(t.getName());
      if (v != null && from.containsField(t.getName())) tree.set(t.getName(), ParquetColumns.recast(from.getType(t.getName()), t, v));
    }
    Group out = new SimpleGroup(union);
    ParquetJson.fill(out, tree);
    return out;
  }

  @Override
  public String extension() {
    return ".parquet";
  }

  @Override
  public List<Map<String, Object>> features(List<Path> files) throws IOException {
    List<MessageType> schemas = new ArrayList<>();
    for (Path f : files) if (handles(f.getFileName().toString())) schemas.add(schemaOf(f));
    return schemas.isEmpty() ? null : ParquetColumns.features(ParquetColumns.union(schemas));
  }
}
