package org.disclosure.extractor.outline;

import java.util.List;

/**
 * One section: its heading block, the blocks it covers, its canonical name (null if none fits).
 * A section covers its heading block and everything up to the next heading of the same or a higher level.
 *
 * @param heading      the heading as written ("八、“三公”经费财政拨款支出决算情况说明"); for a run-in heading its lead only
 * @param canonical    the name from {@code grammars/sections.yaml} ("three_public"), or null
 * @param level        nesting level: 1 for 第N部分 and report titles, 2 for 一、, 3 for （一）, 4 for 1., 5 for (1)
 *                     (Word heading styles give theirs)
 * @param headingBlock index in {@code doc.blocks()} of the heading's (first) block
 * @param firstBlock   first block of the body: the heading block itself for a run-in heading
 *                     ("（一）主要职能。组织拟定…"), else the block after the heading
 * @param endBlock     index just past the section's last block
 * @param page         page of the heading, or null where the format has no pages
 * @param scope        main report, glossary or appendix
 * @param path         headings from the outermost section down to this one
 */
public record Section(String heading, String canonical, int level, int headingBlock, int firstBlock, int endBlock,
                      Integer page, Scope scope, List<String> path) {

    public Section {
        path = List.copyOf(path);
    }

    public boolean contains(int blockIndex) {
        return blockIndex >= headingBlock && blockIndex < endBlock;
    }
}
