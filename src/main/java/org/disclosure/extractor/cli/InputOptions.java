package org.disclosure.extractor.cli;

import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.batch.InputFiles;
import picocli.CommandLine.Option;

/** `--follow-links`, shared by the commands that take files: which files under the inputs given are read. */
final class InputOptions {

    @Option(names = "--follow-links",
            description = "Follow links wherever they lead. By default a link is followed only to a file inside the "
                    + "folders given (for a file named by itself: inside its own folder); others are listed as "
                    + "link-outside-input and not read.")
    boolean followLinks;

    /** The files to read under the inputs, and the inputs refused (each with its one-line message). */
    InputFiles.Selection select(List<Path> inputs, long maxBytes, Path outFolder) {
        return InputFiles.select(inputs, new InputFiles.Rules(maxBytes, followLinks, outFolder));
    }
}
