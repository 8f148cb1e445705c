package io.winnow.code.input;

import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import io.winnow.step.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Step {@code code_filter}: drops the files of a code corpus that are not the project's own writing
 * ({@link SkipRules}: vendored, generated, lock files, minified, binary), each with its rule as the reason
 * ({@code code_filter.vendored}...), and annotates {@code language} when the input did not give one.
 */
public final class CodeFilter implements Step {
  public static final String TYPE = "code_filter";

  public record Config(String pathField, SkipRules rules) {
    public static Config from(Params p) {
      List<String> names = p.getStrings("rules", List.of("binary", "vendored", "lock_file", "minified", "generated"));
      Set<SkipRules.Rule> rules = EnumSet.noneOf(SkipRules.Rule.class);
      for (String n : names) {
        try {
          rules.add(SkipRules.Rule.valueOf(n.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw p.invalid("rules", "unknown rule '" + n + "'; the rules are binary, vendored, lock_file, minified, generated");
        }
      }
      Config c = new Config(p.getString("path_field", "path"), new SkipRules(rules,
          p.getStrings("vendored_dirs", SkipRules.DEFAULT_VENDORED_DIRS),
          p.getStrings("lock_files", SkipRules.DEFAULT_LOCK_FILES),
          p.getStrings("generated_markers", SkipRules.DEFAULT_GENERATED_MARKERS)));
      p.finish();
      return c;
    }
  }

  private final Config config;

  public CodeFilter(Config config) {
    this.config = config;
  }

  @Override
  public Verdict apply(Document doc) {
    Object path = io.winnow.doc.FieldPath.get(doc.metadata(), config.pathField());
    String p = path == null ? "" : path.toString();
    SkipRules.Hit hit = config.rules().check(p, doc.text());
    if (hit != null) return Verdict.drop(hit.rule(), Verdict.values("evidence", hit.evidence()));
    if (!doc.metadata().containsKey("language") && path != null) {
      String lang = CodeLanguages.of(p, doc.text());
      if (lang != null) doc.metadata().put("language", lang);
    }
    return Verdict.keep();
  }
}
