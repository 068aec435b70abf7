package org.disclosure.extractor.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.batch.InputFiles;
import org.disclosure.extractor.ingest.Document;
import org.disclosure.extractor.ingest.DocumentReader;
import org.disclosure.extractor.ingest.UnreadableDocumentException;
import org.disclosure.extractor.outline.Outline;
import org.disclosure.extractor.output.DocumentPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `inspect`: prints the document model of one file, the view to open when a value is missing. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Print how one file was read: its text and tables by page, or its section tree.",
        description = {"Prints how a file was read: its blocks in order with page numbers and offsets,",
                "headings marked, tables drawn as grids. Use it to see why a value was not found."})
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<file>", description = "The report file.")
    Path file;

    @Option(names = "--raw", description = "Show the text as read, before CJK normalisation.")
    boolean raw;

    @Option(names = "--sections", description = "Show the section tree instead: each heading with its level, "
            + "canonical name (the key grammars are keyed on), scope and page.")
    boolean sections;

    @Mixin
    InputOptions inputOptions;

    @Override
    public Integer call() {
        if (Files.isDirectory(file)) {
            return UsageErrors.report(spec, file + " is a folder; inspect takes one file (check <folder> goes through a folder's files)");
        }
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            return UsageErrors.report(spec, file + ": no such file");
        }
        // a link out of its folder, a pipe or a device is refused before anything opens it
        InputFiles.Selection selection = inputOptions.select(List.of(file), DocumentReader.DEFAULT_MAX_BYTES, null);
        if (!selection.rejected().isEmpty()) {
            System.err.println(selection.rejected().get(0).message());
            return 1;
        }
        try {
            Document doc = new Pipeline().read(file, file.toString(), !raw);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            if (sections) {
                DocumentPrinter.printSections(doc, Outline.build(doc), out);
            } else {
                DocumentPrinter.print(doc, out);
            }
            return 0;
        } catch (UnreadableDocumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
