package org.disclosure.extractor.ingest.ocr;

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
 * Template words the recogniser is known to misread, put right in text read by OCR (grammars/ocr_misreadings.yaml).
 * A correction replaces characters one for one, so each keeps its place on the page.
 */
public final class OcrMisreadings {

    /** One known misreading: what is read, and what it stands for (as long as every match; $1 … for its groups). */
    record Misreading(Pattern read, String means) {
    }

    private static volatile OcrMisreadings loaded;

    private final List<Misreading> misreadings;

    OcrMisreadings(List<Misreading> misreadings) {
        this.misreadings = List.copyOf(misreadings);
    }

    /** The misreadings of the grammars folder, read once. */
    public static OcrMisreadings load() {
        OcrMisreadings m = loaded;
        if (m == null) {
            try (InputStream in = GrammarFiles.open("ocr_misreadings.yaml")) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
                List<Misreading> list = new ArrayList<>();
                for (JsonNode e : root.path("misreadings")) {
                    list.add(new Misreading(Pattern.compile(e.path("read").asText()), e.path("means").asText()));
                }
                m = new OcrMisreadings(list);
                loaded = m;
            } catch (IOException e) {
                throw new UncheckedIOException("grammars/ocr_misreadings.yaml: " + e.getMessage(), e);
            }
        }
        return m;
    }

    /** The replacement with $1 … $9 standing for what the groups of the match hold. */
    static String expand(String means, Matcher matcher) {
        if (means.indexOf('$') < 0) {
            return means;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < means.length(); i++) {
            char c = means.charAt(i);
            if (c == '$' && i + 1 < means.length() && Character.isDigit(means.charAt(i + 1))) {
                int group = means.charAt(++i) - '0';
                String g = group <= matcher.groupCount() ? matcher.group(group) : null;
                out.append(g == null ? "" : g);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text with known misreadings put right; always as long as the text. */
    public String correct(String text) {
        String out = text;
        for (Misreading m : misreadings) {
            Matcher matcher = m.read().matcher(out);
            StringBuilder sb = null;
            int last = 0;
            while (matcher.find()) {
                String means = expand(m.means(), matcher);
                if (matcher.end() - matcher.start() != means.length()) {
                    continue;
                }
                if (sb == null) {
                    sb = new StringBuilder(out.length());
                }
                sb.append(out, last, matcher.start()).append(means);
                last = matcher.end();
            }
            if (sb != null) {
                out = sb.append(out, last, out.length()).toString();
            }
        }
        return out;
    }
}
