package org.disclosure.extractor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.disclosure.extractor.evaluate.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `evaluate`: scores records against gold records, field by field. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Score records against gold records: precision, recall and F1 per field.",
        description = {"Scores records.jsonl against a folder of gold records (one JSON per document, as in",
                "../shared/gold): precision, recall and F1 per document and per field, then every miss.",
                "The last line is the micro-averaged F1. Exit status 1 when --min-f1 is given and not reached."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "<dir>", description = "Folder of gold records.")
    Path gold;

    @Parameters(paramLabel = "<records.jsonl>", description = "The records to score.")
    Path records;

    @Option(names = "--min-f1", paramLabel = "<f1>", description = "Fail (exit 1) below this F1.")
    Double minF1;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(gold)) {
            return UsageErrors.report(spec, "--gold " + gold + (Files.exists(gold) ? " is a file" : ": no such folder")
                    + "; give the folder of gold records (one JSON file per document)");
        }
        if (!Files.isRegularFile(records)) {
            return UsageErrors.report(spec, records + (Files.isDirectory(records) ? " is a folder" : ": no such file")
                    + "; give the records.jsonl an extract run wrote");
        }
        Evaluation.Result r;
        try {
            r = Evaluation.run(gold, records);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            System.err.println("evaluate: " + records + " or a gold record in " + gold + " is not JSON Lines as extract "
                    + "writes them (" + e.getOriginalMessage() + ")");
            return 1;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf("%-52s %4s %4s %4s %6s%n", "record", "tp", "fp", "fn", "F1");
        r.byDocument().forEach((doc, c) -> out.printf("%-52s %4d %4d %4d %6.3f%n", doc, c.tp(), c.fp(), c.fn(), c.f1()));
        out.println();
        out.printf("%-36s %4s %4s %4s %6s%n", "field", "tp", "fp", "fn", "F1");
        for (Map.Entry<String, Evaluation.Counts> e : r.byField().entrySet()) {
            Evaluation.Counts c = e.getValue();
            out.printf("%-36s %4d %4d %4d %6.3f%n", e.getKey(), c.tp(), c.fp(), c.fn(), c.f1());
        }
        out.println();
        for (Evaluation.Miss m : r.misses()) {
            out.printf("%-8s %s %s: gold %s got %s%n", m.what(), m.document(), m.key(), m.gold(), m.got());
        }
        out.printf("F1 %.4f precision %.4f recall %.4f over %d records%n",
                r.total().f1(), r.total().precision(), r.total().recall(), r.byDocument().size());
        return minF1 != null && r.total().f1() < minF1 ? 1 : 0;
    }
}
