package io.winnow.code.input;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The programming language of a source file, from its name (extension or a well-known file name) or, for a
 * script without one, its shebang line. The names follow GitHub Linguist's ({@code C++}, {@code Shell}...), as The
 * Stack's {@code lang} field does; an unknown file is {@code null}.
 */
public final class CodeLanguages {
  private static final Map<String, String> BY_EXTENSION = new HashMap<>();
  private static final Map<String, String> BY_NAME = new HashMap<>();
  private static final Map<String, String> BY_INTERPRETER = new HashMap<>();

  static {
    ext("C", "c", "h");
    ext("C++", "cc", "cpp", "cxx", "c++", "hpp", "hh", "hxx", "h++", "ipp");
    ext("C#", "cs");
    ext("Java", "java");
    ext("Kotlin", "kt", "kts");
    ext("Scala", "scala", "sc");
    ext("Go", "go");
    ext("Rust", "rs");
    ext("Python", "py", "pyi", "pyw");
    ext("JavaScript", "js", "mjs", "cjs", "jsx");
    ext("TypeScript", "ts", "tsx", "mts", "cts");
    ext("Ruby", "rb", "gemspec", "rake");
    ext("PHP", "php");
    ext("Perl", "pl", "pm");
    ext("Shell", "sh", "bash", "zsh", "ksh");
    ext("Swift", "swift");
    ext("Objective-C", "m");
    ext("Lua", "lua");
    ext("R", "r");
    ext("Haskell", "hs");
    ext("OCaml", "ml", "mli");
    ext("Erlang", "erl", "hrl");
    ext("Elixir", "ex", "exs");
    ext("Clojure", "clj", "cljs", "cljc");
    ext("Julia", "jl");
    ext("Dart", "dart");
    ext("Fortran", "f", "f90", "f95", "for");
    ext("Assembly", "s", "asm");
    ext("SQL", "sql");
    ext("HTML", "html", "htm");
    ext("CSS", "css", "scss", "less");
    ext("Makefile", "mk", "mak");
    ext("CMake", "cmake");
    ext("Markdown", "md", "markdown");
    ext("reStructuredText", "rst");
    ext("JSON", "json");
    ext("YAML", "yaml", "yml");
    ext("TOML", "toml");
    ext("XML", "xml", "xsd", "xsl");
    ext("Text", "txt");
    name("Makefile", "makefile", "gnumakefile");
    name("CMake", "cmakelists.txt");
    name("Dockerfile", "dockerfile");
    name("Text", "license", "licence", "copying", "notice", "unlicense", "authors", "readme");
    interp("Python", "python", "python2", "python3");
    interp("Shell", "sh", "bash", "zsh", "ksh", "dash");
    interp("Perl", "perl");
    interp("Ruby", "ruby");
    interp("JavaScript", "node", "nodejs");
    interp("Lua", "lua");
    interp("PHP", "php");
  }

  private CodeLanguages() {}

  private static void ext(String lang, String... exts) {
    for (String e : exts) BY_EXTENSION.put(e, lang);
  }

  private static void name(String lang, String... names) {
    for (String n : names) BY_NAME.put(n, lang);
  }

  private static void interp(String lang, String... names) {
    for (String n : names) BY_INTERPRETER.put(n, lang);
  }

  /**
   * @param path the file's path (only its last segment counts)
   * @param text the file's text, for a shebang; may be null
   */
  public static String of(String path, String text) {
    String file = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    String byName = BY_NAME.get(file);
    if (byName != null) return byName;
    int dot = file.lastIndexOf('.');
    if (dot > 0) {
      String lang = BY_EXTENSION.get(file.substring(dot + 1));
      if (lang != null) return lang;
    }
    return text == null ? null : fromShebang(text);
  }

  /** {@code #!/usr/bin/env python3} → Python; {@code #!/bin/sh -e} → Shell. */
  static String fromShebang(String text) {
    if (!text.startsWith("#!")) return null;
    int eol = text.indexOf('\n');
    String[] words = text.substring(2, eol < 0 ? text.length() : eol).trim().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) return null;
    String program = words[0].substring(words[0].lastIndexOf('/') + 1);
    if (program.equals("env")) {
      for (int i = 1; i < words.length; i++) {
        if (!words[i].startsWith("-")) {
          program = words[i];
          break;
        }
      }
    }
    String lang = BY_INTERPRETER.get(program);
    if (lang == null) lang = BY_INTERPRETER.get(program.replaceAll("[0-9.]+$", ""));
    return lang;
  }
}
