package org.disclosure.extractor.batch;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.disclosure.extractor.output.DataDictionary;
import org.disclosure.extractor.output.ParquetFiles;
import org.disclosure.extractor.output.RunOutputs;

/**
 * Which files a run reads, from the files and folders a user gives: every command that takes files
 * (extract, check, inspect) selects them here, by the same rules. Folders are searched recursively and
 * their files read in a stable (sorted) order; hidden files and folders are left out. Only regular files
 * are read: a named pipe, a device or a socket is refused by its type before anything opens it, and a file
 * over the size limit before anything hashes it. A link is followed only when its target lies inside one of
 * the folders given (for a file named by itself: inside its own folder), unless links are allowed. A folder
 * that cannot be read, or a path too long to open, is one rejected input and the search goes on. The run's
 * output folder is never searched, nor the outputs of earlier runs read as reports.
 */
public final class InputFiles {

    /** An input that is not read, with a short reason (as in errors.jsonl) and a one-line message. */
    public record Rejected(Path path, String reason, String message) {
    }

    /** The files to read, in order, and the inputs refused. */
    public record Selection(List<Path> files, List<Rejected> rejected) {

        /** Every input found: the files to read, then those refused. */
        public List<Path> all() {
            List<Path> all = new ArrayList<>(files);
            rejected.forEach(r -> all.add(r.path()));
            return all;
        }
    }

    /**
     * How files are chosen.
     *
     * @param maxBytes    files larger than this are refused (too-large)
     * @param followLinks follow links wherever their target lies
     * @param outFolder   the folder the run writes into (never read), or null
     */
    public record Rules(long maxBytes, boolean followLinks, Path outFolder) {
    }

    private InputFiles() {
    }

