package org.disclosure.extractor.batch;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Tells the user how a run is going, on stderr: a bar redrawn in place on a terminal, a plain line every
 * so often otherwise (a log file or CI). Thread-safe.
 */
public final class Progress implements AutoCloseable {

    /** How progress is shown: {@code auto} picks bar on a terminal and lines otherwise. */
    public enum Mode { AUTO, BAR, LINES, NONE }

    private final PrintStream err;
    private final Mode mode;
    private final int total;
    private final long started = System.nanoTime();
    private final long linesEveryNanos;
    private final Thread ticker;
    private int done;
    private int errors;
    private int ocrPages;
    private long lastLine = System.nanoTime();

    Progress(PrintStream err, Mode mode, int total, long linesEverySeconds) {
        this.err = err;
        this.mode = mode == Mode.AUTO ? (System.console() != null ? Mode.BAR : Mode.LINES) : mode;
        this.total = total;
        this.linesEveryNanos = linesEverySeconds * 1_000_000_000L;
        ticker = new Thread(this::tick, "progress");
        ticker.setDaemon(true);
        if (this.mode != Mode.NONE && total > 0) {
            ticker.start();
        }
    }

    boolean showsBar() {
        return mode == Mode.BAR;
    }

    synchronized void fileDone(boolean error) {
        done++;
        if (error) {
            errors++;
        }
    }

    /** Pages read by OCR in a file just done: shown, as they are what makes a run of scans slow. */
    synchronized void ocrPages(int pages) {
        ocrPages += pages;
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(mode == Mode.BAR ? 250 : 1000);
                show(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void show(boolean last) {
        long now = System.nanoTime();
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 && done < total ? duration((total - done) / rate) : "-";
        String status = String.format(Locale.ROOT, "%d/%d files (%d%%), %.1f files/s, ETA %s, %d errors",
                done, total, total == 0 ? 100 : done * 100 / total, rate, eta, errors)
                + (ocrPages > 0 ? ", " + RunSummary.count(ocrPages, "page") + " read by OCR" : "");
        if (mode == Mode.BAR) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            err.print("\r[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + status + "   ");
            if (last) {
                err.println();
            }
            err.flush();
        } else if (mode == Mode.LINES && !last && now - lastLine >= linesEveryNanos) {
            err.println("extract: " + status);
            lastLine = now;
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }

    @Override
    public void close() {
        ticker.interrupt();
        if (mode == Mode.BAR && total > 0) {
            show(true);
        }
    }
}
