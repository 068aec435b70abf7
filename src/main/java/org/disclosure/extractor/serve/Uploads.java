package org.disclosure.extractor.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Puts uploaded files into a batch: each file into a numbered folder of its own under {@code input/}, under its name
 * cleaned of anything that could make it a path; a zip is unpacked the same way, entry by entry. Every limit is
 * checked while the bytes arrive, so an oversized upload is stopped, not stored, and says which limit it met.
 */
final class Uploads {

    /** An upload refused, with the message the page shows (HTTP status 413 for a limit, 400 for a bad file). */
    static final class Refused extends IOException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final UploadLimits limits;

    Uploads(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * Stores one uploaded file (or unpacks a zip) into the batch; returns the names stored.
     *
     * @param name the name the browser gave, used only as a label after cleaning
     * @param size the declared length, or -1 when not known
     */
    synchronized List<String> add(Path batch, String name, long size, InputStream body) throws IOException {
        String clean = cleanName(name);
        ObjectNode meta = (ObjectNode) BatchStore.meta(batch);
        if (meta.has("started")) {
            throw new Refused(409, "this batch has started; make a new batch for more files");
        }
        ArrayNode files = (ArrayNode) meta.get("files");
        if (files.size() >= limits.maxFiles()) {
            throw new Refused(413, clean + ": a batch holds at most " + limits.maxFiles() + " files; start another batch for the rest");
        }
        long used = used(files);
        if (size > limits.maxFileBytes()) {
            throw new Refused(413, clean + ": " + mb(size) + " is more than the " + mb(limits.maxFileBytes()) + " a file may have");
        }
        if (size >= 0 && used + size > limits.maxBatchBytes()) {
            throw new Refused(413, clean + ": the batch would pass its " + mb(limits.maxBatchBytes()) + "; start another batch");
        }
        boolean zip = clean.toLowerCase(Locale.ROOT).endsWith(".zip");
        // a zip waits beside input/ while it is unpacked; a file goes straight into its own numbered folder
        Path dir = zip ? batch : batch.resolve("input").resolve(String.valueOf(files.size() + 1));
        Files.createDirectories(dir);
        Path file = zip ? batch.resolve("upload-" + BatchStore.token() + ".zip") : dir.resolve(clean);
        long written;
        try (OutputStream out = Files.newOutputStream(file)) {
            written = copy(body, out, Math.min(limits.maxFileBytes(), limits.maxBatchBytes() - used), clean);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            if (!zip) {
                Files.deleteIfExists(dir);
            }
            throw e;
        }
        if (zip) {
            List<String> names;
            try {
                names = unzip(file, clean, batch, files, used);
            } finally {
                Files.deleteIfExists(file);
                BatchStore.writeMeta(batch, meta); // the entries unpacked before a limit stopped it are kept
            }
            return names;
        }
        record(files, clean, written, null);
        BatchStore.writeMeta(batch, meta);
        return List.of(clean);
    }

    private static void record(ArrayNode files, String name, long size, String zip) {
        ObjectNode f = files.addObject();
        f.put("n", files.size());
        f.put("name", name);
        f.put("size", size);
        if (zip != null) {
            f.put("zip", zip);
        }
    }

    private static long used(ArrayNode files) {
        long used = 0;
        for (var f : files) {
            used += f.path("size").asLong();
        }
        return used;
    }

    /** Copies at most {@code limit} bytes; more is an oversized upload, refused. */
    private long copy(InputStream in, OutputStream out, long limit, String name) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new Refused(413, name + ": more than the " + mb(limit) + " a file may have here (the batch's or the file's limit)");
            }
            out.write(buf, 0, n);
        }
        return total;
    }

    /**
     * Unpacks a zip's files into the batch. The whole zip is refused, before anything is unpacked, when an entry
     * would climb out of its folder ({@code ../}), is an absolute path, or is a link; entries beyond the limits stop it.
     */
    private List<String> unzip(Path zip, String zipName, Path batch, ArrayNode files, long used) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(z.getEntries());
            for (ZipArchiveEntry e : entries) {
                String entry = entryName(e);
                if (e.isUnixSymlink()) {
                    throw new Refused(400, zipName + ": the entry " + entry + " is a link; a zip with links is refused");
                }
                String normal = entry.replace('\\', '/');
                if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*") || List.of(normal.split("/")).contains("..")) {
                    throw new Refused(400, zipName + ": the entry " + entry
                            + " would be written outside the folder it is unpacked in; the zip is refused");
                }
            }
            for (ZipArchiveEntry e : entries) {
                if (e.isDirectory()) {
                    continue;
                }
                String entry = entryName(e);
                String clean = cleanName(entry);
                String base = entry.substring(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\')) + 1);
                if (base.startsWith(".") || entry.startsWith("__MACOSX/")) {
                    continue; // a Mac's resource forks and hidden files are not reports
                }
                if (files.size() >= limits.maxFiles()) {
                    throw new Refused(413, zipName + ": a batch holds at most " + limits.maxFiles()
                            + " files; the zip's " + entry + " and later entries were not added");
                }
                Path dir = batch.resolve("input").resolve(String.valueOf(files.size() + 1));
                Files.createDirectories(dir);
                Path file = dir.resolve(clean);
                long written;
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(file)) {
                    written = copy(in, out, Math.min(limits.maxFileBytes(), limits.maxBatchBytes() - used), clean);
                } catch (IOException ex) {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir);
                    throw ex;
                }
                used += written;
                record(files, clean, written, zipName);
                names.add(clean);
            }
        } catch (Refused r) {
            throw r;
        } catch (IOException e) {
            throw new Refused(400, zipName + ": not a zip that can be opened (" + e.getMessage() + ")");
        }
        return names;
    }

    /** An entry's name: UTF-8 where the zip says so, else as Windows' Chinese zips write them (GB18030). */
    private static String entryName(ZipArchiveEntry e) {
        if (e.getGeneralPurposeBit().usesUTF8ForNames()) {
            return e.getName();
        }
        return new String(e.getRawName(), Charset.forName("GB18030"));
    }

    /**
     * The name a file is stored under: the last part of what the browser sent, with control characters and anything
     * that separates paths dropped, never empty, "." or "..", at most 120 characters (the extension kept).
     */
    static String cleanName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        n.codePoints().forEach(c -> {
            boolean ok = Character.isLetterOrDigit(c) || "._-()（）【】[]《》 +,，、".indexOf(c) >= 0;
            b.appendCodePoint(ok ? c : '_');
        });
        String clean = b.toString().strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        if (clean.isEmpty()) {
            clean = "file";
        }
        if (clean.length() > 120) {
            int dot = clean.lastIndexOf('.');
            String ext = dot > 0 && clean.length() - dot <= 8 ? clean.substring(dot) : "";
            clean = clean.substring(0, 120 - ext.length()) + ext;
        }
        return clean;
    }

    static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0) : bytes / 1024 + " KB";
    }
}
