package org.disclosure.extractor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.spark.launcher.JavaModuleOptions;
import org.disclosure.extractor.output.JsonRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar as spark-submit is given it (spark/target/disclosure-extractor-spark.jar): the tool and its
 * libraries, nothing the cluster provides, the libraries that clash with Spark's relocated, and a job that runs
 * from it.
 */
class SparkJobJarIT {

    static final Path JAR = Path.of("spark/target/disclosure-extractor-spark.jar");

    /** Libraries relocated in the jar, as class-name prefixes in the form class files name them. */
    static final List<String> RELOCATED = List.of("com/fasterxml/jackson/", "org/apache/commons/compress/",
            "org/apache/commons/io/", "org/apache/commons/lang3/", "org/apache/commons/codec/", "org/apache/commons/collections4/");

    /**
     * Classes whose constant pool keeps the old name of a relocated library after shading: an entry no code of theirs
     * uses (javac left it for a constant it inlined, such as IOUtils.EOF; `javap -c` shows no instruction naming
     * it), which shade copies along and the JVM never resolves. Listed so that any other class fails this test.
     */
    static final List<String> LEFT_AS_THEY_ARE = List.of(
            "org/apache/tika/detect/zip/CompressorConstants.class names org/apache/commons/compress/",
            "org/apache/tika/detect/zip/PackageConstants.class names org/apache/commons/compress/",
            "org/apache/commons/csv/Lexer.class names org/apache/commons/io/");

    @TempDir
    Path dir;

    @Test
    void theJarHoldsTheToolAndNothingTheClusterProvides() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).contains("org/disclosure/extractor/Pipeline.class",
                    "org/disclosure/extractor/spark/SparkExtract.class", "grammars/checks.yaml",
                    "org/apache/tika/Tika.class", "org/disclosure/extractor/shaded/jackson/databind/ObjectMapper.class");
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/")
                    || n.startsWith("org/apache/hadoop/") || n.startsWith("org/duckdb/") || n.startsWith("libduckdb"));
            assertThat(names).noneMatch(n -> RELOCATED.stream().anyMatch(n::startsWith));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(SparkExtract.class.getName());
        }
        assertThat(Files.size(JAR)).as("without Spark, Hadoop and DuckDB").isLessThan(100L << 20);
    }

    @Test
    void noClassNamesALibraryItsRelocatedCopyReplaces() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (!e.getName().endsWith(".class")) {
                    continue;
                }
                String constants;
                try (InputStream in = jar.getInputStream(e)) {
                    constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                for (String r : RELOCATED) {
                    if (constants.contains(r)) {
                        offenders.add(e.getName() + " names " + r);
                    }
                }
            }
        }
        assertThat(offenders).containsExactlyInAnyOrderElementsOf(LEFT_AS_THEY_ARE);
    }

    @Test
    void theJobRunsFromTheJarAheadOfSparksClasses() throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptions().split(" ")));
        cmd.addAll(List.of("-cp", JAR.toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path"),
                SparkExtract.class.getName(), "--master", "local[2]", "corpus/seeds", "-o", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the job ended").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("log"));
        assertThat(p.exitValue()).as(log).isZero();
        JsonNode summary = JsonRecords.MAPPER.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("records").asInt()).isEqualTo(summary.path("files").asInt()).isPositive();
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(log).contains("extract: " + summary.path("files").asInt() + " files");
    }
}
