package org.disclosure.extractor.ingest;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * How much of a page its images cover, for {@link PdfReader}: a scanned page is one image the size of the page.
 * Follows the Do operator of a text stripper (which otherwise only opens forms) and adds up the area each image
 * is drawn on, in page space.
 */
final class PdfImages {

    private final PDFStreamEngine engine;
    private double area;

    private PdfImages(PDFStreamEngine engine) {
        this.engine = engine;
    }

    /** Starts following the engine's images; forms are still opened as before. */
    static PdfImages track(PDFStreamEngine engine) {
        PdfImages images = new PdfImages(engine);
        DrawObject forms = new DrawObject(engine);
        engine.addOperator(new OperatorProcessor(engine) {
            @Override
            public void process(Operator operator, List<COSBase> args) throws IOException {
                if (!args.isEmpty() && args.get(0) instanceof COSName name) {
                    PDResources resources = engine.getResources();
                    PDXObject x = null;
                    try {
                        x = resources == null ? null : resources.getXObject(name);
                    } catch (IOException | RuntimeException e) {
                        // an unreadable image covers nothing we can read
                    }
                    if (x instanceof PDImageXObject) {
                        images.drawn(engine.getGraphicsState().getCurrentTransformationMatrix());
                        return;
                    }
                }
                forms.process(operator, args);
            }

            @Override
            public String getName() {
                return "Do";
            }
        });
        return images;
    }

    /** An image is drawn on the unit square the matrix maps into page space. */
    private void drawn(Matrix m) {
        double a = Math.abs(m.getScaleX() * m.getScaleY() - m.getShearX() * m.getShearY());
        if (Double.isFinite(a)) {
            area += a;
        }
    }

    /** The share of a page of {@code pageArea} square points the images drawn since the last call cover (0–1), and starts again. */
    double take(double pageArea) {
        double share = pageArea > 0 ? Math.min(1, area / pageArea) : 0;
        area = 0;
        return share;
    }
}
