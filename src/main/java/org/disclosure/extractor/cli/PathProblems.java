package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

/** Checks of the paths a user gives, and file-system failures put in words. */
final class PathProblems {

    private PathProblems() {
    }

    /** The first input that does not exist, as a message, or null. */
    static String missingInput(List<Path> inputs) {
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                return in + ": no such file or folder";
            }
        }
        return null;
    }

    /** The input folders under which no file was found. */
    static List<Path> emptyFolders(List<Path> inputs, List<Path> files) {
        return inputs.stream().filter(Files::isDirectory).filter(in -> files.stream().noneMatch(f -> f.startsWith(in))).toList();
    }

    /** "no files found in a, b": what to say when there is nothing to read. */
    static String noFiles(List<Path> folders) {
        return "no files found in " + String.join(", ", folders.stream().map(Path::toString).toList());
    }

    /** Why {@code out} cannot be the output folder, or null when it can (it may be created). */
    static String outputFolder(Path out, String option) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return option + " " + out + " is a file; give a folder (it is created if missing)";
        }
        for (Path p = out.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return option + " " + out + ": " + p + " is a file, so no folder can be made under it; give another folder";
                }
                break;
            }
        }
        return null;
    }

    /** An I/O failure in words: the path, then what went wrong, without the exception's class name. */
    static String describe(IOException e) {
        String path = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
        if (e instanceof AccessDeniedException) {
            return path + "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return path + "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return path + "is a file where a folder is needed";
        }
        if (e instanceof FileSystemException f) {
            return path + (f.getReason() != null ? f.getReason() : "cannot be read or written");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
