package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.disclosure.extractor.text.DocumentNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering a page of a PDF for the web page: the image has the page's size at the resolution asked for, a
 * figure's glyph boxes scaled to pixels fall on its ink, and a missing page, an encrypted or a damaged file give
 * clear errors.
 */
class PageImagesTest {

    @TempDir
    Path dir;

    @Test
    void rendersAPageAtItsSizeWithTheFiguresInkInsideItsBox() throws Exception {
        assertThat(CjkTestPdf.NOTO_CJK).as("fonts-noto-cjk (the renderer's Chinese font) is installed").exists();
        String sentence = "三公经费财政拨款支出合计８５．６万元。";
        Path file = CjkTestPdf.write(new CjkTestPdf().page().text("第一部分", 72, 80, 16)
                .page().text(sentence, 72, 300, 14), dir, "page.pdf");
        PageImages.PageImage image = PageImages.render(file, "page.pdf", 2, 110);
        assertThat(image.widthPoints()).isEqualTo(CjkTestPdf.WIDTH);
        assertThat(image.heightPoints()).isEqualTo(CjkTestPdf.HEIGHT);
        assertThat(image.widthPixels()).isEqualTo((int) Math.floor(CjkTestPdf.WIDTH * 110 / 72));
        assertThat(image.heightPixels()).isEqualTo((int) Math.floor(CjkTestPdf.HEIGHT * 110 / 72));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
        assertThat(png.getWidth()).isEqualTo(image.widthPixels());
        assertThat(png.getHeight()).isEqualTo(image.heightPixels());

        Document doc = DocumentNormalizer.normalize(new PdfReader().read(file, "page.pdf"));
        Block b = doc.blocks().stream().filter(x -> x.text().contains("85.6")).findFirst().orElseThrow();
        int at = b.text().indexOf("85.6");
        Box box = b.boxes(at, at + 4).get(0);
        double scale = image.dpi() / 72;
        assertThat(darkPixels(png, box.x0() * scale, box.y0() * scale, box.x1() * scale, box.y1() * scale))
                .as("ink of 85.6 inside its box").isGreaterThan(20);
        // nothing is printed just below the line
        assertThat(darkPixels(png, box.x0() * scale, (box.y1() + 20) * scale, box.x1() * scale, (box.y1() + 40) * scale))
                .isZero();
        assertThat(PageImages.render(file, "page.pdf", 1).dpi()).isEqualTo(PageImages.DEFAULT_DPI);
    }

    @Test
    void onATurnedPageTheFiguresInkIsInsideItsBox() throws Exception {
        assertThat(CjkTestPdf.NOTO_CJK).as("fonts-noto-cjk (the renderer's Chinese font) is installed").exists();
        Path file = CjkTestPdf.write(new CjkTestPdf().turnedPage().text("基本支出合计６７８．９万元。", 300, 200, 14),
                dir, "landscape.pdf");
        PageImages.PageImage image = PageImages.render(file, "landscape.pdf", 1, 110);
        assertThat(image.widthPoints()).isEqualTo(CjkTestPdf.HEIGHT);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
        Document doc = DocumentNormalizer.normalize(new PdfReader().read(file, "landscape.pdf"));
        Block b = doc.blocks().stream().filter(x -> x.text().contains("678.9")).findFirst().orElseThrow();
        int at = b.text().indexOf("678.9");
        Box box = b.boxes(at, at + 5).get(0);
        double scale = image.dpi() / 72;
        assertThat(darkPixels(png, box.x0() * scale, box.y0() * scale, box.x1() * scale, box.y1() * scale))
                .as("ink of 678.9 inside its box").isGreaterThan(20);
        assertThat(darkPixels(png, box.x0() * scale, (box.y1() + 20) * scale, box.x1() * scale, (box.y1() + 40) * scale))
                .isZero();
    }

    @Test
    void aTurnedPageIsRenderedTurned() throws Exception {
        Path file = CjkTestPdf.write(new CjkTestPdf().page().text("合计", 72, 80, 12), dir, "turned.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            PDPage page = pdf.getPage(0);
            page.setRotation(90);
            pdf.save(dir.resolve("rotated.pdf").toFile());
        }
        PageImages.PageImage image = PageImages.render(dir.resolve("rotated.pdf"), "rotated.pdf", 1, 72);
        assertThat(image.widthPoints()).isEqualTo(CjkTestPdf.HEIGHT);
        assertThat(image.heightPoints()).isEqualTo(CjkTestPdf.WIDTH);
        assertThat(image.widthPixels()).isEqualTo((int) CjkTestPdf.HEIGHT);
    }

    @Test
    void aPageOutOfRangeIsAClearError() throws Exception {
        Path file = CjkTestPdf.write(new CjkTestPdf().page().text("合计", 72, 80, 12), dir, "one.pdf");
        assertThatThrownBy(() -> PageImages.render(file, "one.pdf", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one.pdf: has no page 2 (it has 1 page); choose a page from 1 to 1");
        assertThatThrownBy(() -> PageImages.render(file, "one.pdf", 0)).hasMessageStartingWith("one.pdf: has no page 0");
        assertThatThrownBy(() -> PageImages.render(file, "one.pdf", 1, 5000))
                .hasMessage("one.pdf: cannot render at 5000.0 dpi; choose between 18 and 600");
    }

    @Test
    void encryptedAndDamagedFilesGiveTheReadersErrors() throws Exception {
        Path file = CjkTestPdf.write(new CjkTestPdf().page().text("合计", 72, 80, 12), dir, "plain.pdf");
        Path locked = dir.resolve("locked.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(locked.toFile());
        }
        assertThatThrownBy(() -> PageImages.render(locked, "locked.pdf", 1))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("locked.pdf: encrypted PDF, no text can be read without its password (skipped)");
        Path junk = dir.resolve("junk.pdf");
        Files.writeString(junk, "%PDF-1.7\nthis is no PDF at all\n");
        assertThatThrownBy(() -> PageImages.render(junk, "junk.pdf", 1))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageStartingWith("junk.pdf: not a readable PDF (PDFBox: ");
        for (Path f : new Path[] {locked, junk}) {
            UnreadableDocumentException read = readError(f);
            UnreadableDocumentException rendered = renderError(f);
            assertThat(rendered.reason()).isEqualTo(read.reason());
        }
    }

    private static UnreadableDocumentException readError(Path f) {
        try {
            new PdfReader().read(f, f.getFileName().toString());
            throw new AssertionError(f + " was read");
        } catch (UnreadableDocumentException e) {
            return e;
        }
    }

    private static UnreadableDocumentException renderError(Path f) {
        try {
            PageImages.render(f, f.getFileName().toString(), 1);
            throw new AssertionError(f + " was rendered");
        } catch (UnreadableDocumentException e) {
            return e;
        }
    }

    /** Pixels clearly darker than the paper inside a rectangle of the image. */
    private static int darkPixels(BufferedImage png, double x0, double y0, double x1, double y1) {
        int n = 0;
        for (int y = (int) Math.floor(y0); y < Math.ceil(y1) && y < png.getHeight(); y++) {
            for (int x = (int) Math.floor(x0); x < Math.ceil(x1) && x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
                n += grey < 128 ? 1 : 0;
            }
        }
        return n;
    }
}
