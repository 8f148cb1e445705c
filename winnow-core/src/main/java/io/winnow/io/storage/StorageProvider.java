package io.winnow.io.storage;

import java.io.IOException;

/**
 * Gives access to the stores of some URI schemes ({@code s3a}, {@code hdfs}, ...). Found with
 * {@link java.util.ServiceLoader}: a module on the class path lists its class in
 * {@code META-INF/services/io.winnow.io.storage.StorageProvider} (winnow-hadoop does).
 */
public interface StorageProvider {
  /** Whether this provider reaches URIs of this scheme (lower case, without the colon). */
  boolean handles(String scheme);

  /** The store holding {@code uri}. */
  Storage storageFor(String uri) throws IOException;
}
