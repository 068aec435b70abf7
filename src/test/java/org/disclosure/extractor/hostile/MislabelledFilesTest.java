package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.ReportRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files whose name lies about their format, or whose encoding is not the usual one, as government sites serve
 * them: an RTF report named .doc (Chinese in Unicode escapes, or in GBK byte escapes under \ansicpg936), a
 * DOCX or PDF named .doc, an HTML page named .xls, text in UTF-16 without a byte-order mark. Each is read as
 * what it is and gives the record its properly made twin gives. An XXE or billion-laughs DOCX stays refused.
 */
class MislabelledFilesTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final Path DOCX = Path.of("corpus/rendered/004_417c17a55a2502cf.docx");
    private static final Path TEXT = Path.of("corpus/seeds/001_627f347534218911.txt");

    @TempDir
    Path dir;

    private static ReportRecord record(Path file) {
        Pipeline.Outcome outcome = PIPELINE.process(file, file.getFileName().toString());
        assertThat(outcome).as(file.toString()).isInstanceOf(Pipeline.Extracted.class);
        return ((Pipeline.Extracted) outcome).record();
    }

    /** The record's fields as key -> values, provenance left out (the file's name and page differ). */
    private static Map<String, List<Object>> values(ReportRecord r) {
        Map<String, List<Object>> values = new TreeMap<>();
        for (FieldValue v : r.fields()) {
            values.computeIfAbsent(v.key(), k -> new java.util.ArrayList<>()).add(v.value());
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unicode", "gbk"})
    void anRtfReportNamedDocIsReadAsRtf(String escapes) throws Exception {
        Path rtf = dir.resolve("report.doc");
        Files.writeString(rtf, rtf(DOCX, escapes.equals("gbk")), StandardCharsets.US_ASCII);
        ReportRecord fromRtf = record(rtf);
        ReportRecord fromDocx = record(DOCX);
        assertThat(fromRtf.source().format()).isEqualTo("rtf");
        assertThat(fromRtf.reason()).isNull();
        assertThat(fromRtf.field("doc.department").map(FieldValue::value)).hasValue("广元市医疗保障局");
        assertThat(values(fromRtf)).isEqualTo(values(fromDocx));
        assertThat(fromRtf.tables()).as("the tables' rows are read as tables").hasSameSizeAs(fromDocx.tables());
    }

    @Test
    void aDocxOrPdfNamedDocAndAnHtmlPageNamedXlsAreReadAsWhatTheyAre() throws Exception {
        Path docx = Files.copy(DOCX, dir.resolve("report-docx.doc"));
        assertThat(record(docx).source().format()).isEqualTo("docx");
        assertThat(values(record(docx))).isEqualTo(values(record(DOCX)));
        Path pdfSource = Path.of("corpus/rendered/000_efef604f64877e59.pdf");
        Path pdf = Files.copy(pdfSource, dir.resolve("report-pdf.doc"));
        assertThat(record(pdf).source().format()).isEqualTo("pdf");
        assertThat(values(record(pdf))).isEqualTo(values(record(pdfSource)));
        Path html = dir.resolve("report.xls");
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>决算</title></head><body>");
        for (String line : Files.readAllLines(TEXT)) {
            page.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        Files.writeString(html, page.append("</body></html>"));
        ReportRecord fromHtml = record(html);
        assertThat(fromHtml.source().format()).isEqualTo("html");
        assertThat(fromHtml.field("doc.department").map(FieldValue::value)).hasValue("蓝山县医疗保障局");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void textInUtf16WithoutAByteOrderMarkIsRead(String encoding) throws Exception {
        Path file = dir.resolve("report-" + encoding + ".txt");
        Files.write(file, Files.readString(TEXT).getBytes(Charset.forName(encoding)));
        ReportRecord r = record(file);
        assertThat(r.reason()).isNull();
        assertThat(values(r)).isEqualTo(values(record(TEXT)));
    }

    @Test
    void textInUtf16NamedDocIsReadAsText() throws Exception {
        Path file = dir.resolve("report.doc");
        Files.write(file, Files.readString(TEXT).getBytes(StandardCharsets.UTF_16LE));
        ReportRecord r = record(file);
        assertThat(r.source().format()).isEqualTo("txt");
        assertThat(values(r)).isEqualTo(values(record(TEXT)));
    }

    @Test
    void textInGbkIsNotTakenForUtf16() throws Exception {
        Path file = dir.resolve("report-gbk.txt");
        Files.write(file, Files.readString(TEXT).getBytes(Charset.forName("GBK")));
        assertThat(values(record(file))).isEqualTo(values(record(TEXT)));
    }

    @Test
    void anXxeOrBillionLaughsDocxStaysRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-51c0");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                + "<w:t>部门决算 &x;</w:t></w:r></w:p></w:body></w:document>";
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                + "<w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>");
        for (Map.Entry<String, String> bad : Map.of("xxe.docx", xxe, "lol.docx", lol.toString()).entrySet()) {
            Path file = dir.resolve(bad.getKey());
            docx(file, bad.getValue());
            long started = System.nanoTime();
            Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
            assertThat((System.nanoTime() - started) / 1e9).as("refused at once").isLessThan(20);
            assertThat(outcome).as(bad.getKey()).isInstanceOf(Pipeline.Failed.class);
            assertThat(((Pipeline.Failed) outcome).reason()).isEqualTo("corrupt");
            assertThat(((Pipeline.Failed) outcome).message()).doesNotContain("SECRET");
        }
    }

    /** A DOCX of the given document.xml. */
    private static void docx(Path file, String documentXml) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            HostileFolder.startDocx(zip);
            zip.write(documentXml.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** The DOCX's paragraphs and tables written as RTF, as Word's "save as" writes them (simplified). */
    private static String rtf(Path docx, boolean gbk) throws Exception {
        StringBuilder out = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}\n");
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    out.append("\\pard\\plain\\f0 ").append(escape(p.getText(), gbk)).append("\\par\n");
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        out.append("\\trowd");
                        for (int i = 1; i <= row.getTableCells().size(); i++) {
                            out.append("\\cellx").append(i * 1500);
                        }
                        out.append("\n\\pard\\intbl ");
                        for (XWPFTableCell cell : row.getTableCells()) {
                            out.append("{\\f0 ").append(escape(cell.getText(), gbk)).append("\\cell}");
                        }
                        out.append("\\row\n");
                    }
                    out.append("\\pard\n");
                }
            }
        }
        return out.append("}").toString();
    }

    private static String escape(String text, boolean gbk) {
        CharsetEncoder encoder = Charset.forName("GBK").newEncoder();
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}') {
                b.append('\\').append(c);
            } else if (c < 0x80) {
                b.append(c);
            } else if (gbk && encoder.canEncode(c)) {
                for (byte x : String.valueOf(c).getBytes(Charset.forName("GBK"))) {
                    b.append(String.format("\\'%02x", x & 0xff));
                }
            } else {
                b.append("\\u").append((int) (short) c).append('?');
            }
        }
        return b.toString();
    }
}
