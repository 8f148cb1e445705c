package io.winnow.pipeline;

import java.util.List;

/**
 * The {@code input} section: which files to read and how.
 *
 * @param paths files, directories (read recursively) or globs ({@code data/*.jsonl.gz}); relative paths are
 *     resolved against the working directory
 * @param format {@code auto} (by extension), {@code jsonl}, {@code wet} or {@code warc}
 * @param idField JSON field holding the document id (absent → {@code file:line})
 * @param textField JSON field holding the text
 */
public record InputSpec(List<String> paths, String format, String idField, String textField) {
  public static final List<String> FORMATS = List.of("auto", "jsonl", "wet", "warc");

  static InputSpec from(Params p) {
    List<String> paths = p.getStrings("paths", null);
    if (paths == null || paths.isEmpty()) throw new PipelineException(p.where() + ": 'paths' is required (files, directories or globs)");
    InputSpec s = new InputSpec(paths, p.getChoice("format", "auto", FORMATS.toArray(String[]::new)),
        p.getString("id_field", "id"), p.getString("text_field", "text"));
    p.finish();
    return s;
  }
}
