package org.disclosure.extractor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bar charts drawn as inline SVG, so a page shows its pictures with no script, no library and no network.
 * A chart's numbers are also in its {@code <title>} tooltips and in the table beside it, so nothing is only a picture.
 */
final class Charts {

    /** One bar series: its name, colour and one value per category (null where the report gives none). */
    record Series(String name, String colour, List<BigDecimal> values) {
    }

    /** The palette of the pages (colour-blind safe, Okabe–Ito). */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#999999");

    private static final int HEIGHT = 240;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final int LEFT = 70;

    private Charts() {
    }

    /**
     * Bars side by side per category (a year), one per series, or stacked when {@code stacked}: a stacked bar's
     * parts are parts of a whole (基本支出 + 项目支出).
     */
    static String bars(String title, String unit, List<String> categories, List<Series> series, boolean stacked) {
        BigDecimal max = BigDecimal.ZERO;
        for (int c = 0; c < categories.size(); c++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Series s : series) {
                BigDecimal v = s.values().get(c);
                if (v != null && v.signum() > 0) {
                    sum = stacked ? sum.add(v) : sum.max(v);
                }
            }
            max = max.max(sum);
        }
        int groupWidth = stacked ? 60 : Math.max(50, 22 * series.size() + 16);
        int width = Math.max(420, LEFT + groupWidth * Math.max(1, categories.size()) + 20);
        int plot = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title>", width, HEIGHT + 24 * rows(series),
                width, HEIGHT + 24 * rows(series), Html.escape(title + "（" + unit + "）")));
        BigDecimal top = niceCeiling(max);
        for (int i = 0; i <= 4; i++) {
            BigDecimal tick = top.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), 6, RoundingMode.HALF_UP);
            double y = TOP + plot - plot * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>",
                    LEFT, width - 10, y, y, LEFT - 6, y + 4, Html.escape(Numbers.plain(tick.stripTrailingZeros()))));
        }
        for (int c = 0; c < categories.size(); c++) {
            int x0 = LEFT + groupWidth * c + 8;
            double stackBase = 0;
            for (int s = 0; s < series.size(); s++) {
                Series ser = series.get(s);
                BigDecimal v = ser.values().get(c);
                if (v == null) {
                    continue;
                }
                double h = top.signum() == 0 ? 0 : plot * Math.max(0, v.doubleValue()) / top.doubleValue();
                double x = stacked ? x0 : x0 + 22 * s;
                double y = TOP + plot - h - (stacked ? stackBase : 0);
                int w = stacked ? groupWidth - 16 : 20;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                                + "<title>%s %s：%s %s</title></rect>", x, y, w, h, ser.colour(),
                        Html.escape(categories.get(c)), Html.escape(ser.name()), Html.escape(Numbers.plain(v)), Html.escape(unit)));
                if (stacked) {
                    stackBase += h;
                }
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"cat\">%s</text>",
                    x0 + (groupWidth - 16) / 2, TOP + plot + 18, Html.escape(categories.get(c))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"unit\">%s</text>", 4, 16, Html.escape(unit)));
        int lx = LEFT;
        int ly = HEIGHT;
        for (Series s : series) {
            int w = 30 + 14 * s.name().length();
            if (lx + w > width && lx > LEFT) {
                lx = LEFT;
                ly += 24;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>", lx, ly - 10, s.colour(), lx + 16, ly, Html.escape(s.name())));
            lx += w;
        }
        return svg.append("</svg>").toString();
    }

    /** Rows the legend takes (a rough count; the legend wraps at the chart's width). */
    private static int rows(List<Series> series) {
        return 1 + series.size() / 4;
    }

    /** Horizontal bars, one per row: the parts of one year's expenditure by 类. */
    static String horizontal(String title, String unit, List<String> labels, List<BigDecimal> values) {
        BigDecimal max = values.stream().filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::max);
        int labelWidth = 16 + 14 * labels.stream().mapToInt(String::length).max().orElse(4);
        int barArea = 360;
        int height = 24 * labels.size() + 30;
        int width = labelWidth + barArea + 110;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\"><title>%s</title>", width, height, width, height,
                Html.escape(title + "（" + unit + "）")));
        List<String> rowsSvg = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            BigDecimal v = values.get(i);
            double w = v == null || max.signum() == 0 ? 0 : barArea * Math.max(0, v.doubleValue()) / max.doubleValue();
            int y = 10 + 24 * i;
            rowsSvg.add(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"cat\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s：%s %s</title></rect>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"tick\">%s</text>",
                    labelWidth - 6, y + 13, Html.escape(labels.get(i)), labelWidth, y, w, PALETTE.get(0),
                    Html.escape(labels.get(i)), Html.escape(v == null ? "" : Numbers.plain(v)), Html.escape(unit),
                    labelWidth + w + 4, y + 13, Html.escape(v == null ? "" : Numbers.plain(v))));
        }
        rowsSvg.forEach(svg::append);
        return svg.append("</svg>").toString();
    }

    /** A round number at or above {@code max} for the top of the axis (1, 2 or 5 times a power of ten). */
    static BigDecimal niceCeiling(BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal power = BigDecimal.ONE.movePointRight(max.precision() - max.scale() - 1);
        for (int m : new int[] {1, 2, 5, 10}) {
            BigDecimal candidate = power.multiply(BigDecimal.valueOf(m));
            if (candidate.compareTo(max) >= 0) {
                return candidate;
            }
        }
        return power.multiply(BigDecimal.TEN);
    }
}