    /** Selects the files to read under the inputs given. An input that does not exist at all is rejected too. */
    public static Selection select(List<Path> inputs, Rules rules) {
        Path out = realOrNull(rules.outFolder());
        List<Path> roots = new ArrayList<>();
        for (Path in : inputs) {
            Path real = realOrNull(in);
            if (real != null && Files.isDirectory(real)) {
                roots.add(real);
            }
        }
        List<Path> files = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                Walk walk = new Walk(rules, roots, out);
                try {
                    Set<FileVisitOption> options = rules.followLinks() ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : Set.of();
                    Files.walkFileTree(in, options, Integer.MAX_VALUE, walk);
                } catch (IOException e) {
                    walk.rejected.add(unreadable(in, true, e));
                }
                walk.files.sort(Comparator.naturalOrder());
                walk.rejected.sort(Comparator.comparing(Rejected::path));
                files.addAll(walk.files);
                rejected.addAll(walk.rejected);
            } else {
                Rejected refusal = given(in, rules, out);
                if (refusal == null) {
                    files.add(in);
                } else {
                    rejected.add(refusal);
                }
            }
        }
        return new Selection(List.copyOf(files), List.copyOf(rejected));
    }

    /** Why a file named by the user is not read, or null when it is. */
    private static Rejected given(Path file, Rules rules, Path out) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                return brokenLink(file);
            }
            return new Rejected(file, "no-such-file", file + ": no such file or folder");
        } catch (IOException e) {
            return unreadable(file, false, e);
        }
        Path real = realOrNull(file);
        if (real != null && (out != null && out.equals(real.getParent()) || runOutput(real))) {
            return new Rejected(file, "output-file", file + ": is an output of an extract run, not a report (not read)");
        }
        if (Files.isSymbolicLink(file) && !rules.followLinks()) {
            Path folder = realOrNull(file.toAbsolutePath().getParent());
            if (real == null || folder == null || !real.startsWith(folder)) {
                return new Rejected(file, "link-outside-input", file + ": is a link to " + real
                        + ", outside its folder (not read; give that file itself, or use --follow-links)");
            }
        }
        return checked(file, attrs, rules);
    }

    /** Refuses a file that is not a regular one, or that is too large; null when it may be read. */
    private static Rejected checked(Path file, BasicFileAttributes attrs, Rules rules) {
        if (!attrs.isRegularFile()) {
            return new Rejected(file, "not-a-regular-file", file + ": is " + kind(file, attrs)
                    + ", not a regular file; only regular files are read (not read)");
        }
        if (attrs.size() > rules.maxBytes()) {
            return new Rejected(file, "too-large", file + ": " + attrs.size() + " bytes is over the size limit of "
                    + rules.maxBytes() + " bytes (not read; extract --max-size raises the limit)");
        }
        return null;
    }

    /** A named pipe, a device, a socket: what a file that is not a regular file is, from its mode. */
    private static String kind(Path file, BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return "a folder";
        }
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    private static Rejected brokenLink(Path link) {
        String target;
        try {
            target = String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException | RuntimeException e) {
            target = "?";
        }
        return new Rejected(link, "broken-link", link + ": is a link to " + target + ", which does not exist (not read)");
    }

    private static Rejected unreadable(Path path, boolean folder, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
        boolean tooLong = why.toLowerCase(java.util.Locale.ROOT).contains("name too long");
        String what = tooLong ? "path" : folder ? "folder" : "file";
        return new Rejected(path, folder ? "unreadable-folder" : "unreadable-file",
                path + ": cannot open this " + what + " (" + why + ")"
                        + (tooLong ? "; its path is longer than the system allows, move it to a shorter one" : "")
                        + " (not read; the run goes on without it)");
    }

    private static Path realOrNull(Path p) {
        if (p == null) {
            return null;
        }
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The files an extract run writes into its output folder. */
    private static final Set<String> RUN_OUTPUTS = runOutputs();

    private static Set<String> runOutputs() {
        Set<String> names = new java.util.HashSet<>(List.of("records.jsonl", "errors.jsonl", "summary.json",
                "workers.log", DataDictionary.FILE));
        names.addAll(RunOutputs.FILES);
        // the panel, when written into a run's folder (panel -o <run>)
        names.addAll(List.of("panel.csv", "panel_findings.csv", "panel.xlsx", "panel.duckdb"));
        return Set.copyOf(names);
    }

    /**
     * A file an extract run wrote: one of its output names (or one being written: records.xlsx.tmp), in a folder
     * holding records.jsonl, or a file in the parquet/ folder of such a folder.
     */
    private static boolean runOutput(Path file) {
        Path name = file.getFileName();
        Path parent = file.getParent();
        String stem = name == null ? "" : name.toString().replaceFirst("\\.tmp$", "");
        return name != null && parent != null && (RUN_OUTPUTS.contains(stem) && runFolder(parent)
                || parquetOfRun(parent));
    }

    /** The parquet/ folder of a run's output folder, whose files a run wrote. */
    private static boolean parquetOfRun(Path dir) {
        Path name = dir.getFileName();
        return name != null && name.toString().equals(ParquetFiles.FOLDER) && dir.getParent() != null && runFolder(dir.getParent());
    }

    private static boolean runFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("records.jsonl"), LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** The search of one folder given by the user. */
    private static final class Walk extends SimpleFileVisitor<Path> {
        private final Rules rules;
        private final List<Path> roots;
        private final Path out;
        private Path start;
        private boolean startIsOut;
        final List<Path> files = new ArrayList<>();
        final List<Rejected> rejected = new ArrayList<>();

        Walk(Rules rules, List<Path> roots, Path out) {
            this.rules = rules;
            this.roots = roots;
            this.out = out;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (start == null) {
                start = dir;
                startIsOut = out != null && out.equals(realOrNull(dir));
                return FileVisitResult.CONTINUE;
            }
            if (hidden(dir) || parquetOfRun(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (out != null && out.equals(realOrNull(dir))) {
                return FileVisitResult.SKIP_SUBTREE; // what the run writes is never read
            }
            if (Files.isSymbolicLink(dir) && inside(realOrNull(dir))) {
                return FileVisitResult.SKIP_SUBTREE; // with --follow-links: a folder inside the inputs is read under its own name
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden(file)) {
                return FileVisitResult.CONTINUE;
            }
            if (startIsOut && file.getParent().equals(start) || runOutput(file)) {
                return FileVisitResult.CONTINUE; // what a run writes, this one or an earlier one, is not a report
            }
            if (attrs.isSymbolicLink()) { // a link not followed by the walk (without --follow-links, or broken)
                return link(file, realOrNull(file));
            }
            Rejected refusal = checked(file, attrs, rules);
            if (refusal == null) {
                files.add(file);
            } else {
                rejected.add(refusal);
            }
            return FileVisitResult.CONTINUE;
        }

        /** A link the walk does not follow by itself (without --follow-links, or whose target is gone). */
        private FileVisitResult link(Path link, Path target) {
            if (target == null) {
                rejected.add(brokenLink(link));
                return FileVisitResult.CONTINUE;
            }
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(target, BasicFileAttributes.class);
            } catch (IOException e) {
                rejected.add(unreadable(link, false, e));
                return FileVisitResult.CONTINUE;
            }
            boolean inside = inside(target);
            if (attrs.isDirectory()) {
                if (!inside) { // a folder inside the inputs is searched anyway, under its own name
                    rejected.add(outside(link, target));
                }
                return FileVisitResult.CONTINUE;
            }
            if (!inside && !rules.followLinks()) {
                rejected.add(outside(link, target));
                return FileVisitResult.CONTINUE;
            }
            Rejected refusal = checked(link, attrs, rules);
            if (refusal == null) {
                files.add(link);
            } else {
                rejected.add(refusal);
            }
            return FileVisitResult.CONTINUE;
        }

        private boolean inside(Path real) {
            return real != null && roots.stream().anyMatch(real::startsWith)
                    && (out == null || !real.startsWith(out));
        }

        private Rejected outside(Path link, Path target) {
            return new Rejected(link, "link-outside-input", link + ": is a link to " + target
                    + ", outside the folders given (not read; give that file itself, or use --follow-links)");
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE; // a link back to a folder being searched: read once already
            }
            if (Files.isSymbolicLink(file) && realOrNull(file) == null) {
                rejected.add(brokenLink(file));
                return FileVisitResult.CONTINUE;
            }
            rejected.add(unreadable(file, Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS), e));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                rejected.add(unreadable(dir, true, e));
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
