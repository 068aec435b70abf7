package org.disclosure.extractor.batch;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * workers.log, bounded: what the worker processes (and the libraries, when a single file is read in the
 * run's own process) write on stderr, kept up to {@link #DEFAULT_PER_FILE} bytes per file read and
 * {@link #DEFAULT_PER_RUN} per run. What goes beyond is counted and left out, with one line saying how
 * much; the writer is never made to wait (a damaged PDF can make a library warn millions of times).
 */
final class WorkerLog implements Closeable {

    /** Bytes kept of what is written while one file is read: 1 MB. */
    static final long DEFAULT_PER_FILE = 1L << 20;
    /** Bytes kept in all: 50 MB. */
    static final long DEFAULT_PER_RUN = 50L << 20;

    private final OutputStream out;
    private final long perFile;
    private final long perRun;
    private long written;
    private long droppedInRun;
    private boolean atLineStart = true;

    WorkerLog(Path file, long perFile, long perRun) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.perFile = perFile;
        this.perRun = perRun;
    }

    /** A new source of text: one worker, or the run's own stderr while it reads a file. */
    Source source() {
        return new Source();
    }

    private void keep(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            // a log that cannot be written (full disk) must not stop the run
        }
        written += len;
        if (len > 0) {
            atLineStart = b[off + len - 1] == '\n';
        }
    }

    private void note(String line) {
        byte[] b = ((atLineStart ? "" : "\n") + line + "\n").getBytes(StandardCharsets.UTF_8);
        keep(b, 0, b.length);
        flush();
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            // as above
        }
    }

    @Override
    public synchronized void close() {
        if (droppedInRun > 0) {
            note("… " + droppedInRun + " more bytes left out (workers.log keeps at most " + mb(perRun) + " per run)");
        }
        try {
            out.close();
        } catch (IOException e) {
            // as above
        }
    }

    private static String mb(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    /** What one source writes, counted against the file it is reading at the time. */
    final class Source extends OutputStream {
        private String file = "(worker start)";
        private long fileBytes;
        private long dropped;

        /** From now on what is written is counted against this file. */
        void begin(String label) {
            synchronized (WorkerLog.this) {
                end();
                file = label;
            }
        }

        /** The file is done: says how much of what was written while reading it was left out. */
        void end() {
            synchronized (WorkerLog.this) {
                if (dropped > 0 && written < perRun) {
                    note("… " + dropped + " more bytes from " + file + " left out (workers.log keeps at most "
                            + mb(perFile) + " per file)");
                } else {
                    flush();
                }
                fileBytes = 0;
                dropped = 0;
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (WorkerLog.this) {
                long fileRoom = Math.max(0, perFile - fileBytes);
                long runRoom = Math.max(0, perRun - written);
                int kept = (int) Math.min(len, Math.min(fileRoom, runRoom));
                if (kept > 0) {
                    keep(b, off, kept);
                }
                fileBytes += len;
                int left = len - kept;
                if (left > 0) {
                    if (runRoom <= fileRoom) {
                        droppedInRun += left;
                    } else {
                        dropped += left;
                    }
                }
            }
        }

        @Override
        public void flush() {
            synchronized (WorkerLog.this) {
                WorkerLog.this.flush();
            }
        }

        /** Copies a stream into this source until it ends, on a daemon thread of its own. */
        void pump(InputStream in, String name) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[1 << 16];
                try (in) {
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        write(buf, 0, n);
                    }
                } catch (IOException e) {
                    // the process is gone
                }
                end();
            }, name);
            t.setDaemon(true);
            t.start();
        }
    }
}
