package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.ReportRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real report damaged the ways files are damaged — a cross-reference table zeroed, an object's header
 * overwritten in the middle of the file, junk in the middle of a page's compressed content, the file cut off
 * inside a stream — is read as far as it can be, marked damaged with what was wrong and given a warning that
 * figures may be missing; and every figure it still gives is the one the whole file gives.
 */
class DamagedPdfTest {

    private static final Path REPORT = Path.of("corpus", "real", "长沙市信访局-2026-部门预算.pdf");
    private static final Pipeline PIPELINE = new Pipeline();
    private static byte[] whole;
    private static ReportRecord wholeRecord;

    @TempDir
    Path dir;

    @BeforeAll
    static void readTheWholeReport() throws Exception {
        whole = Files.readAllBytes(REPORT);
        wholeRecord = record(REPORT);
        assertThat(wholeRecord.source().damage()).isNull();
        assertThat(wholeRecord.findings()).noneMatch(f -> f.rule().equals("form/damaged_file"));
        assertThat(wholeRecord.fields()).hasSizeGreaterThan(20);
    }

    private static ReportRecord record(Path file) {
        Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
        assertThat(outcome).as(file.toString()).isInstanceOf(Pipeline.Extracted.class);
        return ((Pipeline.Extracted) outcome).record();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Reads the damaged copy; asserts it is marked, warned about and right in every figure it has. */
    private ReportRecord readDamaged(String name, byte[] bytes, String damage) throws Exception {
        return readDamaged(name, bytes, damage, wholeRecord);
    }

    private ReportRecord readDamaged(String name, byte[] bytes, String damage, ReportRecord wholeRecord) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        ReportRecord r = record(file);
        assertThat(r.reason()).isNull();
        assertThat(r.source().damage()).as(name).contains(damage);
        List<Finding> warned = r.findings().stream().filter(f -> f.rule().equals("form/damaged_file")).toList();
        assertThat(warned).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo("warning");
            assertThat(f.messageZh()).startsWith("文件已损坏").contains("数字可能缺失");
            assertThat(f.messageEn()).contains("figures may be missing");
        });
        for (FieldValue v : r.fields()) {
            List<Object> inWhole = wholeRecord.statements(v.key()).stream().map(FieldValue::value).toList();
            assertThat(inWhole).as(name + ": " + v.key() + " = " + v.value() + " is a figure of the whole file")
                    .contains(v.value());
        }
        return r;
    }

    @Test
    void aZeroedCrossReferenceTable() throws Exception {
        String t = text(whole);
        int start = Integer.parseInt(lastGroup(Pattern.compile("startxref\\s+(\\d+)"), t));
        int trailer = t.indexOf("trailer", start);
        byte[] b = whole.clone();
        Arrays.fill(b, start, trailer, (byte) ' ');
        ReportRecord r = readDamaged("zeroed-xref.pdf", b, "cross-reference table is broken");
        assertThat(r.fields()).hasSameSizeAs(wholeRecord.fields()); // nothing is lost: every object is found by scanning
    }

    @Test
    void anObjectOverwrittenInTheMiddle() throws Exception {
        List<int[]> headers = spans(Pattern.compile("\n\\d+ 0 obj"), text(whole));
        int[] h = headers.get(headers.size() / 2);
        byte[] b = whole.clone();
        Arrays.fill(b, h[0] + 1, h[1], (byte) 'X');
        readDamaged("broken-object.pdf", b, "1 object is not where its cross-reference table says");
    }

    @Test
    void junkInAPagesCompressedContent() throws Exception {
        int object;
        try (PDDocument pdf = Loader.loadPDF(whole)) {
            PDPage page = pdf.getPage(pdf.getNumberOfPages() / 2);
            COSBase contents = page.getCOSObject().getItem(COSName.CONTENTS);
            if (contents instanceof COSArray array) {
                contents = array.get(0);
            }
            object = (int) ((COSObject) contents).getObjectNumber();
        }
        String t = text(whole);
        int header = t.indexOf("\n" + object + " 0 obj");
        int start = spans(Pattern.compile("stream\r?\n"), t.substring(header)).get(0)[1] + header;
        int end = t.indexOf("endstream", start);
        byte[] b = whole.clone();
        for (int i = start + (end - start) / 3; i < end - 10; i++) {
            b[i] = (byte) (i * 37);
        }
        readDamaged("junk-in-stream.pdf", b, "is corrupt (only what could be decompressed is read)");
    }

    @Test
    void cutOffInsideAStream() throws Exception {
        // a real budget whose objects are laid out so that a cut keeps its first pages readable
        Path report;
        try (var files = Files.list(Path.of("..", "shared", "unlabelled"))) {
            report = files.filter(f -> f.getFileName().toString().startsWith("222-")).findFirst().orElseThrow();
        }
        byte[] all = Files.readAllBytes(report);
        int[] s = streams(text(all)).stream().filter(x -> x[0] > all.length * 2 / 5).findFirst().orElseThrow();
        readDamaged("cut-in-stream.pdf", Arrays.copyOf(all, (s[0] + s[1]) / 2), "truncated PDF", record(report));
    }

    private static String lastGroup(Pattern p, String t) {
        Matcher m = p.matcher(t);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static List<int[]> spans(Pattern p, String t) {
        List<int[]> found = new ArrayList<>();
        Matcher m = p.matcher(t);
        while (m.find()) {
            found.add(new int[] {m.start(), m.end()});
        }
        return found;
    }

    /** The data of each stream: from after "stream" to "endstream". */
    private static List<int[]> streams(String t) {
        List<int[]> found = new ArrayList<>();
        for (int[] s : spans(Pattern.compile("stream\r?\n"), t)) {
            if (s[0] >= 3 && t.startsWith("end", s[0] - 3)) {
                continue;
            }
            int end = t.indexOf("endstream", s[1]);
            if (end - s[1] > 2000) {
                found.add(new int[] {s[1], end});
            }
        }
        return found;
    }

}
