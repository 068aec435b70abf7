package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile file read in the user's process (inspect, or check of one file) makes the libraries log stack
 * traces: they go to a log file, and the user sees one line. Run as a child JVM, whose logging starts afresh.
 */
class LibraryLogTest {

    /** A DOCX whose [Content_Types].xml declares an external entity (XXE): POI refuses it, logging a trace. */
    static Path xxeDocx(Path dir) throws IOException {
        Path docx = dir.resolve("xxe.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE t [<!ENTITY x SYSTEM "
                    + "\"file:///etc/passwd\">]><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
                    + "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>2024年部门决算</w:t></w:r></w:p>"
                    + "</w:body></w:document>");
        }
        return docx;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void inspectOfAnXxeFileIsOneLineAndTheLibrariesTracesGoToALog(@TempDir Path dir) throws Exception {
        Path docx = xxeDocx(dir);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "inspect", docx.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isEqualTo(1);
        List<String> err = Files.readAllLines(dir.resolve("err.txt"));
        assertThat(err).hasSize(2);
        assertThat(err.get(0)).startsWith(docx + ": not a readable DOCX file");
        assertThat(err.get(1)).startsWith("inspect: the libraries reading the file logged messages; they are in " + tmp);
        Path log = Path.of(err.get(1).replaceAll(".* they are in ", ""));
        assertThat(Files.readString(log)).contains("DOCTYPE is disallowed", "\tat ");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEmpty();
    }

    @Test
    void aLogNothingWasWrittenToIsDeletedAndOneTooLongIsCut(@TempDir Path dir) throws Exception {
        java.io.PrintStream err = System.err;
        LibraryLog quiet = new LibraryLog("test");
        assertThat(quiet.release("test")).isNull();
        assertThat(System.err).isSameAs(err);

        Path file = dir.resolve("x.log");
        try (LibraryLog log = new LibraryLog(file, 100)) {
            for (int i = 0; i < 50; i++) {
                System.err.println("a warning from a library");
            }
            java.util.logging.Logger.getLogger("org.example").severe("a logged trace");
            assertThat(log.release("test")).isEqualTo("test: the libraries reading the file logged messages; "
                    + "they are in " + file);
        }
        assertThat(System.err).isSameAs(err);
        String text = Files.readString(file);
        assertThat(text).startsWith("a warning from a library").endsWith("[log truncated at 100 bytes]\n");
        assertThat(text.length()).isLessThan(200);
    }
}
