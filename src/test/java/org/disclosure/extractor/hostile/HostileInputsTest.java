package org.disclosure.extractor.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.disclosure.extractor.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that are no report files, in one folder with good reports: a named pipe, /dev/zero given and
 * linked, links out of the folder (to a "secret"), broken links, a folder the run may not read, a path
 * longer than the system allows, a file over the size limit, and the run's own output folder inside the
 * input. For each: the run goes on, every good report's record is the one a run without the hostile inputs
 * gives, the hostile input is one line in errors.jsonl with its reason, no stack trace reaches the user, and
 * `check` and `inspect` end promptly with one line.
 */
class HostileInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 180;
    /** A name of 255 bytes in UTF-8, the most a file name may have. */
    private static final String LONGEST_NAME = "ab" + "预".repeat(83) + ".txt";
    private static final List<String> GOOD = List.of("good-001.txt", "good-004.docx", LONGEST_NAME);

    private static Path dir;
    private static Path secret;
    private static List<String> asUser; // the prefix under which the locked folder cannot be read
    private static Tool.Run first;
    private static Tool.Run resumed;
    private static Map<String, JsonNode> baseline;

    @BeforeAll
    static void runOverHostileInputs() throws Exception {
        dir = Files.createTempDirectory("hostile-inputs").toRealPath();
        Path base = Files.createDirectories(dir.resolve("base"));
        Path in = Files.createDirectories(dir.resolve("in"));
        for (Path folder : List.of(base, in)) {
            Files.copy(Path.of("corpus/seeds/001_627f347534218911.txt"), folder.resolve(GOOD.get(0)));
            Files.copy(Path.of("corpus/rendered/004_417c17a55a2502cf.docx"), folder.resolve(GOOD.get(1)));
            Files.copy(Path.of("corpus/seeds/003_b1ed29c5960ed8a2.txt"), folder.resolve(GOOD.get(2)));
        }
        // the secret is a readable report, so that following the link would surely show in the outputs
        secret = dir.resolve("secret.txt");
        Files.writeString(secret, Files.readString(Path.of("corpus/seeds/002_5c11e5d911459f7e.txt")) + "\nSECRET-7f3a9c\n");
        Tool.sh(in, "mkfifo pipe.pdf");
        Files.createSymbolicLink(in.resolve("zero.pdf"), Path.of("/dev/zero"));
        Files.createSymbolicLink(in.resolve("x.pdf"), secret);
        Files.createSymbolicLink(in.resolve("broken.pdf"), dir.resolve("deleted.pdf"));
        Files.createDirectories(in.resolve("sub"));
        Files.createSymbolicLink(in.resolve("sub/loop"), in);
        Path locked = Files.createDirectories(in.resolve("locked"));
        Files.copy(Path.of("corpus/seeds/000_efef604f64877e59.txt"), locked.resolve("r.txt"));
        try (RandomAccessFile sparse = new RandomAccessFile(in.resolve("huge.pdf").toFile(), "rw")) {
            sparse.setLength(20L << 30); // 20 GB with no blocks: refused by its size, never hashed
        }
        // deeper than PATH_MAX (4096 bytes), made step by step with relative paths as no absolute one can name it
        Tool.sh(in, "n=$(printf 'd%.0s' $(seq 200)); for i in $(seq 25); do mkdir $n && cd $n || exit 1; done; cp \"$1\" r.txt",
                Path.of("corpus/seeds/000_efef604f64877e59.txt").toAbsolutePath().toString());
        Tool.sh(in, "chmod 000 locked");
        // root reads any folder all the same: then the tool runs without the capabilities that let it
        asUser = Tool.isRoot() ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search") : List.of();
        List<String> ls = new ArrayList<>(asUser);
        ls.addAll(List.of("ls", "locked"));
        assertThat(new ProcessBuilder(ls).directory(in.toFile()).start().waitFor())
                .as("the locked folder cannot be read by the tool").isNotZero();

        Tool.Run plain = Tool.run(dir, List.of(), LIMIT, "extract", "base", "-o", "base-out", "--progress", "none", "-t", "1");
        assertThat(plain.exit()).isZero();
        baseline = records(dir.resolve("base-out"), "base");
        first = Tool.run(dir, asUser, LIMIT, "extract", "in", "-o", "in/out", "--progress", "none", "-t", "1");
        resumed = Tool.run(dir, asUser, LIMIT, "extract", "in", "-o", "in/out", "--progress", "none", "-t", "1", "--resume");
    }

    @AfterAll
    static void removeTheFolder() throws Exception {
        if (dir != null) {
            Tool.sh(dir, "chmod -R u+rwx in/locked; rm -rf \"$1\"", dir.toString());
        }
    }

    /** Records by file name, with the input folder of the run taken out of every file name in them. */
    private static Map<String, JsonNode> records(Path out, String folder) throws IOException {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("records.jsonl"))) {
            JsonNode n = JSON.readTree(line.replace("\"" + folder + "/", "\""));
            byName.put(n.at("/source/file").asText(), n);
        }
        return byName;
    }

    private static Map<String, JsonNode> errors() throws IOException {
        Map<String, JsonNode> byName = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("in/out/errors.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            String name = Path.of(n.path("file").asText()).getFileName().toString();
            assertThat(byName.put(name, n)).as("one line for " + name).isNull();
        }
        return byName;
    }

    @Test
    void theRunGoesOnAndEveryGoodReportGetsTheRecordARunWithoutHostileInputsGives() throws Exception {
        assertThat(first.exit()).isZero();
        assertThat(baseline.keySet()).containsExactlyInAnyOrderElementsOf(GOOD);
        assertThat(records(dir.resolve("in/out"), "in")).isEqualTo(baseline);
        first.assertNoStackTrace();
    }

    @Test
    void eachHostileInputIsOneErrorLineWithItsReason() throws Exception {
        Map<String, JsonNode> errors = errors();
        Map<String, String> reasons = new TreeMap<>();
        errors.forEach((name, e) -> reasons.put(name.startsWith("ddd") ? "deep" : name, e.path("reason").asText()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pipe.pdf", "not-a-regular-file",
                "zero.pdf", "link-outside-input",
                "x.pdf", "link-outside-input",
                "broken.pdf", "broken-link",
                "locked", "unreadable-folder",
                "huge.pdf", "too-large",
                "deep", reasons.getOrDefault("deep", "?").equals("unreadable-file") ? "unreadable-file" : "unreadable-folder"));
        errors.values().forEach(e -> assertThat(e.hasNonNull("sha256")).as("never hashed").isFalse());
        assertThat(errors.get("locked").path("message").asText()).contains("permission denied");
        errors.values().stream().filter(e -> e.path("file").asText().contains("ddddd"))
                .forEach(e -> assertThat(e.path("message").asText()).contains("longer than the system allows"));
        assertThat(errors.get("x.pdf").path("message").asText()).contains(secret.toString()).contains("--follow-links");
        assertThat(first.stderrLines()).anySatisfy(l -> assertThat(l).startsWith("in/pipe.pdf: is a named pipe"));
    }

    @Test
    void theOutputFolderInsideTheInputIsNeverRead() throws Exception {
        assertThat(resumed.exit()).isZero();
        resumed.assertNoStackTrace();
        assertThat(records(dir.resolve("in/out"), "in")).isEqualTo(baseline);
        assertThat(errors()).hasSize(7).allSatisfy((name, e) -> assertThat(e.path("file").asText()).doesNotContain("out/"));
        JsonNode summary = JSON.readTree(dir.resolve("in/out/summary.json").toFile());
        assertThat(summary.path("files").asInt()).isEqualTo(10);
        assertThat(summary.path("errors").asInt()).isEqualTo(7);
    }

    @Test
    void theSecretBehindALinkIsNeverRead() throws Exception {
        String sha = Pipeline.sha256(secret);
        for (String output : List.of("records.jsonl", "errors.jsonl", "records.csv", "values.csv")) {
            assertThat(Files.readString(dir.resolve("in/out").resolve(output))).doesNotContain(sha).doesNotContain("SECRET");
        }
        Tool.Run inspect = Tool.run(dir, List.of(), 60, "inspect", "in/x.pdf");
        assertThat(inspect.stdout()).doesNotContain("SECRET");
        assertThat(inspect.stderrLines()).singleElement().asString()
                .contains("outside its folder").contains("--follow-links");
        Tool.Run check = Tool.run(dir, List.of(), 60, "check", "in/x.pdf");
        assertThat(check.stdout()).doesNotContain("SECRET").contains("link-outside-input").contains("--follow-links");
        Tool.Run allowed = Tool.run(dir, List.of(), 60, "inspect", "--follow-links", "in/x.pdf");
        assertThat(allowed.stdout()).as("read when the user allows it").contains("SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in/pipe.pdf", "in/zero.pdf", "/dev/zero", "in/huge.pdf"})
    void checkAndInspectOfAHostileInputEndPromptlyWithOneLine(String input) throws Exception {
        Tool.Run inspect = Tool.run(dir, List.of(), 60, "inspect", input);
        inspect.assertNoStackTrace();
        assertThat(inspect.exit()).as("inspect " + input).isEqualTo(1);
        assertThat(inspect.stdout()).isEmpty();
        assertThat(inspect.stderrLines()).as("inspect " + input).singleElement().asString().startsWith(input + ": ");

        Tool.Run check = Tool.run(dir, List.of(), 60, "check", input);
        check.assertNoStackTrace();
        assertThat(check.exit()).as("check " + input).isEqualTo(3); // not read as a report
        assertThat(check.stdout()).startsWith(input + "  — not read").contains("could not be read (");
        assertThat(check.stdout().lines().count()).as("the file and why").isEqualTo(2);
        assertThat(check.stderrLines()).as("the summary").singleElement().asString().contains("1 not read");
    }

    @Test
    void extractOfADeviceGivenByItselfListsItAndReadsNothing() throws Exception {
        Tool.Run run = Tool.run(dir, List.of(), 60, "extract", "/dev/zero", "-o", "zero-out", "--progress", "none");
        run.assertNoStackTrace();
        assertThat(run.exit()).as("nothing could be read").isEqualTo(1);
        JsonNode error = JSON.readTree(Files.readString(dir.resolve("zero-out/errors.jsonl")));
        assertThat(error.path("file").asText()).isEqualTo("/dev/zero");
        assertThat(error.path("reason").asText()).isEqualTo("not-a-regular-file");
        assertThat(error.path("message").asText()).contains("character device");
    }

    @Test
    void aBrokenLinkNamedByItselfIsOneLine() throws Exception {
        Tool.Run inspect = Tool.run(dir, List.of(), 60, "inspect", "in/broken.pdf");
        assertThat(inspect.stderrLines()).singleElement().asString().startsWith("in/broken.pdf: is a link to ")
                .contains("which does not exist");
        Tool.Run check = Tool.run(dir, List.of(), 60, "check", "in/broken.pdf");
        check.assertNoStackTrace();
        assertThat(check.exit()).as("a path that names nothing is a usage error").isEqualTo(2);
        assertThat(check.stderrLines().get(0)).contains("in/broken.pdf: no such file");
    }

    @Test
    void checkOfTheFolderReadsTheGoodReportsAndListsTheRest() throws Exception {
        Tool.Run check = Tool.run(dir, asUser, LIMIT, "check", "in");
        check.assertNoStackTrace();
        for (String good : GOOD) {
            assertThat(check.stdout()).contains("in/" + good);
        }
        assertThat(check.stdout()).doesNotContain("out/");
        assertThat(check.stderrLines()).singleElement().asString()
                .contains(GOOD.size() + " reports read").contains("7 not read (broken-link 1, link-outside-input 2, "
                        + "not-a-regular-file 1, too-large 1, unreadable-f");
    }

    @Test
    void aFileOfTheLongestNameIsReadAsAnyOther() {
        assertThat(LONGEST_NAME.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        assertThat(baseline.get(LONGEST_NAME).at("/doc/department/value").asText()).isNotEmpty();
    }
}
