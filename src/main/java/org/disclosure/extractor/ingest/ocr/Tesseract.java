package org.disclosure.extractor.ingest.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Tesseract program, run once per page image: the image goes in on stdin as a PGM, the words come back as
 * hOCR with each character's box and confidence and each line's baseline. The program rather than a binding (tess4j) or Tika's OCR
 * parser: the command is what Debian installs and what users can test by hand, a crash in it cannot take the
 * worker's JVM down, and a page that hangs is killed by its own time limit. It runs single-threaded
 * (OMP_THREAD_LIMIT=1): the workers already keep the cores busy, and Tesseract's own threads only slow a
 * two-core machine down.
 */
public final class Tesseract {

    /** Apt packages that provide the program and its Simplified Chinese model. */
    public static final String INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim";

    /** What the program said about itself: its version, or why it cannot be used. */
    public record Status(String version, String problem) {
        public boolean usable() {
            return problem == null;
        }
    }

    private static final Map<String, Status> STATUS = new ConcurrentHashMap<>();

    private final String command;
    private final String language;
    private final long pageTimeoutMillis;

    /**
     * @param command           the program, a name on PATH or a path
     * @param language          the model (chi_sim)
     * @param pageTimeoutMillis time one page may take before the program is killed
     */
    public Tesseract(String command, String language, long pageTimeoutMillis) {
        this.command = command;
        this.language = language;
        this.pageTimeoutMillis = pageTimeoutMillis;
    }

    /** Whether the program runs and has the model, asked once per program and model in a process. */
    public Status status() {
        return STATUS.computeIfAbsent(command + "\u0000" + language, k -> probe());
    }

    private Status probe() {
        String version;
        try {
            String out = run(List.of(command, "--version"), null, 20_000);
            version = out.lines().findFirst().orElse("tesseract").strip();
        } catch (IOException e) {
            return new Status(null, "Tesseract is not installed (" + command + " cannot be run); to read scans, "
                    + INSTALL);
        }
        try {
            String langs = run(List.of(command, "--list-langs"), null, 20_000);
            boolean has = langs.lines().map(String::strip).anyMatch(language::equals);
            if (!has) {
                return new Status(version, "Tesseract has no " + language + " model; to read scans, " + INSTALL);
            }
        } catch (IOException e) {
            return new Status(version, "Tesseract cannot list its models (" + e.getMessage() + "); to read scans, "
                    + INSTALL);
        }
        return new Status(version, null);
    }

    /** The engine and model as provenance names them, e.g. "tesseract 5.3.0 chi_sim". */
    public String engine() {
        Status s = status();
        return (s.version() == null ? "tesseract" : s.version()) + " " + language;
    }

    /**
     * The words Tesseract reads on an 8-bit grey image.
     *
     * @param segmentation Tesseract's page segmentation mode (--psm)
     */
    public List<OcrWord> words(BufferedImage grey, int segmentation) throws IOException {
        byte[] pgm = pgm(grey);
        String hocr = run(List.of(command, "stdin", "stdout", "-l", language, "--psm", Integer.toString(segmentation),
                "-c", "hocr_char_boxes=1", "hocr"), pgm, pageTimeoutMillis);
        return OcrWord.parseHocr(hocr);
    }

    /** An 8-bit grey image as a binary PGM (P5): nothing to compress, nothing for Tesseract to decode. */
    static byte[] pgm(BufferedImage grey) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("not an 8-bit grey image");
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] header = ("P5\n" + grey.getWidth() + " " + grey.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        int w = grey.getWidth();
        int stride = grey.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel c
                ? c.getScanlineStride() : w;
        byte[] out = new byte[header.length + w * grey.getHeight()];
        System.arraycopy(header, 0, out, 0, header.length);
        for (int y = 0; y < grey.getHeight(); y++) {
            System.arraycopy(pixels, y * stride, out, header.length + y * w, w);
        }
        return out;
    }

    /** Runs the program with {@code input} on stdin and returns its stdout; its stderr only explains a failure. */
    private static String run(List<String> cmd, byte[] input, long timeoutMillis) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            try (OutputStream in = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
                if (input != null) {
                    in.write(input);
                }
            } catch (IOException e) {
                // the program stopped reading (it failed): its exit status and stderr say why
            }
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new IOException("Tesseract took longer than " + timeoutMillis / 1000 + " s on a page");
            }
            String stdout = new String(out.join(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
                throw new IOException("Tesseract failed (exit " + p.exitValue() + ")"
                        + (stderr.isEmpty() ? "" : ": " + lastLine(stderr)));
            }
            return stdout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Tesseract ran", e);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static String lastLine(String text) {
        List<String> lines = new ArrayList<>(text.lines().filter(l -> !l.isBlank()).toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
