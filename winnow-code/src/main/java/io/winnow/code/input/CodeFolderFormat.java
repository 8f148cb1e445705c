package io.winnow.code.input;

import io.winnow.io.DocumentReader;
import io.winnow.io.DocumentWriter;
import io.winnow.io.FormatProvider;
import io.winnow.io.ReaderLimits;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Input format {@code code}: a source folder or git checkout, one document per file ({@link CodeFolderReader}).
 * Each folder named in {@code input.paths} (or matched by a glob such as {@code repos/*}) is one input and one
 * repository. It is an input format only.
 */
public final class CodeFolderFormat implements FormatProvider {
  public static final String NAME = "code";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean handles(String fileName) {
    return false; // a folder has no file name that announces it; the format is chosen explicitly
  }

  @Override
  public boolean writes() {
    return false;
  }

  @Override
  public boolean readsFolders() {
    return true;
  }

  @Override
  public DocumentReader openReader(Path input, String idField, String textField, ReaderLimits limits) throws IOException {
    return new CodeFolderReader(input, limits);
  }

  @Override
  public DocumentWriter openWriter(Path dir, String base, String compression, long maxFileBytes, long rowGroupBytes,
      String idField, String textField) {
    throw new UnsupportedOperationException("format 'code' reads source folders; write jsonl or parquet");
  }
}
