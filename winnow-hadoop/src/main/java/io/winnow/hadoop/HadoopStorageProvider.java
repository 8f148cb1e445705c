package io.winnow.hadoop;

import io.winnow.io.storage.Storage;
import io.winnow.io.storage.StorageProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Every scheme a Hadoop file system is on the class path for: {@code s3a:} (and {@code s3:}, read as S3A) with
 * this module, {@code hdfs:}, {@code gs:}, {@code abfs:} and others when their connector jar is added.
 *
 * <p>The Hadoop configuration is Hadoop's own ({@code core-site.xml} on the class path), then
 * {@code $HADOOP_CONF_DIR/core-site.xml}, then every Java system property starting with {@code fs.} or
 * {@code hadoop.} ({@code -Dfs.s3a.endpoint=http://127.0.0.1:9000}); credentials come from the usual AWS chain
 * (environment, profile, instance role) unless the configuration names them.
 */
public final class HadoopStorageProvider implements StorageProvider {
  static {
    // Hadoop warns on every start that it has no native library; Winnow does not use it (slf4j-simple reads this
    // property when the logger is created, after this class is loaded)
    String quiet = "org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader";
    if (System.getProperty(quiet) == null) System.setProperty(quiet, "error");
  }

  @Override
  public boolean handles(String scheme) {
    if (scheme.equals("file")) return false; // the core's own local storage
    try {
      FileSystem.getFileSystemClass(scheme, configuration());
      return true;
    } catch (UnsupportedFileSystemException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Storage storageFor(String uri) throws IOException {
    Configuration conf = configuration();
    try {
      return new HadoopStorage(FileSystem.get(URI.create(uri), conf));
    } catch (IllegalArgumentException e) {
      throw new IOException(uri + ": not a valid URI (" + e.getMessage() + ")", e);
    }
  }

  static Configuration configuration() {
    Configuration conf = new Configuration();
    // s3:// is how most people write S3 paths; Hadoop itself knows only s3a://
    conf.setIfUnset("fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
    String confDir = System.getenv("HADOOP_CONF_DIR");
    if (confDir != null && Files.isRegularFile(Path.of(confDir, "core-site.xml"))) {
      conf.addResource(new org.apache.hadoop.fs.Path(Path.of(confDir, "core-site.xml").toUri()));
    }
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String k = String.valueOf(e.getKey());
      if (k.startsWith("fs.") || k.startsWith("hadoop.")) conf.set(k, String.valueOf(e.getValue()));
    }
    return conf;
  }
}
