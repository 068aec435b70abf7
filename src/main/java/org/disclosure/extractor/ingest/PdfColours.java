package org.disclosure.extractor.ingest;

import java.util.List;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;

/**
 * Keeps the fill and stroke colours in the graphics state of a text stripper (which ignores colour), just well
 * enough to tell a white rule: spreadsheet exports paint their gridlines white under the visible borders.
 * Colours are read as gray, RGB or CMYK by their number of components (ICC-based spaces by theirs); other
 * colour spaces count as visible.
 */
final class PdfColours {

    private PdfColours() {
    }

    /** Adds the colour operators (g G rg RG k K cs CS sc SC scn SCN) to the engine. */
    static void track(PDFStreamEngine engine) {
        for (String name : List.of("g", "rg", "k", "sc", "scn")) {
            engine.addOperator(new SetColour(engine, name, false));
            engine.addOperator(new SetColour(engine, name.toUpperCase(), true));
        }
        engine.addOperator(new SetSpace(engine, "cs", false));
        engine.addOperator(new SetSpace(engine, "CS", true));
    }

    /** Whether the colour paints white (or so near white that a rule in it cannot be seen on paper). */
    static boolean isWhite(PDColor colour) {
        if (colour == null || colour.isPattern() || colour.getColorSpace() == null) {
            return false;
        }
        float[] c = colour.getComponents();
        PDColorSpace space = colour.getColorSpace();
        if (space == PDDeviceCMYK.INSTANCE) {
            return c.length == 4 && c[0] <= 0.05f && c[1] <= 0.05f && c[2] <= 0.05f && c[3] <= 0.05f;
        }
        if (space != PDDeviceGray.INSTANCE && space != PDDeviceRGB.INSTANCE) {
            return false;
        }
        for (float v : c) {
            if (v < 0.95f) {
                return false;
            }
        }
        return c.length > 0;
    }

    private static PDColorSpace byComponents(int n) {
        return switch (n) {
            case 1 -> PDDeviceGray.INSTANCE;
            case 3 -> PDDeviceRGB.INSTANCE;
            case 4 -> PDDeviceCMYK.INSTANCE;
            default -> null;
        };
    }

    /** g, rg, k, sc, scn and their stroking forms: sets the colour from its numeric operands. */
    private static final class SetColour extends OperatorProcessor {
        private final String name;
        private final boolean stroking;

        SetColour(PDFStreamEngine engine, String name, boolean stroking) {
            super(engine);
            this.name = name;
            this.stroking = stroking;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            int n = 0;
            for (COSBase o : operands) {
                if (o instanceof COSNumber) {
                    n++;
                }
            }
            float[] components = new float[n];
            int i = 0;
            for (COSBase o : operands) {
                if (o instanceof COSNumber number) {
                    components[i++] = number.floatValue();
                }
            }
            PDGraphicsState state = getContext().getGraphicsState();
            PDColorSpace space = switch (name.toLowerCase()) {
                case "g" -> PDDeviceGray.INSTANCE;
                case "rg" -> PDDeviceRGB.INSTANCE;
                case "k" -> PDDeviceCMYK.INSTANCE;
                // sc / scn: in the space cs chose; an unknown space stays unknown
                default -> {
                    PDColorSpace current = stroking ? state.getStrokingColorSpace() : state.getNonStrokingColorSpace();
                    yield current == PDDeviceGray.INSTANCE || current == PDDeviceRGB.INSTANCE
                            || current == PDDeviceCMYK.INSTANCE ? current : null;
                }
            };
            if (space != null && space.getNumberOfComponents() != n) {
                space = null;
            }
            PDColor colour = new PDColor(components, space);
            if (stroking) {
                state.setStrokingColor(colour);
                if (space != null) {
                    state.setStrokingColorSpace(space);
                }
            } else {
                state.setNonStrokingColor(colour);
                if (space != null) {
                    state.setNonStrokingColorSpace(space);
                }
            }
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** cs and CS: chooses the colour space sc and scn set colours in; the colour becomes black (visible). */
    private static final class SetSpace extends OperatorProcessor {
        private final String name;
        private final boolean stroking;

        SetSpace(PDFStreamEngine engine, String name, boolean stroking) {
            super(engine);
            this.name = name;
            this.stroking = stroking;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            if (operands.isEmpty() || !(operands.get(0) instanceof COSName spaceName)) {
                return;
            }
            // null: a space whose colours are not read (Separation, Indexed, Lab …), its colours count as visible
            PDColorSpace space = resolve(spaceName, getContext().getResources());
            PDGraphicsState state = getContext().getGraphicsState();
            PDColor black = new PDColor(new float[0], null);
            if (stroking) {
                state.setStrokingColorSpace(space);
                state.setStrokingColor(black);
            } else {
                state.setNonStrokingColorSpace(space);
                state.setNonStrokingColor(black);
            }
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** The device space a named colour space reads like, or null. */
    private static PDColorSpace resolve(COSName name, PDResources resources) {
        if (COSName.DEVICEGRAY.equals(name) || COSName.CALGRAY.equals(name) || COSName.G.equals(name)) {
            return PDDeviceGray.INSTANCE;
        }
        if (COSName.DEVICERGB.equals(name) || COSName.CALRGB.equals(name) || COSName.RGB.equals(name)) {
            return PDDeviceRGB.INSTANCE;
        }
        if (COSName.DEVICECMYK.equals(name) || COSName.CMYK.equals(name)) {
            return PDDeviceCMYK.INSTANCE;
        }
        if (resources == null) {
            return null;
        }
        COSDictionary spaces = resources.getCOSObject().getCOSDictionary(COSName.COLORSPACE);
        COSBase entry = spaces == null ? null : spaces.getDictionaryObject(name);
        if (entry instanceof COSName other && !other.equals(name)) {
            return resolve(other, null);
        }
        if (entry instanceof COSArray array && array.size() >= 2 && array.getObject(0) instanceof COSName family) {
            if (COSName.ICCBASED.equals(family) && array.getObject(1) instanceof COSStream profile) {
                return byComponents(profile.getInt(COSName.N, -1));
            }
            if (COSName.CALGRAY.equals(family)) {
                return PDDeviceGray.INSTANCE;
            }
            if (COSName.CALRGB.equals(family)) {
                return PDDeviceRGB.INSTANCE;
            }
        }
        return null;
    }
}
