package io.winnow.step;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the model files of Winnow's steps (slop detector, quality classifier) share: where the bytes come from
 * ({@code builtin} is a resource shipped in the jar, anything else a path) and how a file opens (a magic string,
 * then a length-prefixed JSON header). What follows the header is each model's own.
 */
public final class ModelFiles {
  public static final String BUILTIN = "builtin";

  private ModelFiles() {}

  /**
   * The bytes of the model at {@code location}: the {@code builtinResource} of {@code owner} for {@link #BUILTIN},
   * else the file. Errors name the {@code kind} of model ("quality model") and the location.
   */
  public static byte[] bytes(String location, Class<?> owner, String builtinResource, String kind) {
    try {
      if (BUILTIN.equals(location)) {
        try (InputStream in = owner.getResourceAsStream(builtinResource)) {
          if (in == null) throw new IllegalStateException("the built-in " + kind + " is missing from the classpath (" + builtinResource + ")");
          return in.readAllBytes();
        }
      }
      Path p = Path.of(location);
      if (!Files.isRegularFile(p)) throw new IllegalArgumentException(kind + " not found: " + p);
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + kind + " " + location + ": " + e.getMessage(), e);
    }
  }

  /** A human name for where a model came from, for error messages. */
  public static String where(String location, String kind) {
    return BUILTIN.equals(location) ? "built-in " + kind : location;
  }

  /** Reads the magic string and the JSON header that open every model file; a wrong magic names the file. */
  public static ObjectNode header(DataInputStream in, String magic, String where, String kind) throws IOException {
    String found = in.readUTF();
    if (!magic.equals(found)) throw new IOException(where + " is not a Winnow " + kind + " (magic " + found + ")");
    byte[] header = new byte[in.readInt()];
    in.readFully(header);
    return (ObjectNode) new ObjectMapper().readTree(header);
  }
}
