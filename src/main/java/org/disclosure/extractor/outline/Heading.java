package org.disclosure.extractor.outline;

/**
 * A block that reads as a heading, before the outline decides whether and where it sits.
 *
 * @param kind       why it reads as a heading
 * @param number     its number, or null if it has none
 * @param text       the heading as shown in paths: for a run-in heading only its lead ("（一）主要职能")
 * @param runIn      the body follows the lead in the same paragraph
 * @param styleLevel the Word heading level for a styled heading, else 0
 * @param span       how many blocks the heading takes (2 for "第一部分" on one line and "部门概况" on the next)
 */
record Heading(Kind kind, HeadingNumber number, String text, boolean runIn, int styleLevel, int span) {

    Heading(Kind kind, HeadingNumber number, String text, boolean runIn, int styleLevel) {
        this(kind, number, text, runIn, styleLevel, 1);
    }

    /** Why a block reads as a heading. */
    enum Kind {
        /** set in a Word heading style */
        STYLED,
        /** opens with a heading number (第二部分, 五、, （三）, 1., (2)) */
        NUMBERED,
        /** the title of a report (绩效自评报告, 绩效评价报告), its own or one appended */
        REPORT_TITLE,
        /** 附件, 附件2-1, 附表： */
        APPENDIX_MARK,
        /** an unnumbered line naming a known section (名词解释; a bold 机关运行经费) */
        NAMED,
        /** a table's label ("表一", "公开01表") where no tables part has begun: the tables begin here */
        TABLE_MARK
    }

    /** The heading's number's level, the Word level, or 0 where the outline must decide. */
    int nominalLevel() {
        if (kind == Kind.STYLED) {
            return styleLevel;
        }
        return number != null ? number.level() : 0;
    }

    /** Written with a list number in Arabic digits and 、 as Word renders automatic numbering ("7、 …"). */
    boolean wordListNumber() {
        return number != null && number.style() == HeadingNumber.Style.ARABIC && number.prefix().contains("、");
    }
}
