package org.disclosure.extractor.ingest.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Builds an image-only PDF from a text PDF, as a department that prints its report and scans it publishes it:
 * each chosen page is rendered with PDFBox at a given resolution and the new PDF holds only those images, one per
 * page of the same size, with no text layer. Optionally the images get a scanner's defects (a slight rotation,
 * noise, lower contrast), drawn from a fixed seed so that a test sees the same file on every run.
 */
public final class ImageOnlyPdf {

    /**
     * What a scanner does to a page: turned by {@code rotationDegrees}, grey levels squeezed into
     * [{@code black}, {@code white}], Gaussian noise of {@code noise} grey levels, saved as JPEG.
     */
    public record Defects(double rotationDegrees, int black, int white, double noise, long seed) {
        /** A clean rendering: the page as the text PDF draws it. */
        public static final Defects NONE = new Defects(0, 0, 255, 0, 0);

        /** An office scanner: turned 0.3-0.8 degrees (either way, by seed), greyish paper, some noise. */
        public static Defects scanner(long seed) {
            Random r = new Random(seed);
            double angle = (0.3 + 0.5 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
            return new Defects(angle, 40, 225, 12, seed);
        }

        boolean none() {
            return equals(NONE);
        }
    }

    /** How the images are drawn: resolution, colour and defects. */
    public record Style(int dpi, ImageType colour, Defects defects) {
        public static Style clean(int dpi) {
            return new Style(dpi, ImageType.GRAY, Defects.NONE);
        }

        public static Style scanned(int dpi, long seed) {
            return new Style(dpi, ImageType.GRAY, Defects.scanner(seed));
        }

        /** A file name part saying the style: 300dpi-gray, 200dpi-rgb-scan. */
        public String label() {
            return dpi + "dpi-" + colour.name().toLowerCase(java.util.Locale.ROOT) + (defects.none() ? "" : "-scan");
        }
    }

    private ImageOnlyPdf() {
    }

    /** Every page of {@code source}. */
    public static Path build(Path source, Path target, Style style) throws IOException {
        return build(source, target, style, null);
    }

    /**
     * The pages {@code pages} (1-based, in the order given; null for all) of {@code source} as images in a new
     * PDF at {@code target} (its folder is made). Returns {@code target}.
     */
    public static Path build(Path source, Path target, Style style, List<Integer> pages) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (PDDocument in = Loader.loadPDF(source.toFile()); PDDocument out = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(in);
            List<Integer> chosen = pages != null ? pages
                    : IntStream.rangeClosed(1, in.getNumberOfPages()).boxed().toList();
            for (int n : chosen) {
                PDPage page = in.getPage(n - 1);
                PDRectangle box = page.getCropBox();
                BufferedImage image = renderer.renderImageWithDPI(n - 1, style.dpi(), style.colour());
                if (!style.defects().none()) {
                    image = scan(image, style.defects(), n);
                }
                PDRectangle size = page.getRotation() % 180 == 0 ? new PDRectangle(box.getWidth(), box.getHeight())
                        : new PDRectangle(box.getHeight(), box.getWidth());
                PDPage copy = new PDPage(size);
                out.addPage(copy);
                // JPEG, as scanners store pages; a clean page at a quality that leaves no visible artefacts
                PDImageXObject xobject = JPEGFactory.createFromImage(out, image, style.defects().none() ? 0.92f : 0.8f);
                try (PDPageContentStream content = new PDPageContentStream(out, copy)) {
                    content.drawImage(xobject, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            File file = target.toFile();
            out.save(file);
        }
        return target;
    }

    /** The page image as a scanner gives it back. */
    static BufferedImage scan(BufferedImage page, Defects d, int pageNumber) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage turned = new BufferedImage(w, h, page.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(d.rotationDegrees()), w / 2.0, h / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        Random noise = new Random(d.seed() * 31 + pageNumber);
        double scale = (d.white() - d.black()) / 255.0;
        var raster = turned.getRaster();
        int bands = raster.getNumBands();
        int[] px = new int[bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.getPixel(x, y, px);
                double n = noise.nextGaussian() * d.noise();
                for (int b = 0; b < bands; b++) {
                    px[b] = (int) Math.max(0, Math.min(255, Math.round(d.black() + px[b] * scale + n)));
                }
                raster.setPixel(x, y, px);
            }
        }
        return turned;
    }
}
