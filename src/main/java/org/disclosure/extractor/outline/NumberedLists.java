package org.disclosure.extractor.outline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disclosure.extractor.ingest.Block;

/**
 * Finds numbered lists of sentences ("（一）拟制全县医疗保险…" … "（九）完成县委、县政府交办的其他任务。"): a run
 * (1, 2, 3 … in one numbering style) of which a third or more of the members do not read as headings is a list,
 * and its short members are list items too, not headings.
 */
final class NumberedLists {

    private NumberedLists() {
    }

    /** Three or more numbered lines in a row with nothing between them are a list or table rows, not sections. */
    private static final int BARE_RUN = 3;
    /** Fewer numbered paragraphs than this say too little to call them a list. */
    private static final int SHORTEST_LIST = 3;

    /** The candidates with the members of sentence lists, and of bare runs of numbered lines, taken out. */
    static List<Optional<Heading>> withoutListItems(List<Block> blocks, List<Optional<Heading>> candidates) {
        List<Optional<Heading>> kept = new ArrayList<>(candidates);
        dropBareRuns(kept);
        Map<HeadingNumber.Style, List<Integer>> runs = new EnumMap<>(HeadingNumber.Style.class);
        for (int i = 0; i < blocks.size(); i++) {
            Optional<HeadingNumber> number = blocks.get(i).isTable() ? Optional.empty() : HeadingNumber.parse(blocks.get(i).text());
            if (number.isEmpty() || isStyled(candidates.get(i))) {
                continue;
            }
            HeadingNumber n = number.get();
            List<Integer> run = runs.get(n.style());
            if (n.ordinal() == 1) {
                drop(run, kept);
                run = new ArrayList<>();
                runs.put(n.style(), run);
            } else if (run == null || ordinalAt(blocks, run.get(run.size() - 1)) != n.ordinal() - 1) {
                continue;
            }
            run.add(i);
        }
        runs.values().forEach(run -> drop(run, kept));
        return kept;
    }

    private static void dropBareRuns(List<Optional<Heading>> kept) {
        int start = 0;
        for (int i = 0; i <= kept.size(); i++) {
            if (i == kept.size() || !continuesBareRun(kept, start, i)) {
                if (i - start >= BARE_RUN) {
                    for (int j = start; j < i; j++) {
                        kept.set(j, Optional.empty());
                    }
                }
                start = i;
            }
        }
    }

    private static boolean continuesBareRun(List<Optional<Heading>> kept, int start, int i) {
        Optional<Heading> h = kept.get(i);
        if (h.isEmpty() || h.get().kind() != Heading.Kind.NUMBERED || h.get().runIn()) {
            return false;
        }
        return i == start || kept.get(start)
                .map(first -> first.number() != null && first.number().style() == h.get().number().style())
                .orElse(false);
    }

    /** Takes the candidates of a run out if a third or more of its members are sentences. */
    private static void drop(List<Integer> run, List<Optional<Heading>> kept) {
        if (run == null || run.size() < SHORTEST_LIST) {
            return;
        }
        long sentences = run.stream().filter(i -> kept.get(i).isEmpty()).count();
        if (sentences * 3 >= run.size()) {
            run.forEach(i -> kept.set(i, Optional.empty()));
        }
    }

    private static int ordinalAt(List<Block> blocks, int i) {
        return HeadingNumber.parse(blocks.get(i).text()).map(HeadingNumber::ordinal).orElse(-1);
    }

    private static boolean isStyled(Optional<Heading> candidate) {
        return candidate.map(h -> h.kind() == Heading.Kind.STYLED).orElse(false);
    }
}
