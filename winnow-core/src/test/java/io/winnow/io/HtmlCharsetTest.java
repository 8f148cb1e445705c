package io.winnow.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.winnow.doc.Document;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages whose declared charset is wrong, or who declare none, decode to the right text (bytes made with Java's encoders). */
class HtmlCharsetTest {
  @TempDir Path dir;

  private static final String FRENCH = "<html><head><title>Caf\u00e9</title></head><body><p>Le na\u00efve gar\u00e7on "
      + "\u00e9tait \u00e0 l\u2019\u00e9cole, o\u00f9 l\u2019on apprend \u00e0 lire \u00ab\u00a0tr\u00e8s t\u00f4t\u00a0\u00bb, "
      + "disait-il \u2014 d\u00e9j\u00e0 fatigu\u00e9 de r\u00e9p\u00e9ter.</p></body></html>";
  private static final String CHINESE = "<html><body><p>\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u662f\u5de5\u4eba"
      + "\u9636\u7ea7\u9886\u5bfc\u7684\u3001\u4ee5\u5de5\u519c\u8054\u76df\u4e3a\u57fa\u7840\u7684\u4eba\u6c11\u6c11"
      + "\u4e3b\u4e13\u653f\u7684\u793e\u4f1a\u4e3b\u4e49\u56fd\u5bb6\u3002\u4eca\u5929\u7684\u5929\u6c14\u5f88\u597d\uff0c"
      + "\u6211\u4eec\u53bb\u516c\u56ed\u6563\u6b65\uff0c\u770b\u5230\u4e86\u5f88\u591a\u4eba\u5728\u953b\u70bc\u8eab\u4f53"
      + "\u3002\u5b66\u4e60\u4e2d\u6587\u9700\u8981\u5f88\u591a\u65f6\u95f4\u548c\u8010\u5fc3\u3002</p></body></html>";
  private static final String RUSSIAN = "<html><body><p>\u0412\u0441\u0435 \u0441\u0447\u0430\u0441\u0442\u043b\u0438"
      + "\u0432\u044b\u0435 \u0441\u0435\u043c\u044c\u0438 \u043f\u043e\u0445\u043e\u0436\u0438 \u0434\u0440\u0443\u0433 "
      + "\u043d\u0430 \u0434\u0440\u0443\u0433\u0430, \u043a\u0430\u0436\u0434\u0430\u044f \u043d\u0435\u0441\u0447\u0430"
      + "\u0441\u0442\u043b\u0438\u0432\u0430\u044f \u0441\u0435\u043c\u044c\u044f \u043d\u0435\u0441\u0447\u0430\u0441"
      + "\u0442\u043b\u0438\u0432\u0430 \u043f\u043e-\u0441\u0432\u043e\u0435\u043c\u0443. \u0412\u0441\u0451 "
      + "\u0441\u043c\u0435\u0448\u0430\u043b\u043e\u0441\u044c \u0432 \u0434\u043e\u043c\u0435 \u041e\u0431\u043b\u043e"
      + "\u043d\u0441\u043a\u0438\u0445: \u0436\u0435\u043d\u0430 \u0443\u0437\u043d\u0430\u043b\u0430, \u0447\u0442\u043e "
      + "\u043c\u0443\u0436 \u0431\u044b\u043b \u0432 \u0441\u0432\u044f\u0437\u0438 \u0441 \u0431\u044b\u0432\u0448\u0435"
      + "\u044e \u0432 \u0438\u0445 \u0434\u043e\u043c\u0435 \u0444\u0440\u0430\u043d\u0446\u0443\u0436\u0435\u043d"
      + "\u043a\u043e\u044e-\u0433\u0443\u0432\u0435\u0440\u043d\u0430\u043d\u0442\u043a\u043e\u0439.</p></body></html>";

  private static byte[] bytes(String s, String charset) {
    return s.getBytes(Charset.forName(charset));
  }

  @Test
  void declaredUtf8ThatIsReallyWindows1252IsDetected() {
    HtmlCharset.Decoded d = HtmlCharset.decode(bytes(FRENCH, "windows-1252"), "utf-8");
    assertThat(d.text()).isEqualTo(FRENCH);
    assertThat(d.charset()).isEqualTo("windows-1252");
    assertThat(d.source()).isEqualTo("detected");
  }

  @Test
  void metaUtf8ThatIsReallyWindows1252IsDetected() {
    String page = FRENCH.replace("<head>", "<head><meta charset=\"utf-8\">");
    HtmlCharset.Decoded d = HtmlCharset.decode(bytes(page, "windows-1252"), null);
    assertThat(d.text()).isEqualTo(page);
    assertThat(d.source()).isEqualTo("detected");
  }

  @Test
  void undeclaredGbkIsDetected() {
    HtmlCharset.Decoded d = HtmlCharset.decode(bytes(CHINESE, "GBK"), null);
    assertThat(d.text()).isEqualTo(CHINESE);
    assertThat(d.charset()).isEqualTo("GB18030");
    assertThat(d.source()).isEqualTo("detected");
  }

  @Test
  void undeclaredCp1251IsDetected() {
    HtmlCharset.Decoded d = HtmlCharset.decode(bytes(RUSSIAN, "windows-1251"), null);
    assertThat(d.text()).isEqualTo(RUSSIAN);
    assertThat(d.charset()).isEqualTo("windows-1251");
    assertThat(d.source()).isEqualTo("detected");
  }

  @Test
  void aStrayByteInAUtf8PageDoesNotOverturnTheDeclaration() {
    byte[] utf8 = bytes(FRENCH, "UTF-8");
    byte[] damaged = java.util.Arrays.copyOf(utf8, utf8.length + 1);
    damaged[utf8.length] = (byte) 0x96; // one windows-1252 dash pasted in
    HtmlCharset.Decoded d = HtmlCharset.decode(damaged, "UTF-8");
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.source()).isEqualTo("http");
    assertThat(d.text()).startsWith(FRENCH);
  }

  @Test
  void validUtf8AndOtherDeclarationsAreTrusted() {
    assertThat(HtmlCharset.decode(bytes(CHINESE, "UTF-8"), "utf-8")).extracting(HtmlCharset.Decoded::source).isEqualTo("http");
    assertThat(HtmlCharset.decode(bytes(CHINESE, "UTF-8"), null).text()).isEqualTo(CHINESE);
    HtmlCharset.Decoded koi = HtmlCharset.decode(bytes(RUSSIAN, "KOI8-R"), "koi8-r");
    assertThat(koi.text()).isEqualTo(RUSSIAN);
    assertThat(koi.source()).isEqualTo("http");
    byte[] bom = WarcRecoveryTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(FRENCH, "UTF-8"));
    assertThat(HtmlCharset.decode(bom, "windows-1252")).satisfies(d -> {
      assertThat(d.text()).isEqualTo(FRENCH);
      assertThat(d.source()).isEqualTo("bom");
    });
    assertThat(HtmlCharset.decode(new byte[] {'<', 'p', '>', (byte) 0xE9}, null).source()).isIn("detected", "default");
  }

  /** Through the reader: the charset decision is in the document's metadata. */
  @Test
  void warcResponseRecordsTheCharsetDecision() throws IOException {
    byte[] body = bytes(FRENCH, "windows-1252");
    byte[] http = WarcRecoveryTest.concat(WarcRecoveryTest.ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n"), body);
    byte[] rec = WarcRecoveryTest.record("response", WarcRecoveryTest.uuid(1), "2024-01-01T00:00:00Z",
        "application/http; msgtype=response", http, http.length);
    Path p = dir.resolve("cs.warc");
    Files.write(p, rec);
    List<Document> docs = new ArrayList<>();
    try (DocumentReader r = DocumentReaders.open(p, "warc", "id", "text", ReaderLimits.defaults(), n -> {})) {
      for (ReadResult x; (x = r.next()) != null; ) docs.add(x.document());
    }
    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.text()).isEqualTo(FRENCH);
      assertThat(d.metadata()).containsEntry("charset", "windows-1252").containsEntry("charset_source", "detected");
    });
  }
}
