package org.disclosure.extractor.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The memory a run takes: the resident memory of a process and all its descendants, read from /proc. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident memory of a process and all its descendants, in bytes (0 where there is no /proc). */
    public static long treeRss(ProcessHandle root) {
        long sum = rss(root.pid());
        for (ProcessHandle d : root.descendants().toList()) {
            sum += rss(d.pid());
        }
        return sum;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }
}
