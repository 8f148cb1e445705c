package io.winnow.io.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote store for tests without a server: {@code folder://a/b} is {@code a/b} under the folder the system
 * property {@code winnow.test.folder_store} names, reached only through the {@link Storage} interface, so that
 * the engine's remote code paths (input copies, the run mirror) run as they do on S3.
 */
public final class FolderStorageProvider implements StorageProvider {
  public static final String SCHEME = "folder";
  public static final String ROOT_PROPERTY = "winnow.test.folder_store";

  @Override
  public boolean handles(String scheme) {
    return scheme.equals(SCHEME);
  }

  @Override
  public Storage storageFor(String uri) {
    return new FolderStorage(Path.of(System.getProperty(ROOT_PROPERTY)));
  }

  private record FolderStorage(Path root) implements Storage {
    private static final String PREFIX = SCHEME + "://";

    private String local(String uri) {
      if (!uri.startsWith(PREFIX)) throw new IllegalArgumentException(uri + " is not a " + PREFIX + " name");
      return root.resolve(uri.substring(PREFIX.length())).toString();
    }

    private List<String> remote(List<String> locals) {
      List<String> out = new ArrayList<>();
      for (String l : locals) out.add(PREFIX + root.relativize(Path.of(l)).toString().replace('\\', '/'));
      return out;
    }

    @Override
    public List<String> glob(String pattern) throws IOException {
      return remote(LocalStorage.INSTANCE.glob(local(pattern)));
    }

    @Override
    public List<String> listFiles(String folder) throws IOException {
      List<String> out = new ArrayList<>();
      String local = local(folder);
      String base = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
      for (String f : LocalStorage.INSTANCE.listFiles(local)) out.add(base + f.substring(local.length()));
      return out;
    }

    @Override
    public FileInfo stat(String file) throws IOException {
      FileInfo f = LocalStorage.INSTANCE.stat(local(file));
      return f == null ? null : new FileInfo(file, f.bytes(), f.modifiedMillis());
    }

    @Override
    public InputStream open(String file, long offset) throws IOException {
      return LocalStorage.INSTANCE.open(local(file), offset);
    }

    @Override
    public void upload(Path localFile, String file) throws IOException {
      LocalStorage.INSTANCE.upload(localFile, local(file));
    }

    @Override
    public void rename(String from, String to) throws IOException {
      LocalStorage.INSTANCE.rename(local(from), local(to));
    }

    @Override
    public void delete(String file) throws IOException {
      LocalStorage.INSTANCE.delete(local(file));
    }
  }
}
