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
 * A real S3 API server on 127.0.0.1 for the tests: moto's ({@code python3 -m moto.server}), started as a child
 * process and stopped with the tests. {@link #start} returns null, with the reason in {@link #whyNot}, where it
 * cannot start (no python3, no moto): the tests then skip saying so.
 */
final class S3Server implements AutoCloseable {
  static String whyNot = "";

  private final Process process;
  final String endpoint;

  private S3Server(Process process, String endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static S3Server start(Path logFile) {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      whyNot = "no free port: " + e.getMessage();
      return null;
    }
    Process p;
    try {
      p = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
          .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    } catch (IOException e) {
      whyNot = "cannot start python3 -m moto.server (pip install 'moto[server]'): " + e.getMessage();
      return null;
    }
    String endpoint = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && p.isAlive()) {
      try {
        http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        return new S3Server(p, endpoint);
      } catch (IOException e) {
        sleep();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    p.destroy();
    whyNot = "moto.server did not answer on " + endpoint + ": " + log(logFile);
    return null;
  }

  /** Creates a bucket (moto checks no signature on this path-style PUT). */
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
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
