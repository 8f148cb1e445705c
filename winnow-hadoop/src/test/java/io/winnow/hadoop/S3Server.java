package io.winnow.hadoop;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real S3 API server on 127.0.0.1 for the tests: Adobe's S3Mock in the test JVM, or, where it cannot start,
 * moto's ({@code python3 -m moto.server}) as a child process; stopped with the tests. {@link #start} returns null,
 * with the reasons in {@link #whyNot}, where neither starts: the tests then skip saying so.
 */
final class S3Server implements AutoCloseable {
  static String whyNot = "";

  private final Process process;
  private final com.adobe.testing.s3mock.S3MockApplication s3mock;
  final String endpoint;

  private S3Server(Process process, com.adobe.testing.s3mock.S3MockApplication s3mock, String endpoint) {
    this.process = process;
    this.s3mock = s3mock;
    this.endpoint = endpoint;
  }

  /** S3Mock in this JVM, or else moto in a child process (or moto only with -Dwinnow.test.s3=moto); null when neither starts. */
  static S3Server start(Path logFile) {
    S3Server s = "moto".equals(System.getProperty("winnow.test.s3")) ? null : startS3Mock(logFile.resolveSibling("s3mock"));
    return s != null ? s : startMoto(logFile);
  }

  private static S3Server startS3Mock(Path root) {
    try {
      System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
      // its start-up and every 404 (S3A probes for keys that do not exist yet) would fill the test log
      for (String noisy : java.util.List.of("com.adobe.testing", "org.springframework", "org.eclipse.jetty", "org.apache.maven.surefire")) {
        System.setProperty("org.slf4j.simpleLogger.log." + noisy, "warn");
      }
      java.util.Map<String, Object> props = new java.util.HashMap<>();
      props.put(com.adobe.testing.s3mock.S3MockApplication.PROP_HTTP_PORT, 0);
      props.put(com.adobe.testing.s3mock.S3MockApplication.PROP_HTTPS_PORT, 0);
      props.put(com.adobe.testing.s3mock.S3MockApplication.PROP_ROOT_DIRECTORY, root.toString());
      props.put(com.adobe.testing.s3mock.S3MockApplication.PROP_SILENT, true);
      com.adobe.testing.s3mock.S3MockApplication app = com.adobe.testing.s3mock.S3MockApplication.start(props);
      return new S3Server(null, app, "http://127.0.0.1:" + app.getHttpPort());
    } catch (RuntimeException | LinkageError e) {
      whyNot = "S3Mock did not start (" + e + "); ";
      return null;
    }
  }

  private static S3Server startMoto(Path logFile) {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      whyNot += "no free port: " + e.getMessage();
      return null;
    }
    Process p;
    try {
      p = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
          .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    } catch (IOException e) {
      whyNot += "cannot start python3 -m moto.server (pip install 'moto[server]'): " + e.getMessage();
      return null;
    }
    String endpoint = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && p.isAlive()) {
      try {
        http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        return new S3Server(p, null, endpoint);
      } catch (IOException e) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    p.destroy();
    whyNot += "moto.server did not answer on " + endpoint + ": " + log(logFile);
    return null;
  }

  /** Which server this is, for the test log. */
  String kind() {
    return s3mock != null ? "S3Mock" : "moto";
  }

  /** Creates a bucket (neither server checks a signature on this path-style PUT). */
  void createBucket(String bucket) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) throw new IOException("cannot create bucket " + bucket + ": HTTP " + r.statusCode() + " " + r.body());
  }

  private static String log(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (s3mock != null) {
      s3mock.stop();
      return;
    }
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
