package org.disclosure.extractor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.output.RecordWriters;
import org.disclosure.extractor.unlabelled.UnlabelledReports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report pages of the real reports in ../shared/unlabelled, opened in headless Chromium (Debian's chromium
 * package, which CI installs) with every network request refused: the page's rendered text holds the department and
 * its figures, and the screenshot shows the charts' bars. Screenshots are kept under target/report-screenshots for a
 * person to look at.
 */
class ReportBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final Path PAGES = Path.of("target", "report-pages");
    private static final Path SHOTS = Path.of("target", "report-screenshots");

    static List<DepartmentHistory> departments;

    @BeforeAll
    static void writePages(@TempDir Path run) throws IOException {
        try (RecordWriters writers = new RecordWriters(run)) {
            for (Pipeline.Outcome o : UnlabelledReports.outcomes().values()) {
                if (o instanceof Pipeline.Extracted e) {
                    writers.write(e.record());
                }
            }
        }
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("records.jsonl"), StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        departments = Departments.of(records);
        ReportSite.write(departments, PAGES);
    }

    @Test
    void aDepartmentsPageRendersItsNameFiguresAndChartsWithoutNetwork() throws Exception {
        // the department with most years of 三公 figures: its page has the most to draw
        DepartmentHistory d = departments.stream()
                .max(Comparator.comparingLong(h -> h.reports().stream()
                        .filter(r -> RecordFields.amount(r.record(), "three_public.budget") != null
                                || RecordFields.amount(r.record(), "three_public.actual") != null).count()))
                .orElseThrow();
        assertThat(d.reports()).hasSizeGreaterThanOrEqualTo(2);
        Path page = PAGES.resolve("departments").resolve(d.id() + ".html").toAbsolutePath();

        String dom = chromium("--dump-dom", page);
        assertThat(dom).contains("<h1>" + d.name() + "</h1>").contains("“三公”经费");
        for (DepartmentHistory.Report r : d.reports()) {
            java.math.BigDecimal total = RecordFields.amount(r.record(), "three_public.budget");
            if (total != null && r.kind().equals("budget")) {
                assertThat(dom).as("the %d budget's 三公 total", r.year()).contains(">" + total.toPlainString() + "<");
            }
        }

        Files.createDirectories(SHOTS);
        Path shot = SHOTS.resolve(d.id() + ".png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium("--screenshot=" + shot, page);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        // the charts' first series is drawn in #0072B2: its bars are on the screenshot
        assertThat(pixels(image, 0x0072B2)).as("pixels of the charts' bars in %s", shot).isGreaterThan(500);
        // and text was drawn (dark pixels of the headings and tables)
        assertThat(pixels(image, 0x222222)).isGreaterThan(1000);
    }

    @Test
    void theIndexListsEveryDepartmentWithALinkToItsPage() throws Exception {
        String dom = chromium("--dump-dom", PAGES.resolve("index.html").toAbsolutePath());
        assertThat(dom).contains(departments.size() + " 个部门");
        for (DepartmentHistory d : departments) {
            assertThat(dom).contains("href=\"departments/" + d.id() + ".html\"");
        }
        Files.createDirectories(SHOTS);
        chromium("--screenshot=" + SHOTS.resolve("index.png").toAbsolutePath(), PAGES.resolve("index.html").toAbsolutePath());
        assertThat(SHOTS.resolve("index.png")).isNotEmptyFile();
    }

    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    /** Runs headless Chromium on a page with no network (every host resolves to nothing); returns what it printed. */
    static String chromium(String what, Path page) throws IOException, InterruptedException {
        Path binary = Path.of("/usr/bin/chromium");
        assertThat(binary).as("Debian's chromium package (apt-get install chromium); .ci/run installs it").isExecutable();
        Path profile = Files.createTempDirectory("chromium-profile");
        Path output = Files.createTempFile("chromium", ".out");
        try {
            Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
                    "--user-data-dir=" + profile, "--window-size=1200,2400", what, page.toUri().toString())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within 90 s on " + page);
            }
            assertThat(p.exitValue()).as("chromium's exit status on %s", page).isZero();
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            try (var walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
