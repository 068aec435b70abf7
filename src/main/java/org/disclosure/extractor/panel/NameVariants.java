package org.disclosure.extractor.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disclosure.extractor.GrammarFiles;

/**
 * How one department's name varies between reports (grammars/department_names.yaml): the rewrites that make names
 * of one department equal, the words that say a report is a department's or one unit's, and the sentences that
 * say a department was renamed.
 */
public record NameVariants(List<Rewrite> rewrites, Pattern unitScope, Pattern departmentScope, List<Pattern> renames) {

    /** One rewrite of a name: every match of {@code pattern} becomes {@code replace}. */
    public record Rewrite(Pattern pattern, String replace) {
    }

    /** A rename a sentence states: the old name and the new, as written. */
    public record Rename(String oldName, String newName, String sentence) {
    }

    /** A department's report (部门预算/部门决算) or one unit's (单位预算/单位决算). */
    public static final String DEPARTMENT = "部门";
    public static final String UNIT = "单位";
    /** A volume that names neither (a volume of tables titled 收支预算总表). */
    public static final String UNSTATED = "未说明";

    private static final class Holder {
        static final NameVariants STANDARD = load();
    }

    public NameVariants {
        rewrites = List.copyOf(rewrites);
        renames = List.copyOf(renames);
    }

    public static NameVariants standard() {
        return Holder.STANDARD;
    }

    /** The name with every rewrite applied: one department's variants come out equal. */
    public String normalise(String name) {
        String n = name.strip();
        for (Rewrite r : rewrites) {
            n = r.pattern().matcher(n).replaceAll(r.replace());
        }
        return n;
    }

    /** 部门, 单位 or 未说明, from the words that stated the report's kind (2025年区级单位预算). */
    public String scope(String statement) {
        if (statement == null) {
            return UNSTATED;
        }
        if (unitScope.matcher(statement).find()) {
            return UNIT;
        }
        return departmentScope.matcher(statement).find() ? DEPARTMENT : UNSTATED;
    }

    /** The renames a text states (原XX局更名为YY局 …). */
    public List<Rename> renames(String text) {
        List<Rename> found = new ArrayList<>();
        if (text == null || !(text.contains("更名") || text.contains("不再保留"))) {
            return found;
        }
        for (Pattern p : renames) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(new Rename(m.group("old"), m.group("new"), text));
            }
        }
        return found;
    }

    private static NameVariants load() {
        try (InputStream in = GrammarFiles.open("department_names.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Rewrite> rewrites = new ArrayList<>();
            for (JsonNode r : root.path("rewrites")) {
                rewrites.add(new Rewrite(Pattern.compile(r.path("pattern").asText()), r.path("replace").asText("")));
            }
            List<Pattern> renames = new ArrayList<>();
            root.path("renames").forEach(r -> renames.add(Pattern.compile(r.asText())));
            return new NameVariants(rewrites, Pattern.compile(root.path("scopes").path("unit").asText()),
                    Pattern.compile(root.path("scopes").path("department").asText()), renames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read department_names.yaml from the " + GrammarFiles.origin(), e);
        }
    }
}
