package org.disclosure.extractor.spark;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.disclosure.extractor.batch.InputFiles;

/**
 * Which files the job reads, listed on the driver from paths, folders and globs on any Hadoop file system (and
 * from list files naming them). Local files are chosen by the CLI's own rules; on other file systems by the same
 * rules where they apply: folders are searched recursively, hidden files and folders (a name starting with a dot)
 * are left out, as is the job's own output folder, and a file over the size limit is refused before anything reads
 * it.
 */
final class InputListing {

    /** An input not read, with its reason and message as errors.jsonl writes them. */
    record Rejected(String label, String reason, String message) implements java.io.Serializable {
    }

    /** The files to read (each once, in the order found) and the inputs refused. */
    record Listing(List<InputFile> files, List<Rejected> rejected) {
    }

    private InputListing() {
    }

    /**
     * @param inputs    paths, folders or globs
     * @param listFiles files (any Hadoop path) naming one input per line; blank lines and lines starting with # are skipped
     * @param maxBytes  files larger than this are refused (too-large)
     * @param output    the job's output folder, never read as input
     */
    static Listing of(List<String> inputs, List<String> listFiles, Configuration conf, long maxBytes, String output)
            throws IOException {
        List<String> all = new ArrayList<>(inputs);
        for (String list : listFiles) {
            all.addAll(readList(list, conf));
        }
        Path out = qualified(new Path(output), conf);
        Map<String, InputFile> files = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        for (String input : all) {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                rejected.add(new Rejected(input, "missing", input + ": no such file or folder (nothing read)"));
            } else if ("file".equals(fs.getUri().getScheme())) {
                local(matches, maxBytes, out, files, rejected);
            } else {
                for (FileStatus m : matches) {
                    if (m.isDirectory()) {
                        RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                        while (it.hasNext()) {
                            LocatedFileStatus f = it.next();
                            if (!hiddenBelow(f.getPath(), m.getPath()) && !inside(f.getPath(), out)) {
                                add(f, maxBytes, files, rejected);
                            }
                        }
                    } else if (!inside(m.getPath(), out)) {
                        add(m, maxBytes, files, rejected);
                    }
                }
            }
        }
        return new Listing(List.copyOf(files.values()), rejected);
    }

    /**
     * Local files and folders are chosen exactly as the CLI chooses them ({@link InputFiles}): only regular files
     * (a named pipe or a device is refused by its type), links only within the folders given, outputs of runs
     * left out.
     */
    private static void local(FileStatus[] matches, long maxBytes, Path out, Map<String, InputFile> files,
                              List<Rejected> rejected) {
        List<java.nio.file.Path> paths = new ArrayList<>();
        for (FileStatus m : matches) {
            paths.add(java.nio.file.Path.of(m.getPath().toUri()));
        }
        InputFiles.Selection selection = InputFiles.select(paths,
                new InputFiles.Rules(maxBytes, false, java.nio.file.Path.of(out.toUri())));
        for (java.nio.file.Path f : selection.files()) {
            String label = f.toString();
            long size;
            try {
                size = java.nio.file.Files.size(f);
            } catch (IOException e) {
                rejected.add(new Rejected(label, "unreadable-file", label + ": cannot be read (" + e.getMessage() + ")"));
                continue;
            }
            java.nio.file.Path readable = f;
            if (!java.nio.file.Files.exists(java.nio.file.Path.of(label)) && java.nio.file.Files.exists(f)) {
                try {
                    readable = linkTo(f, files.size());
                } catch (IOException e) {
                    rejected.add(new Rejected(label, "unreadable-file", label + ": its name cannot be passed on ("
                            + e.getMessage() + ")"));
                    continue;
                }
            }
            String uri = new Path("file", null, readable.toAbsolutePath().toString()).toString();
            files.putIfAbsent(uri, new InputFile(uri, label, size, null));
        }
        selection.rejected().forEach(r -> rejected.add(new Rejected(r.path().toString(), r.reason(), r.message())));
    }

    private static void add(FileStatus f, long maxBytes, Map<String, InputFile> files, List<Rejected> rejected) {
        String uri = f.getPath().toString();
        String label = label(f.getPath());
        if (!f.isFile()) {
            rejected.add(new Rejected(label, "not-a-file", label + ": not a regular file (not read)"));
        } else if (f.getLen() > maxBytes) {
            rejected.add(new Rejected(label, "too-large", label + ": " + f.getLen() + " bytes is over the size limit of "
                    + maxBytes + " bytes (not read; --max-size raises the limit)"));
        } else {
            files.putIfAbsent(uri, new InputFile(uri, label, f.getLen(), null));
        }
    }

    private static java.nio.file.Path links;

    /**
     * A link under a name that can be passed on, to a file whose name is in another encoding (GBK names unpacked
     * from a Windows zip): its name as a string names no file (the CLI does the same for its workers).
     */
    private static synchronized java.nio.file.Path linkTo(java.nio.file.Path file, int n) throws IOException {
        if (links == null) {
            links = java.nio.file.Files.createTempDirectory("disclosure-links");
            links.toFile().deleteOnExit();
        }
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')).replaceAll("[^.A-Za-z0-9]", "") : "";
        java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(links.resolve(n + ext), file.toAbsolutePath());
        link.toFile().deleteOnExit();
        return link;
    }

    /** The name records give a file: a local file's absolute path (as the CLI writes it), else its full URI. */
    static String label(Path path) {
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
    }

    /** Whether a name below the folder searched starts with a dot. */
    private static boolean hiddenBelow(Path file, Path root) {
        for (Path p = file; p != null && !p.equals(root) && p.getParent() != null; p = p.getParent()) {
            if (p.getName().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Path file, Path folder) {
        String f = file.toUri().getPath();
        String d = folder.toUri().getPath();
        return f.equals(d) || f.startsWith(d.endsWith("/") ? d : d + "/");
    }

    private static Path qualified(Path p, Configuration conf) throws IOException {
        return p.getFileSystem(conf).makeQualified(p);
    }

    private static List<String> readList(String list, Configuration conf) throws IOException {
        Path path = new Path(list);
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(path.getFileSystem(conf).open(path), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    lines.add(s);
                }
            }
        } catch (FileNotFoundException e) {
            throw new IOException(list + ": no such list of inputs", e);
        }
        return lines;
    }
}
