package io.winnow.step;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version a trained model shows in provenance and decision logs: its name plus the first 12 hex digits of
 * the SHA-256 of the model file's bytes, so two different models never share a version.
 */
public final class ModelVersion {
  private ModelVersion() {}

  public static String of(String name, byte[] fileBytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(fileBytes);
      return name + "@" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
