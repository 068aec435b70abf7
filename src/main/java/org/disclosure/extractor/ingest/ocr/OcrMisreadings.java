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
 * A correction replaces characters one for one, or drops a character the recogniser put in, so each character
 * left keeps its place on the page.
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

    /**
     * A text with its misreadings put right, and where each of its characters came from: character i of
     * {@code text} stands where character {@code source[i]} of the text as read did.
     */
    public record Corrected(String text, int[] source) {
    }

    /** The text with known misreadings put right; always as long as the text or shorter. */
    public String correct(String text) {
        return corrected(text).text();
    }

    /**
     * The text with known misreadings put right. A correction replaces characters one for one, or drops characters
     * the recogniser put in (its replacement is then what it matched with those characters left out).
     */
    public Corrected corrected(String text) {
        String out = text;
        int[] source = new int[text.length()];
        for (int i = 0; i < source.length; i++) {
            source[i] = i;
        }
        for (Misreading m : misreadings) {
            Matcher matcher = m.read().matcher(out);
            StringBuilder sb = null;
            int[] src = null;
            int n = 0;
            int last = 0;
            while (matcher.find()) {
                String match = matcher.group();
                String means = expand(m.means(), matcher);
                int[] kept = kept(match, means);
                if (kept == null) {
                    continue;
                }
                if (sb == null) {
                    sb = new StringBuilder(out.length());
                    src = new int[out.length()];
                }
                for (int i = last; i < matcher.start(); i++) {
                    sb.append(out.charAt(i));
                    src[n++] = source[i];
                }
                for (int i = 0; i < means.length(); i++) {
                    sb.append(means.charAt(i));
                    src[n++] = source[matcher.start() + kept[i]];
                }
                last = matcher.end();
            }
            if (sb != null) {
                for (int i = last; i < out.length(); i++) {
                    sb.append(out.charAt(i));
                    src[n++] = source[i];
                }
                out = sb.toString();
                source = java.util.Arrays.copyOf(src, n);
            }
        }
        return new Corrected(out, source);
    }

    /**
     * Which character of the match each character of the replacement stands for: one for one when they are as
     * long; else the replacement must be the match with characters left out (the match's own characters, in
     * order). Null when it is neither.
     */
    private static int[] kept(String match, String means) {
        int[] kept = new int[means.length()];
        if (match.length() == means.length()) {
            for (int i = 0; i < kept.length; i++) {
                kept[i] = i;
            }
            return kept;
        }
        if (means.length() > match.length()) {
            return null;
        }
        int j = 0;
        for (int i = 0; i < means.length(); i++) {
            while (j < match.length() && match.charAt(j) != means.charAt(i)) {
                j++;
            }
            if (j == match.length()) {
                return null;
            }
            kept[i] = j++;
        }
        return kept;
    }
}
