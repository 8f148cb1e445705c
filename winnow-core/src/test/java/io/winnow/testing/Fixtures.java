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
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
