package org.disclosure.extractor.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

/**
 * One run per output folder: the run holds {@code <out>/.lock}, a file naming its pid and start time, locked
 * by the operating system for as long as the run lives (so a run that was killed leaves a lock nobody
 * holds). A second run into the folder is refused, naming the holder; a lock file left by a run that is
 * no longer running is taken over with a note. Where the file system cannot lock files, the pid alone
 * decides: a lock whose pid is not a live java process is stale.
 */
final class RunLock implements AutoCloseable {

    static final String NAME = ".lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The pid and start of the run holding a lock, as written in its file. */
    record Holder(long pid, String started) {

        static Optional<Holder> parse(String text) {
            String[] parts = text.trim().split("\\s+");
            try {
                return Optional.of(new Holder(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "?"));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Whether the pid is a live java process (of the same start, when the file says it). */
        boolean alive() {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return false;
            }
            ProcessHandle.Info info = p.get().info();
            boolean java = info.command().map(c -> Path.of(c).getFileName().toString().toLowerCase().startsWith("java")).orElse(true);
            boolean sameStart = info.startInstant().map(s -> started.equals("?") || s.toString().equals(started)).orElse(true);
            return java && sameStart;
        }

        String describe() {
            return "pid " + pid + (started.equals("?") ? "" : ", started " + started);
        }
    }

    /**
     * Takes the folder's lock.
     *
     * @throws Batch.Refused when another run that is still alive holds it
     */
    static RunLock take(Path dir, PrintStream err) throws IOException {
        Path file = dir.resolve(NAME);
        for (int attempt = 0; ; attempt++) {
            Object before = fileKey(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            boolean osLocks = true;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another run in this very JVM
            } catch (IOException e) {
                lock = null;
                osLocks = false; // a file system without locks: the pid decides
            }
            Optional<Holder> holder = Holder.parse(read(ch));
            if (lock == null && (osLocks || holder.map(Holder::alive).orElse(false))) {
                ch.close();
                throw new Batch.Refused(dir + ": another run is writing into this folder ("
                        + holder.map(Holder::describe).orElse("pid unknown") + "); wait for it to end, or write into another folder with -o");
            }
            Object after = fileKey(file);
            if (after == null || before != null && !before.equals(after)) {
                ch.close(); // the holder removed the file as we opened it: lock the one there now
                if (attempt < 5) {
                    continue;
                }
                throw new Batch.Refused(dir + ": could not lock " + file + "; is another run starting into this folder?");
            }
            ProcessHandle me = ProcessHandle.current();
            String text = me.pid() + " " + me.info().startInstant().map(Instant::toString).orElse("?") + "\n";
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            holder.ifPresent(h -> err.println(dir + ": taking over the lock of a run that is no longer running (" + h.describe() + ")"));
            return new RunLock(file, ch, lock);
        }
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    /**
     * The identity of the file at the path (device and inode), found without opening it: opening and
     * closing a file would let go of this process's lock on it (POSIX locks are per process, per file).
     */
    private static Object fileKey(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key == null ? "no keys here" : key;
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes the lock file, then lets go of the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            if (lock != null) {
                lock.release();
            }
            channel.close();
        }
    }
}
