package org.disclosure.extractor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * Makes Chinese file names and arguments work in any locale on Linux. Java takes the encoding of file names and
 * arguments from the locale when it starts ({@code sun.jnu.encoding}), and under {@code LANG=C}, {@code POSIX} or
 * no {@code LANG} at all (servers, containers, cron) that is ASCII: every Chinese name is lost, and no option can
 * change it later. So the program starts itself again, the same way (same Java, same JVM options, same class
 * path or jar, all taken as the system gave them from {@code /proc/self/cmdline}, since this JVM's own copies are
 * already lossy), with a UTF-8 locale; the arguments go to the new JVM in a UTF-8 file. (Not through
 * RuntimeMXBean: in a folder with a Chinese name it fails to start under an ASCII locale.) The first JVM only waits and
 * passes on the exit status. macOS reads names as UTF-8 in any locale; Windows is left as it is (the .bat
 * launcher switches the console to UTF-8).
 */
final class Utf8Relaunch {

    /** Set on the second JVM, so that it never starts a third. */
    static final String RELAUNCHED = "disclosure.extractor.relaunched";
    /** The file holding the arguments for the second JVM, as UTF-8, each followed by a NUL. */
    static final String ARGUMENTS = "disclosure.extractor.arguments";

    /** Locales tried in this order; C.UTF-8 changes nothing but the encoding. */
    private static final List<String> UTF8_LOCALES = List.of("C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8");

    private Utf8Relaunch() {
    }

    /**
     * The arguments to run with. In a JVM started here with a UTF-8 locale they are read from the file the first
     * JVM wrote; in a JVM that needs a UTF-8 locale this does not return: it runs the program again and exits
     * with its status. Otherwise {@code args} as they are.
     */
    static String[] argumentsInUtf8(String[] args) {
        String file = System.getProperty(ARGUMENTS);
        if (file != null) {
            return readArguments(Path.of(file));
        }
        if (!needed(System.getProperty("os.name"), System.getProperty("sun.jnu.encoding"), System.getProperty(RELAUNCHED) != null)) {
            return args;
        }
        Optional<String> locale = utf8Locale(Path.of("/usr/lib/locale"), Utf8Relaunch::listedLocales);
        List<byte[]> cmdline = readCommandLine();
        Optional<List<String>> original = originalArguments(cmdline, args);
        if (locale.isEmpty() || original.isEmpty()) {
            return args;
        }
        try {
            System.exit(relaunch(locale.get(), cmdline, original.get()));
        } catch (IOException e) {
            // run here, as before: only the names outside ASCII are lost
        }
        return args;
    }

    /** Whether this JVM must start again to read names as UTF-8: on Linux, when the locale is not UTF-8. */
    static boolean needed(String osName, String jnuEncoding, boolean relaunched) {
        return !relaunched && osName != null && osName.startsWith("Linux") && !isUtf8(jnuEncoding);
    }

