package org.disclosure.extractor.panel;

import java.util.List;

/**
 * Which department a record is of, across years: its region (doc.region.code where known) and its name as
 * {@link NameVariants} rewrites it, without the places the region names in front (江苏省人民检察院 and 省检察院 of a
 * report in 江苏省 are one department). Where the region is not known, the whole rewritten name is the identity.
 *
 * @param region the GB/T 2260 code, or "" where not known
 * @param name   the rewritten name without its region's places
 */
public record DepartmentIdentity(String region, String name) {

    /** The identity of a record's department. */
    public static DepartmentIdentity of(PanelRecord r, NameVariants variants) {
        return of(r.department(), r.region(), variants);
    }

    /** The identity of a name written in a report of this region (a renamed department's old name, too). */
    public static DepartmentIdentity of(String department, PanelRecord.Region region, NameVariants variants) {
        String name = variants.normalise(department);
        if (region.code().isEmpty()) {
            return new DepartmentIdentity("", name);
        }
        boolean stripped = false;
        for (boolean again = true; again; ) {
            again = false;
            for (String place : List.of(region.province(), region.city(), region.county())) {
                if (!place.isEmpty() && name.startsWith(place) && name.length() > place.length()) {
                    name = name.substring(place.length());
                    stripped = again = true;
                }
            }
        }
        // a name that gives its place by level only (省检察院, 区财政局) where the report says which place
        if (!stripped && name.length() > 2 && "省市区县".indexOf(name.charAt(0)) >= 0) {
            name = name.substring(1);
        }
        return new DepartmentIdentity(region.code(), name);
    }

    /** As the panel shows it: 320000/检察院, or the name alone where the region is not known. */
    @Override
    public String toString() {
        return region.isEmpty() ? name : region + "/" + name;
    }
}
