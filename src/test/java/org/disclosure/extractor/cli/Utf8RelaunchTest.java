package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8RelaunchTest {

    /** What a JVM in an ASCII locale makes of a word: each byte outside ASCII becomes U+FFFD. */
    private static String lossy(String word) {
        StringBuilder s = new StringBuilder();
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            s.append(b >= 0 ? (char) b : '\uFFFD');
        }
        return s.toString();
    }

    private static byte[] cmdline(String... words) {
        return (String.join("\0", words) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void startsAgainOnlyOnLinuxOutsideAUtf8LocaleAndNeverTwice() {
        assertThat(Utf8Relaunch.needed("Linux", "ANSI_X3.4-1968", false)).isTrue(); // LANG=C, POSIX or none
        assertThat(Utf8Relaunch.needed("Linux", "ISO-8859-1", false)).isTrue();
        assertThat(Utf8Relaunch.needed("Linux", "UTF-8", false)).isFalse();
        assertThat(Utf8Relaunch.needed("Linux", "utf8", false)).isFalse();
        assertThat(Utf8Relaunch.needed("Linux", "ANSI_X3.4-1968", true)).as("the second JVM").isFalse();
        assertThat(Utf8Relaunch.needed("Mac OS X", "US-ASCII", false)).isFalse();
        assertThat(Utf8Relaunch.needed("Windows 11", "Cp936", false)).isFalse();
        assertThat(Utf8Relaunch.needed(null, null, false)).isFalse();
    }

    @Test
    void theArgumentsAreTheLastWordsOfTheCommandLineDecodedAsUtf8() {
        List<byte[]> words = Utf8Relaunch.splitCommandLine(cmdline("/usr/bin/java", "-Xmx1g", "-jar", "x.jar",
                "check", "中文/报告 2023.pdf", "-o", "输出"));
        assertThat(words).hasSize(8);

        String[] seenByJvm = {"check", lossy("中文/报告 2023.pdf"), "-o", lossy("输出")};
        assertThat(Utf8Relaunch.originalArguments(words, seenByJvm))
                .contains(List.of("check", "中文/报告 2023.pdf", "-o", "输出"));
    }

    @Test
    void emptyArgumentsAndArgumentsWithoutAFinalNulAreKept() {
        byte[] bytes = "java\0-jar\0x.jar\0\0报告".getBytes(StandardCharsets.UTF_8);
        List<byte[]> words = Utf8Relaunch.splitCommandLine(bytes);
        assertThat(Utf8Relaunch.originalArguments(words, new String[] {"", lossy("报告")})).contains(List.of("", "报告"));
        assertThat(Utf8Relaunch.originalArguments(words, new String[0])).contains(List.of());
    }

    @Test
    void aCommandLineThatDoesNotMatchTheArgumentsIsNotUsed() {
        // java @argfile: the arguments are not on the command line
        List<byte[]> words = Utf8Relaunch.splitCommandLine(cmdline("java", "@options.txt"));
        assertThat(Utf8Relaunch.originalArguments(words, new String[] {"check", "x.pdf"})).isEmpty();

        List<byte[]> other = Utf8Relaunch.splitCommandLine(cmdline("java", "-jar", "x.jar", "check", "报告.pdf"));
        assertThat(Utf8Relaunch.originalArguments(other, new String[] {"check", lossy("报告书.pdf")})).isEmpty();
        assertThat(Utf8Relaunch.originalArguments(other, new String[] {"check", "abc.pdf"})).isEmpty();
    }

    @Test
    void theSecondJvmIsStartedWithTheSameOptionsAndJarAsTheCommandLineGaveThem() {
        List<byte[]> words = Utf8Relaunch.splitCommandLine(cmdline("java", "-Xmx1g", "-Ddisclosure.grammars=/数据/规则",
                "-jar", "/opt/de/lib/disclosure-extractor.jar", "check", "报告.pdf"));
        assertThat(Utf8Relaunch.command("/usr/lib/jvm/17/bin/java", words, 2, List.of("-Da=1")))
                .containsExactly("/usr/lib/jvm/17/bin/java", "-Da=1", "-Xmx1g", "-Ddisclosure.grammars=/数据/规则",
                        "-jar", "/opt/de/lib/disclosure-extractor.jar");

        List<byte[]> classes = Utf8Relaunch.splitCommandLine(cmdline("java", "-cp", "a.jar:b.jar", "org.x.Main"));
        assertThat(Utf8Relaunch.command("java", classes, 0, List.of())).containsExactly("java", "-cp", "a.jar:b.jar", "org.x.Main");
    }

    @Test
    void thisJvmsCommandLineIsReadFromProc() {
        List<byte[]> words = Utf8Relaunch.readCommandLine();
        assertThat(words).isNotEmpty();
        assertThat(new String(words.get(0), StandardCharsets.UTF_8)).endsWith("java");
    }

    @Test
    void aUtf8LocaleIsFoundAmongTheCompiledOnesOrTheListedOnes(@TempDir Path dir) throws Exception {
        Path locales = Files.createDirectories(dir.resolve("locale"));
        assertThat(Utf8Relaunch.utf8Locale(locales, () -> List.of("C", "POSIX"))).isEmpty();
        assertThat(Utf8Relaunch.utf8Locale(locales, () -> List.of("C", "POSIX", "zh_CN.utf8"))).contains("zh_CN.utf8");
        assertThat(Utf8Relaunch.utf8Locale(locales, () -> List.of("C", "en_US.utf8", "C.utf8"))).contains("C.utf8");
        Files.createDirectories(locales.resolve("C.utf8"));
        assertThat(Utf8Relaunch.utf8Locale(locales, List::of)).contains("C.utf8");
        assertThat(Utf8Relaunch.utf8Locale(dir.resolve("none"), List::of)).as("no glibc locale folder (musl)").contains("C.UTF-8");
    }

    @Test
    void thisSystemHasAUtf8Locale() {
        // the integration test and users' runs under LANG=C depend on it; fail here rather than there
        assertThat(Utf8Relaunch.utf8Locale(Path.of("/usr/lib/locale"), Utf8Relaunch::listedLocales)).isPresent();
    }
}
