package org.disclosure.extractor.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the report pages into a folder: index.html and one page per department under departments/, each a single
 * self-contained file (style and charts inline) that opens in any browser with no network.
 */
public final class ReportSite {

    private ReportSite() {
    }

    /** Sorted as the index lists them: by province, city, county (known regions first), then name. */
    static final Comparator<DepartmentHistory> BY_REGION = Comparator
            .comparing((DepartmentHistory d) -> d.province().isEmpty())
            .thenComparing(DepartmentHistory::province)
            .thenComparing(DepartmentHistory::city)
            .thenComparing(DepartmentHistory::county)
            .thenComparing(DepartmentHistory::name);

    /** Writes the pages; returns the number of department pages. */
    public static int write(List<DepartmentHistory> departments, Path dir) throws IOException {
        List<DepartmentHistory> sorted = departments.stream().sorted(BY_REGION).toList();
        Path pages = dir.resolve("departments");
        Files.createDirectories(pages);
        List<String> files = new ArrayList<>();
        for (DepartmentHistory d : sorted) {
            String file = "departments/" + d.id() + ".html";
            write(dir.resolve(file), DepartmentPage.render(d));
            files.add(file);
        }
        write(dir.resolve("index.html"), IndexPage.render(sorted, files));
        return sorted.size();
    }

    private static void write(Path file, String html) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
