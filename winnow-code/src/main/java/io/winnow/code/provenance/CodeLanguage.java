package io.winnow.code.provenance;

import java.util.Locale;
import java.util.Set;

/**
 * The languages the provenance lexer knows, each with its family (which decides comment and string syntax) and
 * its keywords (which are kept as themselves while identifiers are abstracted). A language is named by the
 * document's {@code language} metadata or guessed from the extension of its {@code path}; anything else falls
 * back to {@link #OTHER}, lexed by the generic rules.
 */
public enum CodeLanguage {
  C(Family.C_LIKE, Set.of("auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
      "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short",
      "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
      "_Bool", "_Atomic", "_Static_assert", "bool", "true", "false", "NULL",
      // preprocessor directives: they shape the code as keywords do
      "define", "include", "ifdef", "ifndef", "endif", "elif", "undef", "pragma", "defined")),
  CPP(Family.C_LIKE, union(C.keywords, Set.of("class", "namespace", "template", "typename", "public", "private",
      "protected", "virtual", "override", "new", "delete", "this", "operator", "using", "try", "catch", "throw",
      "nullptr", "constexpr", "auto", "explicit", "friend", "mutable", "noexcept", "static_cast", "dynamic_cast",
      "reinterpret_cast", "const_cast", "decltype", "final"))),
  JAVA(Family.C_LIKE, Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
      "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
      "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "super", "switch", "synchronized", "this", "throw",
      "throws", "transient", "try", "void", "volatile", "while", "var", "record", "yield", "true", "false", "null")),
  JAVASCRIPT(Family.C_LIKE, Set.of("async", "await", "break", "case", "catch", "class", "const", "continue",
      "debugger", "default", "delete", "do", "else", "export", "extends", "finally", "for", "function", "if",
      "import", "in", "instanceof", "let", "new", "of", "return", "super", "switch", "this", "throw", "try",
      "typeof", "var", "void", "while", "with", "yield", "true", "false", "null", "undefined",
      "interface", "type", "enum", "implements", "private", "public", "protected", "readonly")),
  GO(Family.C_LIKE, Set.of("break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
      "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
      "struct", "switch", "type", "var", "nil", "true", "false")),
  RUST(Family.C_LIKE, Set.of("as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
      "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
      "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
      "while")),
  PYTHON(Family.PYTHON, Set.of("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
      "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "self")),
  OTHER(Family.GENERIC, Set.of());

  /** Lexical families: comment and string syntax. */
  public enum Family { C_LIKE, PYTHON, GENERIC }

  private final Family family;
  private final Set<String> keywords;

  CodeLanguage(Family family, Set<String> keywords) {
    this.family = family;
    this.keywords = keywords;
  }

  public Family family() {
    return family;
  }

  public Set<String> keywords() {
    return keywords;
  }

  /** The language a metadata value names (as the code input reader writes it: {@code c}, {@code python}, …). */
  public static CodeLanguage fromName(String name) {
    if (name == null) return null;
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "c" -> C;
      case "c++", "cpp", "cxx", "objective-c", "objc", "c#", "csharp", "cuda" -> CPP;
      case "java", "kotlin", "scala", "groovy", "dart", "swift" -> JAVA;
      case "javascript", "js", "typescript", "ts", "jsx", "tsx" -> JAVASCRIPT;
      case "go", "golang" -> GO;
      case "rust", "rs" -> RUST;
      case "python", "py" -> PYTHON;
      default -> null;
    };
  }

  /** The language a file name's extension suggests, or {@link #OTHER}. */
  public static CodeLanguage fromPath(String path) {
    if (path == null) return OTHER;
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    int dot = path.lastIndexOf('.');
    if (dot <= slash) return OTHER;
    return switch (path.substring(dot + 1).toLowerCase(Locale.ROOT)) {
      case "c", "h" -> C;
      case "cc", "cpp", "cxx", "hpp", "hh", "hxx", "c++", "cu", "m", "mm", "cs" -> CPP;
      case "java", "kt", "kts", "scala", "groovy", "dart", "swift" -> JAVA;
      case "js", "mjs", "cjs", "jsx", "ts", "tsx" -> JAVASCRIPT;
      case "go" -> GO;
      case "rs" -> RUST;
      case "py", "pyi" -> PYTHON;
      default -> OTHER;
    };
  }

  /** Whether a file of this name is source code the reference index should read. */
  public static boolean isSourceFile(String path) {
    return fromPath(path) != OTHER;
  }

  /** The metadata's {@code language} if it names a known language, else the guess from {@code path}. */
  public static CodeLanguage of(String languageName, String path) {
    CodeLanguage l = fromName(languageName);
    return l != null ? l : fromPath(path);
  }

  /**
   * A guess for text that comes with neither a language nor a path (model output in JSONL): braces and
   * semicolons mean C-like code, lexed as C; lines that open blocks with a colon mean Python; else
   * {@link #OTHER}. Only the first 64 KB are looked at.
   */
  public static CodeLanguage guess(CharSequence text) {
    int n = Math.min(text.length(), 1 << 16);
    int cLike = 0;
    int python = 0;
    int lineStart = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : '\n';
      if (c == ';' || c == '{') cLike++;
      if (c != '\n') continue;
      int end = i;
      while (end > lineStart && text.charAt(end - 1) <= ' ') end--;
      if (end > lineStart && text.charAt(end - 1) == ':') python++;
      lineStart = i + 1;
    }
    if (cLike >= 3 && cLike >= 2 * python) return C;
    if (python >= 2) return PYTHON;
    return OTHER;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> s = new java.util.HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
