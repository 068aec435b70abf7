package org.disclosure.extractor.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders one page of a PDF to a PNG, as a person sees it, so a figure's {@link Box} can be drawn over it: a box
 * in points stands at pixels = points × dpi / 72 on the image. Chinese text needs a CJK font on the machine where
 * the PDF does not embed its own (Debian: fonts-noto-cjk).
 */
public final class PageImages {

    /** The resolution pages are rendered at unless asked otherwise: readable on a screen, a few hundred kB a page. */
    public static final float DEFAULT_DPI = 110;
    /** Resolutions outside this range are refused: too small to read, or too large to hold. */
    public static final float MIN_DPI = 18;
    public static final float MAX_DPI = 600;
    /** A rendered page may have at most this many pixels (a poster-sized page at a high resolution is refused). */
    static final long MAX_PIXELS = 60_000_000L;

    /**
     * One rendered page.
     *
     * @param png          the image, PNG-encoded
     * @param page         1-based page number
     * @param widthPoints  the page's width as rendered (its crop box, turned as /Rotate says), in points
     * @param heightPoints its height as rendered, in points
     * @param dpi          the resolution: pixels = points × dpi / 72
     * @param widthPixels  the image's width
     * @param heightPixels the image's height
     */
    public record PageImage(byte[] png, int page, float widthPoints, float heightPoints, float dpi,
                            int widthPixels, int heightPixels) {
    }

    private PageImages() {
    }

    /** Renders page {@code page} (1-based) of {@code file} at {@link #DEFAULT_DPI}. */
    public static PageImage render(Path file, String label, int page) throws UnreadableDocumentException {
        return render(file, label, page, DEFAULT_DPI);
    }

    /**
     * Renders page {@code page} (1-based) of {@code file}; label = the file as the user named it, for messages.
     *
     * @throws UnreadableDocumentException the file is encrypted or damaged beyond reading (the reader's reasons)
     * @throws IllegalArgumentException    the page is not in the file, or the resolution is out of range
     */
    public static PageImage render(Path file, String label, int page, float dpi) throws UnreadableDocumentException {
        if (!(dpi >= MIN_DPI && dpi <= MAX_DPI)) {
            throw new IllegalArgumentException(label + ": cannot render at " + dpi + " dpi; choose between "
                    + (int) MIN_DPI + " and " + (int) MAX_DPI);
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            int pages = pdf.getNumberOfPages();
            if (page < 1 || page > pages) {
                throw new IllegalArgumentException(label + ": has no page " + page + " (it has " + pages
                        + (pages == 1 ? " page" : " pages") + "); choose a page from 1 to " + pages);
            }
            PDPage p = pdf.getPage(page - 1);
            PDRectangle crop = p.getCropBox();
            boolean turned = Math.floorMod(p.getRotation(), 180) == 90;
            float width = turned ? crop.getHeight() : crop.getWidth();
            float height = turned ? crop.getWidth() : crop.getHeight();
            long pixels = (long) Math.ceil(width * dpi / 72) * (long) Math.ceil(height * dpi / 72);
            if (pixels > MAX_PIXELS) {
                throw new IllegalArgumentException(label + ": page " + page + " is too large to render at " + dpi
                        + " dpi (" + pixels + " pixels); choose a lower resolution");
            }
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return new PageImage(png.toByteArray(), page, width, height, dpi, image.getWidth(), image.getHeight());
        } catch (InvalidPasswordException e) {
            throw PdfReader.encrypted(label, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(label + ": ")) {
                throw iae;
            }
            throw PdfReader.corrupt(label, e);
        } catch (StackOverflowError e) {
            throw PdfReader.corrupt(label, null);
        }
    }
}
