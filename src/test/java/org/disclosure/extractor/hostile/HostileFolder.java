package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Hostile files made at test time (no large binaries in git): each kind of file that has hurt a batch or
 * could — damaged, encrypted, expanding, scanned, foreign, misnamed, logging without end, not a file at all,
 * or a link out of its folder. {@link #fill} puts one of each in a folder for the tests that run them all.
 */
public final class HostileFolder {

    private HostileFolder() {
    }

    /**
     * Puts one hostile input of each kind into {@code in}; links that lead out of it point into {@code outside}
     * (where a "secret" report is written). Needs mkfifo (fails, not skips, without it).
     */
    public static void fill(Path in, Path outside) throws IOException, InterruptedException {
        badFiles(in);
        logBombPdf(in.resolve("log-bomb.pdf"));
        rtfNamedDoc(Path.of("corpus/seeds/003_b1ed29c5960ed8a2.txt"), in.resolve("rtf-report.doc"));
        utf16WithoutBom(Path.of("corpus/seeds/000_efef604f64877e59.txt"), in.resolve("utf16-report.txt"));
        try (RandomAccessFile sparse = new RandomAccessFile(in.resolve("huge.pdf").toFile(), "rw")) {
            sparse.setLength(20L << 30); // 20 GB with no blocks: to be refused by its size, never hashed
        }
        Tool.sh(in, "mkfifo pipe.pdf");
        Files.createSymbolicLink(in.resolve("dev-zero.pdf"), Path.of("/dev/zero"));
        Path secret = Files.createDirectories(outside).resolve("secret.txt");
        Files.writeString(secret, Files.readString(Path.of("corpus/seeds/002_5c11e5d911459f7e.txt")) + "\nSECRET-7f3a9c\n");
        Files.createSymbolicLink(in.resolve("link-out.pdf"), secret);
        Files.createSymbolicLink(in.resolve("broken.pdf"), outside.resolve("deleted.pdf"));
        Files.createDirectories(in.resolve("sub"));
        Files.createSymbolicLink(in.resolve("sub/loop"), in);
    }

    /**
     * Files that are reports of no use or no reports at all: empty, truncated, random bytes named .pdf and
     * .docx, encrypted, a zip bomb, a scan, a recipe, and a report whose name is in GBK bytes.
     */
    public static void badFiles(Path in) throws IOException {
        Files.createDirectories(in);
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
        scannedPdf(in.resolve("scanned.pdf"));
        notAReport(in.resolve("recipe.docx"));
        gbkNamed(in);
    }

    /**
     * Starts a DOCX: its content types and package relationships, for a word/document.xml the caller writes
     * next into {@code zip}.
     */
    public static void startDocx(ZipOutputStream zip) throws IOException {
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
    }

    /**
     * A PDF of one kilobyte that makes the PDF library log an error with its stack trace for each of tens of
     * thousands of operators (a text move without its operands): hundreds of megabytes of stderr.
     */
    public static void logBombPdf(Path file) throws IOException {
        StringBuilder ops = new StringBuilder("BT\n");
        for (int i = 0; i < 40_000; i++) {
            ops.append("Td\n");
        }
        ops.append("ET\n");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            page.setContents(new PDStream(doc, new ByteArrayInputStream(ops.toString().getBytes(StandardCharsets.US_ASCII)),
                    COSName.FLATE_DECODE));
            doc.save(file.toFile());
        }
    }

    /** A report's text as Word saves it as RTF (Chinese in \\uN? escapes), under a .doc name as government sites serve it. */
    public static void rtfNamedDoc(Path text, Path file) throws IOException {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n");
        for (String line : Files.readAllLines(text, StandardCharsets.UTF_8)) {
            rtf.append("\\pard\\plain\\f0 ");
            line.codePoints().forEach(c -> {
                if (c == '\\' || c == '{' || c == '}') {
                    rtf.append('\\').append((char) c);
                } else if (c < 0x80) {
                    rtf.append((char) c);
                } else {
                    rtf.append("\\u").append((short) c).append('?');
                }
            });
            rtf.append("\\par\n");
        }
        Files.writeString(file, rtf.append("}\n"), StandardCharsets.US_ASCII);
    }

    /** A report's text in UTF-16 (little-endian) with no byte-order mark, as some exports write it. */
    public static void utf16WithoutBom(Path text, Path file) throws IOException {
        Files.write(file, Files.readString(text, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE));
    }

    public static void encryptedPdf(Path file) throws IOException {
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
    public static void zipBombDocx(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            startDocx(zip);
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

    public static void longPdf(Path file, int pages) throws IOException {
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
    public static void scannedPdf(Path file) throws IOException {
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

    public static void notAReport(Path file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("红烧肉的做法");
            doc.createParagraph().createRun().setText("五花肉500克切块，冷水下锅焯水，加冰糖炒出糖色，再加料酒、生抽和八角，小火炖一小时。");
            doc.write(os);
        }
    }

    /** A report whose name is in GBK bytes, as a Windows zip unpacks on Linux: its name is not valid UTF-8. */
    public static void gbkNamed(Path in) throws IOException {
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

}
