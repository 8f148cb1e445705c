package io.winnow.io.storage;

import java.io.IOException;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the store of a path: local paths and {@code file:} URIs are local, other schemes need a provider. */
public final class Storages {
  /** A URI scheme of two or more characters ({@code s3a:}, {@code hdfs:}); one letter is a Windows drive. */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]+):.*", Pattern.DOTALL);

  private Storages() {}

  /** The URI scheme of a path in lower case, or null for a plain local path. */
  public static String scheme(String path) {
    Matcher m = SCHEME.matcher(path);
    return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** Whether a path names a remote store: it has a scheme other than {@code file}. */
  public static boolean isRemote(String path) {
    String s = scheme(path);
    return s != null && !s.equals("file");
  }

  /** The store holding {@code path}: the local file system, or the first provider on the class path for its scheme. */
  public static Storage of(String path) throws IOException {
    if (!isRemote(path)) return LocalStorage.INSTANCE;
    String scheme = scheme(path);
    for (StorageProvider p : ServiceLoader.load(StorageProvider.class, Storages.class.getClassLoader())) {
      if (p.handles(scheme)) return p.storageFor(path);
    }
    throw new IOException(path + ": no storage for '" + scheme + ":' paths on the class path; the winnow-hadoop module "
        + "reaches s3a: and s3:, and any other Hadoop file system (hdfs:, gs:, abfs:, ...) whose connector jar is on the "
        + "class path too (README: \"Remote storage\")");
  }
}
