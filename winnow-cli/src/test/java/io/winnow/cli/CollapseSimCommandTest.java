package io.winnow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CollapseSimCommandTest {
  private static String run(String... args) {
    CommandLine cl = Winnow.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(0, cl.execute(args), out.toString());
    return out.toString();
  }

  @Test
  void toyTableAndJsonAreReproducible(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("c.json");
    String a = run("collapse-sim", "--toy", "zipf", "--generations", "1", "--tokens", "20000", "--top-p", "0.95", "--json", json.toString());
    String b = run("collapse-sim", "--toy", "zipf", "--generations", "1", "--tokens", "20000", "--top-p", "0.95");
    assertEquals(a.substring(0, a.lastIndexOf("\n\n")), b.substring(0, b.lastIndexOf("\n\n")));
    assertTrue(a.contains("replace") && a.contains("accumulate") && a.contains("quota") && a.contains("guarded"), a);
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertEquals(2, r.path("modes").path("guarded").size());
    assertEquals(1, r.path("guard").size());
    assertTrue(r.path("modes").path("replace").get(1).path("tailMass").asDouble() < r.path("modes").path("replace").get(0).path("tailMass").asDouble());
  }

  @Test
  void needsExactlyOneWorld() {
    CommandLine cl = Winnow.commandLine();
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(2, cl.execute("collapse-sim"));
  }
}
