package org.disclosure.extractor.panel;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity of each record's department, joining a renamed department's old and new names where a report says
 * so (原XX局更名为YY局): the department keeps the identity of its newest name.
 */
final class Renames {

    private Renames() {
    }

    static Map<PanelRecord, DepartmentIdentity> identities(List<PanelRecord> records, Map<PanelRecord, PanelRecord.Region> regions,
                                                           NameVariants variants) {
        Map<DepartmentIdentity, DepartmentIdentity> parent = new HashMap<>();
        Map<PanelRecord, DepartmentIdentity> own = new HashMap<>();
        Map<DepartmentIdentity, Integer> newest = new HashMap<>();
        for (PanelRecord r : records) {
            DepartmentIdentity id = DepartmentIdentity.of(r.department(), regions.get(r), variants);
            own.put(r, id);
            parent.putIfAbsent(id, id);
            newest.merge(id, r.year(), Math::max);
        }
        for (PanelRecord r : records) {
            for (String text : r.texts()) {
                for (NameVariants.Rename rename : variants.renames(text)) {
                    DepartmentIdentity from = DepartmentIdentity.of(rename.oldName(), regions.get(r), variants);
                    DepartmentIdentity to = DepartmentIdentity.of(rename.newName(), regions.get(r), variants);
                    // a rename joins departments the panel holds; the new name is the one the record's year uses
                    if (parent.containsKey(from) && parent.containsKey(to) && !from.equals(to)) {
                        union(parent, newest, from, to);
                    }
                }
            }
        }
        Map<PanelRecord, DepartmentIdentity> out = new HashMap<>();
        own.forEach((r, id) -> out.put(r, find(parent, id)));
        return out;
    }

    /**
     * Each record's region: its own where known; else the one region that records of the same name (as rewritten)
     * have — a year whose report does not say the place is still that department's.
     */
    static Map<PanelRecord, PanelRecord.Region> regions(List<PanelRecord> records, NameVariants variants) {
        Map<String, Map<String, PanelRecord.Region>> byName = new HashMap<>();
        for (PanelRecord r : records) {
            if (!r.region().code().isEmpty()) {
                byName.computeIfAbsent(variants.normalise(r.department()), n -> new HashMap<>()).put(r.region().code(), r.region());
            }
        }
        Map<PanelRecord, PanelRecord.Region> out = new HashMap<>();
        for (PanelRecord r : records) {
            Map<String, PanelRecord.Region> known = byName.getOrDefault(variants.normalise(r.department()), Map.of());
            out.put(r, r.region().code().isEmpty() && known.size() == 1 ? known.values().iterator().next() : r.region());
        }
        return out;
    }

    private static DepartmentIdentity find(Map<DepartmentIdentity, DepartmentIdentity> parent, DepartmentIdentity id) {
        DepartmentIdentity p = parent.get(id);
        while (!p.equals(parent.get(p))) {
            p = parent.get(p);
        }
        parent.put(id, p);
        return p;
    }

    /** Joins two identities under the one whose reports are newest (a renamed department is known by its new name). */
    private static void union(Map<DepartmentIdentity, DepartmentIdentity> parent, Map<DepartmentIdentity, Integer> newest,
                              DepartmentIdentity a, DepartmentIdentity b) {
        DepartmentIdentity ra = find(parent, a);
        DepartmentIdentity rb = find(parent, b);
        if (ra.equals(rb)) {
            return;
        }
        DepartmentIdentity root = List.of(ra, rb).stream()
                .max(Comparator.comparingInt((DepartmentIdentity d) -> newest.getOrDefault(d, 0))
                        .thenComparing(DepartmentIdentity::toString)).orElseThrow();
        DepartmentIdentity child = root.equals(ra) ? rb : ra;
        parent.put(child, root);
        newest.merge(root, newest.getOrDefault(child, 0), Math::max);
    }
}
