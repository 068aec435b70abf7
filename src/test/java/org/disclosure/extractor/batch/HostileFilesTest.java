package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.disclosure.extractor.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of every bad kind, made here, in one batch with good reports: each ends in a specific error or
 * empty-record reason, and every good report still gets its record.
 */
class HostileFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path out;
    private static int status;
    private static final Map<String, JsonNode> records = new HashMap<>();
    private static final Map<String, JsonNode> errors = new HashMap<>();

    @BeforeAll
    static void runOverAFolderOfHostileFiles() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), in.resolve("good-001.txt"));
        Files.copy(Path.of("corpus/rendered/004_417c17a55a2502cf.docx"), in.resolve("good-004.docx"));
        Files.copy(Path.of("corpus/rendered/000_efef604f64877e59.pdf"), in.resolve("good-000.pdf"));
        Files.createFile(in.resolve("zero.pdf"));
        byte[] pdf = Files.readAllBytes(Path.of("corpus/rendered/001_627f347534218911.pdf"));
        Files.write(in.resolve("truncated.pdf"), java.util.Arrays.copyOf(pdf, pdf.length / 3));
        Random random = new Random(42);
        byte[] noise = new byte[50_000];
        random.nextBytes(noise);
        Files.write(in.resolve("random.pdf"), noise);
        Files.write(in.resolve("random.docx"), noise);
        encryptedPdf(in.resolve("encrypted.pdf"));
        zipBombDocx(in.resolve("bomb.docx"));
        longPdf(in.resolve("300-pages.pdf"), 300);
        scannedPdf(in.resolve("scanned.pdf"));
        notAReport(in.resolve("recipe.docx"));
        gbkNamed(in);
        out = dir.resolve("out");
        status = Main.run("extract", in.toString(), "-o", out.toString(), "--progress", "none");
        for (String line : Files.readAllLines(out.resolve("records.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            records.put(Path.of(n.at("/source/file").asText()).getFileName().toString(), n);
        }
        for (String line : Files.readAllLines(out.resolve("errors.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            errors.put(Path.of(n.path("file").asText()).getFileName().toString(), n);
        }
    }

    private static void encryptedPdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Budget report");
                cs.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
    }

    /** A DOCX whose document.xml expands from about 200 KB to 200 MB. */
    private static void zipBombDocx(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static void longPdf(Path file, int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(72, 720);
                    for (int l = 0; l < 40; l++) {
                        cs.showText("Page " + p + ", line " + l + ": minutes of a meeting that is not a budget report.");
                        cs.newLineAtOffset(0, -16);
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
    }

    /** Two pages that are pictures of text, with no text layer. */
    private static void scannedPdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
            var g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 600, 800);
            g.setColor(java.awt.Color.BLACK);
            for (int y = 60; y < 760; y += 24) {
                g.fillRect(50, y, 400 + (y % 100), 10);
            }
            g.dispose();
            PDImageXObject scan = LosslessFactory.createFromImage(doc, image);
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(scan, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            doc.save(file.toFile());
        }
    }

    private static void notAReport(Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("红烧肉的做法");
            doc.createParagraph().createRun().setText("五花肉500克切块，冷水下锅焯水，加冰糖炒出糖色，再加料酒、生抽和八角，小火炖一小时。");
            doc.write(os);
        }
    }

    /** A report whose name is in GBK bytes, as a Windows zip unpacks on Linux: its name is not valid UTF-8. */
    private static void gbkNamed(Path in) throws IOException {
        byte[] name = "医保局决算.txt".getBytes(java.nio.charset.Charset.forName("GBK"));
        StringBuilder octal = new StringBuilder();
        for (byte b : name) {
            octal.append(String.format("\\%03o", b & 0xff));
        }
        Path source = Path.of("corpus/seeds/003_b1ed29c5960ed8a2.txt").toAbsolutePath();
        try {
            Process p = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$(printf '" + octal + "')\"", "sh", source.toString())
                    .directory(in.toFile()).inheritIO().start();
            assertThat(p.waitFor()).isZero();
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
    }

    private static String reasonOf(String name) {
        JsonNode r = records.get(name);
        if (r != null) {
            return r.path("reason").asText(null);
        }
        return errors.containsKey(name) ? "error:" + errors.get(name).path("reason").asText() : "missing";
    }

    @Test
    void theBatchCompletesWithEveryGoodReportExtracted() {
        assertThat(status).isZero();
        assertThat(records.get("good-001.txt").at("/doc/department/value").asText()).isEqualTo("蓝山县医疗保障局");
        assertThat(records.get("good-004.docx").at("/doc/department/value").asText()).isEqualTo("广元市医疗保障局");
        assertThat(records.get("good-000.pdf").at("/doc/department/value").asText()).isEqualTo("邻水县医疗保障局");
        assertThat(records.size() + errors.size()).as("one outcome per file").isEqualTo(13);
    }

    @Test
    void emptyRandomEncryptedAndTruncatedFilesAreErrorsWithTheirReason() {
        assertThat(reasonOf("zero.pdf")).isEqualTo("error:empty-file");
        assertThat(reasonOf("random.pdf")).isIn("error:corrupt", "error:unsupported-format");
        assertThat(reasonOf("random.docx")).isIn("error:corrupt", "error:unsupported-format");
        assertThat(reasonOf("encrypted.pdf")).isEqualTo("error:encrypted");
        assertThat(reasonOf("truncated.pdf")).isEqualTo("error:corrupt");
        assertThat(errors.get("encrypted.pdf").path("sha256").asText()).hasSize(64);
    }

    @Test
    void aZipBombIsRefusedNotExpanded() {
        assertThat(reasonOf("bomb.docx")).isEqualTo("error:zip-bomb");
    }

    @Test
    void scannedLongAndForeignDocumentsGiveEmptyRecordsWithAReason() {
        assertThat(reasonOf("scanned.pdf")).startsWith("no-text:");
        assertThat(reasonOf("300-pages.pdf")).startsWith("not-a-report:");
        assertThat(records.get("300-pages.pdf").at("/source/pages").asInt()).isEqualTo(300);
        assertThat(reasonOf("recipe.docx")).startsWith("not-a-report:");
    }

    @Test
    void aFileNamedInGbkIsReadAsAnyOther() {
        List<JsonNode> gbk = records.values().stream()
                .filter(r -> r.at("/source/file").asText().endsWith(".txt") && !r.at("/source/file").asText().contains("good"))
                .toList();
        assertThat(gbk).hasSize(1);
        assertThat(gbk.get(0).at("/doc/department/value").asText()).isEqualTo("攀枝花市医疗保障局");
    }

    @Test
    void theSummaryCountsEmptyRecordsAndErrorsByReason() throws IOException {
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("files").asInt()).isEqualTo(13);
        assertThat(summary.at("/empty_by_reason/not-a-report").asInt()).isEqualTo(2);
        assertThat(summary.at("/empty_by_reason/no-text").asInt()).isEqualTo(1);
        assertThat(summary.at("/errors_by_reason/zip-bomb").asInt()).isEqualTo(1);
        assertThat(summary.path("errors").asInt()).isEqualTo(errors.size());
    }
}
