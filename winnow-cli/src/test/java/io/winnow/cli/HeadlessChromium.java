package io.winnow.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a page in headless Chromium (Debian's {@code chromium} package, or {@code $WINNOW_CHROMIUM}): a
 * screenshot, the console messages at error level, and the rendered DOM. Tests that use it are skipped, with a
 * message, on machines without the browser.
 */
final class HeadlessChromium {
  private HeadlessChromium() {}

  record Page(List<String> consoleErrors, int svgCharts, String dom) {}

  static Path binary() {
    String env = System.getenv("WINNOW_CHROMIUM");
    List<String> candidates = new ArrayList<>();
    if (env != null) candidates.add(env);
    candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    for (String c : candidates) if (Files.isExecutable(Path.of(c))) return Path.of(c);
    return null;
  }

  static Page render(Path html, Path screenshot) throws IOException, InterruptedException {
    Path chromium = binary();
    assumeTrue(chromium != null, "no chromium binary (apt-get install chromium, or set WINNOW_CHROMIUM): browser check skipped");
    Path profile = Files.createTempDirectory("winnow-chromium");
    List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--window-size=1280,2000");
    List<String> shot = new ArrayList<>(common);
    shot.add("--screenshot=" + screenshot);
    shot.add(html.toUri().toString());
    String log = run(shot, profile.resolve("shot.log"));
    List<String> dump = new ArrayList<>(common);
    dump.add("--dump-dom");
    dump.add(html.toUri().toString());
    Path domFile = profile.resolve("dom.html");
    runTo(dump, domFile, profile.resolve("dom.log"));
    String dom = Files.readString(domFile, StandardCharsets.UTF_8);
    List<String> errors = new ArrayList<>();
    for (String line : (log + "\n" + Files.readString(profile.resolve("dom.log"))).split("\n")) {
      // console messages (uncaught script errors among them) are logged as INFO:CONSOLE:line "..."; failed loads as net::ERR_
      if (line.contains(":CONSOLE") || line.contains("CONSOLE(") || line.contains("net::ERR_")) errors.add(line);
    }
    int charts = 0;
    for (int i = dom.indexOf("class=\"chart\""); i >= 0; i = dom.indexOf("class=\"chart\"", i + 1)) charts++;
    return new Page(errors, charts, dom);
  }

  private static String run(List<String> cmd, Path log) throws IOException, InterruptedException {
    runTo(cmd, null, log);
    return Files.readString(log);
  }

  private static void runTo(List<String> cmd, Path stdout, Path log) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
    pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 120 s: " + cmd);
    }
    if (p.exitValue() != 0) throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(log));
  }
}
