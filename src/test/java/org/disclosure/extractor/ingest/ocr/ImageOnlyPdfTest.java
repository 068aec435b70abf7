package org.disclosure.extractor.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image-only PDFs the OCR tests are built from: the chosen pages, their sizes, one image each, no text. */
class ImageOnlyPdfTest {

    private static final Path CHANGSHA = Path.of("corpus", "real", "长沙市信访局-2026-部门预算.pdf");

    @TempDir
    Path dir;

    @Test
    void holdsTheChosenPagesAtTheirSizesAsImagesWithoutText() throws Exception {
        Path built = ImageOnlyPdf.build(CHANGSHA, dir.resolve("clean.pdf"), ImageOnlyPdf.Style.clean(100), List.of(4, 12));
        try (PDDocument source = Loader.loadPDF(CHANGSHA.toFile()); PDDocument doc = Loader.loadPDF(built.toFile())) {
            assertThat(new PDFTextStripper().getText(source)).contains("长沙市信访局");
            assertThat(new PDFTextStripper().getText(doc)).isBlank();
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                PDPage page = doc.getPage(i);
                PDPage original = source.getPage(i == 0 ? 3 : 11);
                assertThat(page.getMediaBox().getWidth()).isEqualTo(original.getCropBox().getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(original.getCropBox().getHeight());
                BufferedImage image = onlyImage(page);
                assertThat(image.getWidth()).isEqualTo((int) (original.getCropBox().getWidth() * 100 / 72));
            }
        }
    }

    @Test
    void aScannedPageIsTurnedGreyerAndNoisy() throws Exception {
        Path clean = ImageOnlyPdf.build(CHANGSHA, dir.resolve("clean.pdf"), ImageOnlyPdf.Style.clean(100), List.of(4));
        Path scanned = ImageOnlyPdf.build(CHANGSHA, dir.resolve("scan.pdf"), ImageOnlyPdf.Style.scanned(100, 3), List.of(4));
        try (PDDocument a = Loader.loadPDF(clean.toFile()); PDDocument b = Loader.loadPDF(scanned.toFile())) {
            int[] cleanRange = greyRange(onlyImage(a.getPage(0)));
            int[] scanRange = greyRange(onlyImage(b.getPage(0)));
            assertThat(cleanRange[1]).as("paper of the clean page").isGreaterThanOrEqualTo(250);
            assertThat(scanRange[1]).as("paper of the scan, greyer").isBetween(210, 240);
            assertThat(ImageOnlyPdf.Defects.scanner(3).rotationDegrees()).satisfiesAnyOf(
                    d -> assertThat(d).isBetween(0.3, 0.8), d -> assertThat(d).isBetween(-0.8, -0.3));
        }
    }

    private static BufferedImage onlyImage(PDPage page) throws Exception {
        List<COSName> names = toList(page.getResources().getXObjectNames());
        assertThat(names).hasSize(1);
        return ((PDImageXObject) page.getResources().getXObject(names.get(0))).getImage();
    }

    private static List<COSName> toList(Iterable<COSName> names) {
        List<COSName> list = new java.util.ArrayList<>();
        names.forEach(list::add);
        return list;
    }

    /** The darkest and the median grey of an image's middle row band, 0-255. */
    private static int[] greyRange(BufferedImage image) {
        int min = 255;
        int[] histogram = new int[256];
        for (int y = image.getHeight() / 4; y < image.getHeight() * 3 / 4; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int g = image.getRaster().getSample(x, y, 0);
                min = Math.min(min, g);
                histogram[g]++;
            }
        }
        int half = 0;
        int total = java.util.Arrays.stream(histogram).sum();
        int median = 0;
        for (int g = 0; g < 256; g++) {
            half += histogram[g];
            if (half >= total / 2) {
                median = g;
                break;
            }
        }
        return new int[] {min, median};
    }
}