    static boolean isUtf8(String encoding) {
        return encoding != null && (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8"));
    }

    /**
     * A UTF-8 locale this system has: one of {@link #UTF8_LOCALES} compiled in {@code localeDir} (glibc), else
     * one that {@code locale -a} lists; C.UTF-8 on systems without glibc's locale folder (musl knows it always).
     */
    static Optional<String> utf8Locale(Path localeDir, Supplier<List<String>> listed) {
        for (String name : UTF8_LOCALES) {
            if (Files.isDirectory(localeDir.resolve(name))) {
                return Optional.of(name);
            }
        }
        if (!Files.isDirectory(localeDir)) {
            return Optional.of("C.UTF-8");
        }
        List<String> all = listed.get();
        return UTF8_LOCALES.stream().filter(all::contains).findFirst()
                .or(() -> all.stream().filter(l -> l.toLowerCase(Locale.ROOT).matches(".*\\.utf-?8")).findFirst());
    }

    static List<String> listedLocales() {
        try {
            Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
            List<String> names = Arrays.asList(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            return p.waitFor() == 0 ? names : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The words of this process's command line as the system gave them: NUL-terminated bytes. */
    static List<byte[]> readCommandLine() {
        try {
            return splitCommandLine(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static List<byte[]> splitCommandLine(byte[] cmdline) {
        List<byte[]> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                words.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            words.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
        }
        return words;
    }

    /**
     * The program's arguments decoded as UTF-8 from the last words of the command line, when they are the words
     * the JVM decoded as {@code args} (an argument file given to the java command, for one, would break that).
     */
    static Optional<List<String>> originalArguments(List<byte[]> cmdline, String[] args) {
        if (cmdline.size() < args.length + 2) {
            return Optional.empty();
        }
        List<byte[]> last = cmdline.subList(cmdline.size() - args.length, cmdline.size());
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (!decodedAsAscii(last.get(i), args[i])) {
                return Optional.empty();
            }
            decoded.add(new String(last.get(i), StandardCharsets.UTF_8));
        }
        return Optional.of(decoded);
    }

    /**
     * Whether {@code lossy} is what a JVM in an ASCII locale made of {@code bytes}: each byte outside ASCII became
     * one replacement character.
     */
    static boolean decodedAsAscii(byte[] bytes, String lossy) {
        if (bytes.length != lossy.length()) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            char c = lossy.charAt(i);
            boolean same = bytes[i] >= 0 ? c == bytes[i] : c == '\uFFFD' || c == '?';
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * The command that starts this program again as it was started: the same Java with the same words up to the
     * program's arguments (JVM options, then {@code -jar} and the jar or the class path and the class), as UTF-8,
     * with {@code properties} first; the arguments themselves go in the file {@link #ARGUMENTS} names.
     */
    static List<String> command(String java, List<byte[]> cmdline, int argumentCount, List<String> properties) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(properties);
        for (byte[] word : cmdline.subList(1, cmdline.size() - argumentCount)) {
            command.add(new String(word, StandardCharsets.UTF_8));
        }
        return command;
    }

    /** Runs the program again in a UTF-8 locale and returns its exit status. */
    private static int relaunch(String locale, List<byte[]> cmdline, List<String> arguments) throws IOException {
        Path file = Files.createTempFile("disclosure-extractor-arguments-", ".txt");
        try {
            StringBuilder text = new StringBuilder();
            arguments.forEach(a -> text.append(a).append('\0'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> command = command(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cmdline,
                    arguments.size(), List.of("-D" + RELAUNCHED + "=true", "-D" + ARGUMENTS + "=" + file));
            ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
            pb.environment().put("LC_ALL", locale);
            Process child = pb.start();
            // Ctrl-C and a hang-up reach the child from the terminal itself, so this JVM lets them pass. A SIGTERM
            // sent to this JVM is passed on as a request (a file the child watches), not as a second signal: when
            // the SIGTERM went to the whole process group (timeout, systemd), the child has one already, and a
            // second would make it stop at once instead of cleanly. This JVM ends when the child does.
            Signal.handle(new Signal("INT"), s -> { });
            Signal.handle(new Signal("HUP"), s -> { });
            Signal.handle(new Signal("TERM"), s -> {
                try {
                    Files.createFile(stopFile(file));
                } catch (IOException e) {
                    child.destroy();
                }
            });
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    // keep waiting: the child decides when the run ends
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(stopFile(file));
        }
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    /** The file whose appearance asks the second JVM to stop as on SIGTERM. */
    static Path stopFile(Path arguments) {
        return arguments.resolveSibling(arguments.getFileName() + ".stop");
    }

    /**
     * The second JVM's side: the arguments the first one wrote. The second JVM stops as on SIGTERM (its shutdown
     * hooks finish what is being written, exit status 143) when the first asks it to or is killed.
     */
    private static String[] readArguments(Path file) {
        // the parent is gone when this process has another (a killed parent may stay a zombie for a while)
        long parent = parentPid();
        Path stop = stopFile(file);
        Thread watch = new Thread(() -> {
            try {
                while (parentPid() == parent && !Files.exists(stop)) {
                    Thread.sleep(100);
                }
                System.exit(143);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "first-jvm-watch");
        watch.setDaemon(true);
        watch.start();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            return text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\0", -1);
        } catch (IOException e) {
            System.err.println(file + ": the arguments of this run cannot be read (" + e.getMessage()
                    + "); run it again, or set LC_ALL=C.UTF-8");
            System.exit(2);
            return new String[0];
        }
    }
}
