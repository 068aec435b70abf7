package org.disclosure.extractor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the grammars (the YAML files of the repo's grammars/ folder) are read from: the copy bundled into the
 * program at build time, or a folder named by the system property {@value #PROPERTY} (the `--grammars` option),
 * so a grammar can be edited and tried without rebuilding. Every stage reads its grammar through here.
 */
public final class GrammarFiles {

    /** System property naming a grammars folder that replaces the bundled one. */
    public static final String PROPERTY = "disclosure.grammars";

    private GrammarFiles() {
    }

    /** Opens one grammar file by name ("sections.yaml"); the caller closes it. */
    public static InputStream open(String name) throws IOException {
        String dir = System.getProperty(PROPERTY);
        if (dir != null && !dir.isBlank()) {
            Path file = Path.of(dir, name);
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": no such grammar file (the grammars folder must hold " + name + ")");
            }
            return Files.newInputStream(file);
        }
        InputStream in = GrammarFiles.class.getResourceAsStream("/grammars/" + name);
        if (in == null) {
            throw new IOException("grammars/" + name + " is missing from the program (rebuild with mvn package)");
        }
        return in;
    }

    /** The folder the grammars come from, for messages: the --grammars folder or "bundled grammars". */
    public static String origin() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? "bundled grammars" : dir;
    }
}
