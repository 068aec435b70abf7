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

    /** The candidates with the members of sentence lists taken out. */
    static List<Optional<Heading>> withoutListItems(List<Block> blocks, List<Optional<Heading>> candidates) {
        List<Optional<Heading>> kept = new ArrayList<>(candidates);
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

    /** Takes the candidates of a run out if most of its members are sentences. */
    private static void drop(List<Integer> run, List<Optional<Heading>> kept) {
        if (run == null || run.size() < 2) {
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
