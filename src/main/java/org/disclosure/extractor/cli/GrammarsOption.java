package org.disclosure.extractor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosure.extractor.GrammarFiles;
import picocli.CommandLine.Option;

/** `--grammars <dir>`, shared by the commands that extract: grammars from a folder instead of the bundled ones. */
final class GrammarsOption {

    @Option(names = "--grammars", paramLabel = "<dir>",
            description = "Read grammars from this folder instead of those built into the program "
                    + "(to try an edited grammar without rebuilding).")
    Path grammars;

    /** Makes the folder, if given, the one grammars are read from; false (with a message) when it does not exist. */
    boolean apply() {
        if (grammars == null) {
            return true;
        }
        if (!Files.isDirectory(grammars)) {
            System.err.println("--grammars " + grammars + ": no such folder; give the folder that holds the grammar files (*.yaml)");
            return false;
        }
        // absolute: worker processes inherit the property and may not share the working folder's meaning
        System.setProperty(GrammarFiles.PROPERTY, grammars.toAbsolutePath().toString());
        return true;
    }
}
