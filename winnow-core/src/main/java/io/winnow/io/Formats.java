package io.winnow.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The formats of other modules on the class path, by name. */
public final class Formats {
  private static final Map<String, FormatProvider> PROVIDERS = load();

  private Formats() {}

  private static Map<String, FormatProvider> load() {
    Map<String, FormatProvider> m = new LinkedHashMap<>();
    for (FormatProvider p : ServiceLoader.load(FormatProvider.class)) m.put(p.name(), p);
    return m;
  }

  public static FormatProvider get(String name) {
    return PROVIDERS.get(name);
  }

  /** The provider whose file names include this one, or null. */
  public static FormatProvider forFile(String fileName) {
    for (FormatProvider p : PROVIDERS.values()) if (p.handles(fileName)) return p;
    return null;
  }

  public static java.util.Set<String> names() {
    return PROVIDERS.keySet();
  }

  /** The formats output can be written in (read-only formats left out). */
  public static java.util.List<String> writerNames() {
    return PROVIDERS.values().stream().filter(FormatProvider::writes).map(FormatProvider::name).toList();
  }
}
