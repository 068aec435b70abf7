package org.disclosure.extractor.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.disclosure.extractor.report.Departments;
import org.disclosure.extractor.report.ReportSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `report`: one self-contained HTML page per department from the records of one or more runs, and an index. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write one HTML page per department, with charts, from the records of extract runs.",
        description = {"Reads the records of one or more extract runs (their folders or records.jsonl files) and",
                "writes <out>/index.html, every department sorted by region, and <out>/departments/*.html: each",
                "department's reports over the years, its “三公” expenses and their items, the structure of its",
                "expenditure (basic and project; by 类), and its findings with the sentences they rest on.",
                "The pages need no network: style and charts (SVG) are inside each file."})
final class ReportCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<run>", description = "Folders of extract runs, or their records.jsonl files.")
    List<Path> runs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<dir>", description = "Folder for the pages.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (Path run : runs) {
            Path file = Files.isDirectory(run) ? run.resolve("records.jsonl") : run;
            if (!Files.isRegularFile(file)) {
                return UsageErrors.report(spec, run + (Files.isDirectory(run) ? " holds no records.jsonl" : ": no such file")
                        + "; give the folder an extract run wrote, or its records.jsonl");
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                return UsageErrors.report(spec, "--out " + out + " is a file; give a folder for the pages");
            }
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int n = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        records.add(JSON.readTree(line));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        System.err.println(file + ":" + n + ": not a record as extract writes them (" + e.getOriginalMessage()
                                + "); line skipped");
                    }
                }
            }
        }
        int pages = ReportSite.write(Departments.of(records), out);
        System.err.println("report: " + records.size() + " records, " + pages + " departments -> " + out.resolve("index.html"));
        return 0;
    }
}
