package org.disclosure.extractor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Where the libraries that read a file in this process (POI, PDFBox, Tika, HanLP) print and log while
 * {@code inspect} reads it: a temporary file of bounded size rather than the user's terminal, where a hostile
 * file would print pages of stack traces (or gigabytes of warnings). Named to the user in one line when
 * anything was written; deleted when nothing was.
 */
final class LibraryLog implements AutoCloseable {

    /** What a log may hold before the rest is dropped with a note. */
    static final long LIMIT = 4L << 20;

    private final Path file;
    private final Bounded sink;
    private final PrintStream err = System.err;
    private final PrintStream out = System.out;
    private final Handler[] handlers;
    private final Handler toLog;
    private boolean closed;

    /** From now until {@link #close()}, stdout, stderr and java.util.logging go to a new temporary file. */
    LibraryLog(String command) throws IOException {
        this(Files.createTempFile("disclosure-extractor-" + command + "-", ".log"), LIMIT);
    }

    LibraryLog(Path file, long limit) throws IOException {
        this.file = file;
        this.sink = new Bounded(Files.newOutputStream(file), limit);
        PrintStream captured = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Logger root = Logger.getLogger("");
        handlers = root.getHandlers();
        toLog = new StreamHandler(captured, new SimpleFormatter());
        for (Handler h : handlers) {
            root.removeHandler(h);
        }
        root.addHandler(toLog);
        System.setErr(captured);
        System.setOut(captured);
    }

    /** Gives stdout, stderr and logging back; returns the line that names the log, or null when it is empty (and deleted). */
    String release(String command) {
        close();
        try {
            if (Files.size(file) == 0) {
                Files.delete(file);
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return command + ": the libraries reading the file logged messages; they are in " + file;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.setErr(err);
        System.setOut(out);
        Logger root = Logger.getLogger("");
        toLog.flush();
        root.removeHandler(toLog);
        for (Handler h : handlers) {
            root.addHandler(h);
        }
        sink.closeQuietly();
    }

    /** A stream that keeps the first {@code limit} bytes, notes that the rest was dropped, and ignores writes once closed. */
    private static final class Bounded extends OutputStream {
        private final OutputStream target;
        private final long limit;
        private long written;
        private boolean closed;

        Bounded(OutputStream target, long limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (closed || written > limit) {
                return;
            }
            int keep = (int) Math.min(len, limit - written);
            target.write(b, off, keep);
            written += keep;
            if (keep < len) {
                target.write(("\n[log truncated at " + limit + " bytes]\n").getBytes(StandardCharsets.UTF_8));
                written = limit + 1;
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (!closed) {
                target.flush();
            }
        }

        synchronized void closeQuietly() {
            if (!closed) {
                closed = true;
                try {
                    target.close();
                } catch (IOException e) {
                    // the log is only for reading later
                }
            }
        }
    }
}
