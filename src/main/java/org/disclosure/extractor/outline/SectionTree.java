package org.disclosure.extractor.outline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The sections of a document in document order, and where each block sits among them. */
public record SectionTree(List<Section> sections) {

    public SectionTree {
        sections = List.copyOf(sections);
    }

    /** The deepest section containing that block. */
    public Optional<Section> innermost(int blockIndex) {
        Section inner = null;
        for (Section s : sections) {
            if (s.headingBlock() > blockIndex) {
                break;
            }
            if (s.contains(blockIndex)) {
                inner = s;
            }
        }
        return Optional.ofNullable(inner);
    }

    /** Headings from the root joined with " > ", or "" for a block before any heading. */
    public String pathOf(int blockIndex) {
        return innermost(blockIndex).map(s -> String.join(" > ", s.path())).orElse("");
    }

    /** MAIN for blocks before any heading. */
    public Scope scopeOf(int blockIndex) {
        return innermost(blockIndex).map(Section::scope).orElse(Scope.MAIN);
    }

    /** Canonical names of the enclosing sections, outermost first (sections without one skipped). */
    public List<String> canonicalPathOf(int blockIndex) {
        return enclosing(blockIndex).stream().map(Section::canonical).filter(Objects::nonNull).toList();
    }

    /** All sections of that canonical name, in document order. */
    public List<Section> withCanonical(String canonical) {
        return sections.stream().filter(s -> canonical.equals(s.canonical())).toList();
    }

    /** The sections containing that block, outermost first. */
    public List<Section> enclosing(int blockIndex) {
        return sections.stream()
                .takeWhile(s -> s.headingBlock() <= blockIndex)
                .filter(s -> s.contains(blockIndex))
                .toList();
    }
}
