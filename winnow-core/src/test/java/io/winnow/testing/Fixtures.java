package io.winnow.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test fixtures shipped in the repository ({@code src/test/resources/fixtures}). */
public final class Fixtures {
  private Fixtures() {}

  public static Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) throw new IllegalStateException("missing test fixture " + name);
    try {
      if (!url.getProtocol().equals("jar")) return Path.of(url.toURI());
      // another module's tests read it from the test jar: copy it out once, keeping its name
      Path dir = java.nio.file.Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "winnow-fixtures"));
      Path copy = dir.resolve(name);
      if (!java.nio.file.Files.exists(copy)) {
        try (java.io.InputStream in = url.openStream()) {
          Path tmp = java.nio.file.Files.createTempFile(dir, name, ".tmp");
          java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          java.nio.file.Files.move(tmp, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return copy;
    } catch (URISyntaxException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
