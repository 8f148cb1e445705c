package io.winnow.step.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Action;
import io.winnow.doc.Document;
import io.winnow.doc.Verdict;
import io.winnow.pipeline.Params;
import java.util.LinkedHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {
  private final PiiRedactor pii = new PiiRedactor(PiiRedactor.Config.from(new Params("pii", new LinkedHashMap<>())));

  private String redact(String s) {
    Verdict v = pii.apply(Document.of("d", s));
    return v.action() == Action.MODIFY ? v.newText() : s;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "Write to jane.doe+news@example-mail.co.uk for details.|Write to <EMAIL> for details.",
    "Contact: j_smith@mail.university.edu.|Contact: <EMAIL>.",
    "Our resolver is 8.8.8.8 and the backup 1.1.1.1.|Our resolver is <IP_ADDRESS> and the backup <IP_ADDRESS>.",
    "Server at 2a00:1450:4001:81b::200e answered.|Server at <IP_ADDRESS> answered.",
    "Call us at (415) 555-0132 today.|Call us at <PHONE> today.",
    "Call +44 20 7946 0958 or 212-555-0187.|Call <PHONE> or <PHONE>.",
    "Card 4111 1111 1111 1111 expires soon.|Card <CREDIT_CARD> expires soon.",
    "Pay with 5500-0000-0000-0004 please.|Pay with <CREDIT_CARD> please.",
    "IBAN GB82 WEST 1234 5698 7654 32 for transfers.|IBAN <IBAN> for transfers.",
    "Account DE89370400440532013000 is closed.|Account <IBAN> is closed.",
    "key AKIAIOSFODNN7EXAMPLE leaked|key <SECRET> leaked",
    "token ghp_1234567890abcdefghijklmnopqrstuvwxyzAB in the repo|token <SECRET> in the repo",
    "api_key = \"a8f5f167f44f4964e6c998dee827110c\"|api_key = \"<SECRET>\"",
  })
  void redactsRealLookingPersonalDataAndSecrets(String input, String expected) {
    assertThat(redact(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "Upgrade to version 2.4.1.3 of the library.",
    "Released on 2019-07-15 at 12:30:45 UTC.",
    "ISBN 978-3-16-148410-0 is the second edition.",
    "ISBN 9783161484100 again, without dashes.",
    "The router is at 192.168.1.1 and the printer at 10.0.0.12.",
    "Loopback 127.0.0.1 and ::1 are local.",
    "Documentation uses 192.0.2.44 and 2001:db8::1.",
    "Order number 1234567890123 shipped.",
    "The ratio was 3.14159 and the count 42,000.",
    "for (int i = 0; i < 10; i++) { x = a[i] * 2; }",
    "npm install left-pad@1.3.0 --save",
    "Python 3.11.7 on linux, pip 23.2.1.",
    "password = changeme",
    "Meet at 10:30 in room 4-121.",
  })
  void leavesTrickyNegativesAlone(String input) {
    assertThat(redact(input)).isEqualTo(input);
  }

  @org.junit.jupiter.api.Test
  void privateKeyBlocksAreRedactedWhole() {
    String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7yn3bRHQ5FHMQ\nabc123==\n-----END RSA PRIVATE KEY-----";
    assertThat(redact("config:\n" + key + "\nend")).isEqualTo("config:\n<SECRET>\nend");
  }

  @org.junit.jupiter.api.Test
  void decisionCountsEachType() {
    Verdict v = pii.apply(Document.of("d", "a@b.org, c@d.org and 8.8.4.4"));
    assertThat(v.values()).containsEntry("email", 2).containsEntry("ip_address", 1);
    assertThat(v.counters()).containsExactlyInAnyOrder("redacted:email", "redacted:ip_address");
  }

  /** Real Common Crawl pages: contact e-mails and phone numbers are found; the rest of the text is untouched. */
  @org.junit.jupiter.api.Test
  void realPagesHaveTheirContactsRedactedAndNothingElse() {
    java.util.List<com.fasterxml.jackson.databind.JsonNode> rows =
        io.winnow.testing.SharedData.readJsonlGz(io.winnow.testing.SharedData.require("data/web/cc-main-2019-30-sample.jsonl.gz"));
    java.util.Map<String, Integer> found = new java.util.TreeMap<>();
    int changed = 0;
    for (com.fasterxml.jackson.databind.JsonNode r : rows) {
      String text = r.get("text").asText();
      Verdict v = pii.apply(Document.of("x", text));
      if (v.action() != Action.MODIFY) continue;
      changed++;
      v.values().forEach((k, n) -> found.merge(k, (Integer) n, Integer::sum));
      // outside the placeholders, the text is the original one
      String[] pieces = v.newText().split("<(EMAIL|IP_ADDRESS|PHONE|CREDIT_CARD|IBAN|SECRET)>");
      int from = 0;
      for (String piece : pieces) {
        int at = text.indexOf(piece, from);
        assertThat(at).as("unchanged text around placeholders").isGreaterThanOrEqualTo(0);
        from = at + piece.length();
      }
    }
    System.out.printf("pii on %d real pages: %d changed, %s%n", rows.size(), changed, found);
    assertThat(found.getOrDefault("email", 0)).isGreaterThan(10);
    assertThat(changed).isLessThan(rows.size() / 2);
  }
}
