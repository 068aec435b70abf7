package org.disclosure.extractor.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.batch.Batch;
import org.disclosure.extractor.batch.Progress;
import org.disclosure.extractor.extract.FieldValue;
import org.disclosure.extractor.extract.ReportRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page end to end, as a person uses it: Debian's chromium, driven headless through chromium-driver by
 * Selenium, uploads a PDF, a DOCX and a damaged file; the batch runs through the workers with progress; the results
 * table shows the same figures as extract's records of the same files; a report's 三公 value, clicked, is shown on
 * its page. Screenshots are kept under target/serve-screenshots for a person to look at.
 */
class ServeBrowserTest {

    static final Path SHOTS = Path.of("target", "serve-screenshots");
    static final Path PDF = Path.of("corpus/real/上海市普陀区司法局-2026-部门预算.pdf");
    static final Path DOCX = Path.of("corpus/rendered/002_5c11e5d911459f7e.docx");

    @TempDir
    static Path tmp;

    static WebServer server;
    static ChromeDriver browser;
    static Path damaged;

    @BeforeAll
    static void start() throws IOException {
        damaged = tmp.resolve("截断的报告.pdf");
        byte[] pdf = Files.readAllBytes(PDF);
        Files.write(damaged, java.util.Arrays.copyOf(pdf, 3000));
        Batch.Options options = new Batch.Options(2, Duration.ofSeconds(120), 200L << 20, "full", false, false, "1g",
                Progress.Mode.NONE, 0, List.of());
        server = new WebServer("127.0.0.1", 0, tmp.resolve("data"), new UploadLimits(200L << 20, 100, 1L << 30), options,
                new PrintStream(new ByteArrayOutputStream()));
        server.start();
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (.ci/run installs it)").isExecutable();
        assertThat(Path.of("/usr/bin/chromedriver")).as("Debian's chromium-driver (.ci/run installs it)").isExecutable();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + tmp.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static void screenshot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The records extract makes of the same files, by file name. */
    static Map<String, ReportRecord> extracted() throws IOException {
        Map<String, ReportRecord> records = new LinkedHashMap<>();
        Pipeline pipeline = new Pipeline();
        for (Path f : List.of(PDF, DOCX)) {
            Pipeline.Outcome o = pipeline.process(f, f.toString());
            records.put(f.getFileName().toString(), ((Pipeline.Extracted) o).record());
        }
        return records;
    }

    static String plain(ReportRecord r, String key) {
        return r.field(key).map(FieldValue::value).map(v -> v instanceof BigDecimal d ? d.toPlainString() : v.toString()).orElse("");
    }

    @Test
    void uploadRunCompareAndSeeAFigureOnItsPage() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(300));
        browser.get(server.url());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drop")));
        screenshot("1-start");
        WebElement picker = browser.findElement(By.id("picker"));
        picker.sendKeys(String.join("\n", PDF.toAbsolutePath().toString(), DOCX.toAbsolutePath().toString(),
                damaged.toAbsolutePath().toString()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#batch-list li[data-state='done']")));
        screenshot("2-batch-done");
        WebElement batch = browser.findElement(By.cssSelector("#batch-list li[data-state='done']"));
        assertThat(batch.findElement(By.cssSelector(".progress-text")).getText()).isEqualTo("3 / 3 完成");

        // the results table: the figures of extract's records of the same files
        batch.findElement(By.xpath(".//button[text()='查看结果']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#report-table tbody tr"), 3));
        screenshot("3-results");
        Map<String, ReportRecord> expected = extracted();
        List<String> names = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#report-table tbody tr"))) {
            String name = row.findElement(By.cssSelector("td[data-key='name']")).getText();
            names.add(name);
            ReportRecord r = expected.get(name);
            if (r == null) {
                assertThat(name).isEqualTo(damaged.getFileName().toString());
                assertThat(row.findElement(By.cssSelector("td[data-key='reason']")).getText())
                        .startsWith(name + ": not a readable PDF");
                continue;
            }
            for (String key : List.of("doc.department", "doc.fiscal_year", "totals.grand_total", "expenditure.total",
                    "three_public.reception")) {
                assertThat(row.findElement(By.cssSelector("td[data-key='" + key + "']")).getText())
                        .as("%s %s", name, key).isEqualTo(plain(r, key));
            }
        }
        assertThat(names).containsExactlyInAnyOrder(PDF.getFileName().toString(), DOCX.getFileName().toString(),
                damaged.getFileName().toString());

        // a report's page: its values by section; clicking the 三公 budget shows its sentence and its place
        browser.findElement(By.xpath("//td[@data-key='name' and text()='" + PDF.getFileName() + "']/..")).click();
        WebElement value = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#values .value[data-key='three_public.budget']")));
        ReportRecord pdf = expected.get(PDF.getFileName().toString());
        assertThat(value.getText()).isEqualTo(plain(pdf, "three_public.budget") + " 万元");
        value.click();
        WebElement mark = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#viewer mark")));
        var prov = pdf.field("three_public.budget").orElseThrow().provenance();
        assertThat(mark.getText()).isEqualTo(prov.text().substring(prov.spanStart(), prov.spanEnd()));
        // the page of the PDF, with the figure boxed where PDFBox finds its glyphs
        wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const i = document.querySelector('#viewer .page img'); return i !== null && i.complete && i.naturalWidth > 0;"));
        List<WebElement> boxes = browser.findElements(By.cssSelector("#viewer .page .box"));
        assertThat(boxes).isNotEmpty();
        screenshot("4-report-value");
        double scale = 110 / 72.0; // the page is drawn at 110 dpi
        WebElement box = boxes.get(0);
        double left = (box.getRect().getX() - browser.findElement(By.cssSelector("#viewer .page")).getRect().getX()) / scale;
        double top = (box.getRect().getY() - browser.findElement(By.cssSelector("#viewer .page")).getRect().getY()) / scale;
        double right = left + box.getRect().getWidth() / scale;
        double bottom = top + box.getRect().getHeight() / scale;
        String figure = prov.text().substring(prov.spanStart(), prov.spanEnd());
        List<double[]> places = Glyphs.find(PDF, prov.page(), figure);
        assertThat(places).as("places of %s on page %d", figure, prov.page()).isNotEmpty();
        assertThat(places).as("the box [%.1f %.1f %.1f %.1f] encloses %s where PDFBox draws it", left, top, right, bottom, figure)
                .anySatisfy(g -> {
                    assertThat(g[0]).isGreaterThanOrEqualTo(left - 1);
                    assertThat(g[1]).isGreaterThanOrEqualTo(top - 1);
                    assertThat(g[2]).isLessThanOrEqualTo(right + 1);
                    assertThat(g[3]).isLessThanOrEqualTo(bottom + 1);
                    // and hardly more than the figure: the box is the figure's, not its line's
                    assertThat((right - left) - (g[2] - g[0])).isLessThan(12);
                });
        // findings are listed with their sentences
        assertThat(browser.findElement(By.id("findings")).getText()).isNotBlank();

        // the batch survives a reload: the page comes back to the same report
        browser.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#values .value[data-key='three_public.budget']")));
        assertThat(browser.findElement(By.id("report-title")).getText()).startsWith(plain(pdf, "doc.department"));
    }
}
