package org.disclosure.extractor.serve;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Where PDFBox draws a string on a page: the bounding boxes (points from the page's top-left) of its occurrences. */
final class Glyphs {

    private Glyphs() {
    }

    /** Each occurrence of {@code text} (spaces ignored) on the page, as {x0, y0, x1, y1}. */
    static List<double[]> find(Path pdf, int page, String text) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String s, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.writeText(doc, new StringWriter());
        }
        String wanted = text.replaceAll("\\s", "");
        List<double[]> found = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) {
            StringBuilder seen = new StringBuilder();
            int j = i;
            while (j < glyphs.size() && seen.length() < wanted.length()) {
                seen.append(glyphs.get(j).getUnicode().replaceAll("\\s", ""));
                j++;
            }
            if (seen.toString().equals(wanted)) {
                double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
                for (TextPosition t : glyphs.subList(i, j)) {
                    x0 = Math.min(x0, t.getXDirAdj());
                    x1 = Math.max(x1, t.getXDirAdj() + t.getWidthDirAdj());
                    y0 = Math.min(y0, t.getYDirAdj() - t.getHeightDir());
                    y1 = Math.max(y1, t.getYDirAdj());
                }
                found.add(new double[] {x0, y0, x1, y1});
            }
        }
        return found;
    }
}
