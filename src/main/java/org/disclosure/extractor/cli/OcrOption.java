package org.disclosure.extractor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.disclosure.extractor.ingest.ocr.OcrOptions;
import picocli.CommandLine.Option;

/**
 * {@code --ocr} and {@code --tesseract}, shared by the commands that read documents: when pages without a text
 * layer are read by optical character recognition, and with which Tesseract program.
 */
public final class OcrOption {

    /** The environment variable that names the Tesseract program when --tesseract is not given. */
    static final String TESSERACT_VARIABLE = "TESSERACT";

    @Option(names = "--ocr", defaultValue = "auto", paramLabel = "<when>",
            description = {"When PDF pages are read by optical character recognition (OCR), with Tesseract and its "
                    + "Simplified Chinese model (chi_sim):",
                    "  never: not at all; a scanned file is listed with reason no-text.",
                    "  auto (default): only pages that have no text layer and show an image (scans), when Tesseract "
                    + "and chi_sim are installed; without them such a file is listed with reason no-text, saying "
                    + "what to install.",
                    "  always: every page, whatever its text layer says (for PDFs whose text layer is garbled, such "
                    + "as fonts without a Unicode map).",
                    "OCR is slow, one to several seconds a page, and counts against each file's --timeout: give "
                    + "long scanned reports more time."})
    OcrMode mode;

    @Option(names = "--tesseract", paramLabel = "<program>", defaultValue = "${env:" + TESSERACT_VARIABLE + ":-tesseract}",
            description = "The Tesseract program, when it is not 'tesseract' on the PATH (default: the environment "
                    + "variable " + TESSERACT_VARIABLE + " if set, else tesseract; now ${DEFAULT-VALUE}). "
                    + "On Debian or Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim")
    String tesseract;

    /** The options recognition runs with. */
    public OcrOptions options() {
        OcrOptions d = OcrOptions.DEFAULT;
        return new OcrOptions(mode == null ? d.mode() : mode, tesseract == null || tesseract.isBlank() ? d.command() : tesseract.strip(),
                d.language(), d.dpi());
    }

    /**
     * What is wrong with the values given, or null. A program given as a path must be there; a name is looked up
     * on the PATH when pages need it (a missing one then says, on the files it concerns, what to install).
     */
    public String problem() {
        if (mode == OcrMode.NEVER || tesseract == null || tesseract.isBlank() || !tesseract.contains("/")) {
            return null;
        }
        Path program = Path.of(tesseract.strip());
        if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
            return "--tesseract " + tesseract + ": no such program (give the path of the tesseract executable, "
                    + "or install it: apt-get install tesseract-ocr tesseract-ocr-chi-sim; --ocr never reads without OCR)";
        }
        return null;
    }

    /** The options to give a command line that reads with these settings ({@code extract} started by {@code benchmark}). */
    java.util.List<String> arguments() {
        OcrOptions o = options();
        return java.util.List.of("--ocr", o.mode().cliName(), "--tesseract", o.command());
    }
}
