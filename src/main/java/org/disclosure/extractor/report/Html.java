package org.disclosure.extractor.report;

/** The pieces every page shares: escaping, and the page frame with its inline style (no file, font or script fetched). */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A whole page: UTF-8, the style inline, a content security policy that forbids fetching anything. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>\n" + body
                + "\n<footer>disclosure-extractor — 数据取自各部门公开的预算、决算报告；每个数字注明出处（文件、页码、原文）。"
                + "标“计算”的增减为本工具计算，非报告所写。</footer></body></html>\n";
    }

    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;\
            margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.5}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
            .region{color:#555}table{border-collapse:collapse;margin:.6em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}th{background:#f3f3f3;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .chart{display:block;margin:.6em 0}.chart .tick,.chart .cat,.chart .legend,.chart .unit{font-size:12px;fill:#333}
            .error{color:#b00020;font-weight:bold}.warning{color:#8a5a00}.info{color:#555}
            blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #ccc;color:#333}
            .source{color:#666;font-size:.85em}footer{margin-top:3em;color:#777;font-size:.85em}
            a{color:#0645ad}""";
}
