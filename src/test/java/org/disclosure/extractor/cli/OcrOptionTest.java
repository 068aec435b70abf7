package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.disclosure.extractor.ingest.ocr.OcrMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --ocr never|auto|always} and {@code --tesseract}: on every command that reads documents, checked before reading. */
class OcrOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "corpus/seeds/001_627f347534218911.txt";

    @Test
    void aModeNotAmongThemIsAUsageErrorNamingTheModes(@TempDir Path dir) {
        for (String command : List.of("extract", "check", "inspect")) {
            CliRun run = command.equals("extract")
                    ? CliRun.of(command, SEED, "-o", dir.resolve("out").toString(), "--ocr", "sometimes")
                    : CliRun.of(command, SEED, "--ocr", "sometimes");
            assertThat(run.status()).as(command).isEqualTo(UsageErrors.USAGE);
            assertThat(run.errLines().get(0)).as(command)
                    .isEqualTo(command + ": Invalid value for option '--ocr': expected one of [never, auto, always] but was 'sometimes'");
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @Test
    void modesAreReadWhateverTheirCaseAndAutoIsTheDefault() {
        assertThat(parse().options().mode()).isEqualTo(OcrMode.AUTO);
        assertThat(parse("--ocr", "NEVER").options().mode()).isEqualTo(OcrMode.NEVER);
        assertThat(parse("--ocr=always").options().mode()).isEqualTo(OcrMode.ALWAYS);
        assertThat(parse("--tesseract", "/opt/tess/bin/tesseract").options().command()).isEqualTo("/opt/tess/bin/tesseract");
        assertThat(parse().options().language()).isEqualTo("chi_sim");
    }

    @Test
    void aTesseractPathThatIsNoProgramIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("extract", SEED, "-o", dir.resolve("out").toString(), "--tesseract", "/no/such/tesseract");
        assertThat(run.status()).isEqualTo(UsageErrors.USAGE);
        assertThat(run.errLines().get(0)).startsWith("extract: --tesseract /no/such/tesseract: no such program")
                .contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim").contains("--ocr never");
        // without OCR the program is never run, so it need not be there
        assertThat(CliRun.of("extract", SEED, "-o", dir.resolve("out").toString(), "--progress", "none",
                "--ocr", "never", "--tesseract", "/no/such/tesseract").status()).isZero();
    }

    @Test
    void everyCommandThatReadsDocumentsTakesItAndItsHelpSaysWhatEachModeDoes() {
        for (String command : List.of("extract", "check", "inspect", "serve", "benchmark")) {
            String help = CliRun.of(command, "--help").out().replaceAll("\\s+", " ");
            assertThat(help).as(command)
                    .contains("--ocr=<when>").contains("never: not at all")
                    .contains("auto (default): only pages that have no text layer and show an image (scans)")
                    .contains("always: every page").contains("garbled")
                    .contains("one to several seconds a page").contains("--timeout")
                    .contains("--tesseract=<program>").contains("TESSERACT")
                    .contains("apt-get install tesseract-ocr tesseract-ocr-chi-sim");
        }
    }

    @Test
    void benchmarkHandsTheModeToTheRunsItStarts() {
        OcrOption o = parse("--ocr", "never", "--tesseract", "/usr/local/bin/tesseract");
        assertThat(o.arguments()).containsExactly("--ocr", "never", "--tesseract", "/usr/local/bin/tesseract");
    }

    private static OcrOption parse(String... args) {
        OcrOption o = new OcrOption();
        CommandLine cl = new CommandLine(o);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.parseArgs(args);
        return o;
    }

    @Test
    void aResumedRunKeepsTheOcrModeOfTheRunItContinues(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertThat(CliRun.of("extract", SEED, "-o", out.toString(), "--progress", "none", "--ocr", "never").status()).isZero();
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).at("/ocr/mode").asText()).isEqualTo("never");

        CliRun other = CliRun.of("extract", SEED, "-o", out.toString(), "--progress", "none", "--resume");
        assertThat(other.status()).isEqualTo(UsageErrors.USAGE);
        assertThat(other.errLines()).containsExactly(out + ": its records were read with --ocr never; resume with "
                + "--ocr never, or use --overwrite to read every file again with --ocr auto");

        CliRun same = CliRun.of("extract", SEED, "-o", out.toString(), "--progress", "none", "--resume", "--ocr", "never");
        assertThat(same.status()).isZero();
        assertThat(same.err()).contains("1 already done, skipped");
        assertThat(CliRun.of("extract", SEED, "-o", out.toString(), "--progress", "none", "--overwrite").status()).isZero();
        assertThat(JSON.readTree(out.resolve("summary.json").toFile()).at("/ocr/mode").asText()).isEqualTo("auto");
    }

    @Test
    void theDefaultProgramIsTheEnvironmentsTesseractOrElseTesseract() {
        String fromEnvironment = System.getenv(OcrOption.TESSERACT_VARIABLE);
        assertThat(parse().options().command()).isEqualTo(fromEnvironment == null ? "tesseract" : fromEnvironment);
    }
}
