package io.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command named first is set up alone, and says and does what it says with every command set up. */
class WinnowCommandLineTest {
  @Test
  void aNamedCommandIsSetUpAlone() {
    assertThat(Winnow.commandLineFor(new String[] {"refilter", "run", "-o", "new"}).getSubcommands().keySet()).containsExactly("refilter");
    assertThat(Winnow.commandLineFor(new String[] {"spark-run", "p.yaml"}).getSubcommands().keySet()).containsExactly("spark-run");
  }

  @Test
  void optionsHelpAndUnknownNamesGetEveryCommand() {
    int all = Winnow.commandLine().getSubcommands().size();
    assertThat(all).isGreaterThan(20);
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "refilter"}, {"refiltre"}, {"-V"}})
      assertThat(Winnow.commandLineFor(args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
  }

  @Test
  void aCommandAloneHasTheUsageAndErrorsItHasAmongAll() {
    for (String[] args : new String[][] {{"refilter", "--help"}, {"run", "--help"}, {"refilter", "no-such-run"}, {"stats", "--nope"}}) {
      assertThat(execute(Winnow.commandLineFor(args), args)).as(String.join(" ", args)).isEqualTo(execute(Winnow.commandLine(), args));
    }
  }

  private static String execute(CommandLine cl, String[] args) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    int exit = cl.execute(args);
    return exit + "\n" + out;
  }
}
