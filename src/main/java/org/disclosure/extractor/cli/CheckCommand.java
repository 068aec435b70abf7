package org.disclosure.extractor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.Finding;
import org.disclosure.extractor.extract.ReportRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `check`: prints where reports contradict themselves, grouped by report, with the sentences quoted. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Reads reports and prints their consistency findings, grouped by report, each with the",
                "sentences or table cells involved. Exit status: 0 when no finding is an error, 1 when at",
                "least one is, 2 when no file could be read or on a usage error."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<file or folder>", description = "Report files or folders of them.")
    List<Path> inputs;

    @Option(names = "--errors-only", description = "Leave out warnings.")
    boolean errorsOnly;

    @Mixin
    GrammarsOption grammars;

    @Override
    public Integer call() throws IOException {
        if (!grammars.apply()) {
            return 2;
        }
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                System.err.println(in + ": no such file or folder");
                return 2;
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Pipeline pipeline = new Pipeline();
        boolean anyRead = false;
        boolean anyError = false;
        for (Path file : InputFiles.expand(inputs)) {
            Pipeline.Outcome outcome = pipeline.process(file, file.toString());
            if (outcome instanceof Pipeline.Failed f) {
                System.err.println(f.message());
                continue;
            }
            anyRead = true;
            ReportRecord record = ((Pipeline.Extracted) outcome).record();
            List<Finding> findings = record.findings().stream().filter(f -> !errorsOnly || f.isError()).toList();
            anyError |= findings.stream().anyMatch(Finding::isError);
            String who = record.field("doc.department").map(v -> v.value() + " ").orElse("")
                    + record.field("doc.fiscal_year").map(v -> v.value() + " ").orElse("");
            out.printf("%s  %s— %d finding%s%n", file, who, findings.size(), findings.size() == 1 ? "" : "s");
            for (Finding f : findings) {
                out.printf("  [%s] %s  %s%n", f.severity(), f.rule(), f.messageZh());
                out.printf("          %s%n", f.messageEn());
                for (FieldValue v : f.values()) {
                    var p = v.provenance();
                    out.printf("          %s = %s  %s«%s»%n", v.key(), v.value(),
                            p.page() == null ? "" : "p" + p.page() + " ", p.text());
                }
            }
        }
        if (!anyRead) {
            return 2;
        }
        return anyError ? 1 : 0;
    }
}
