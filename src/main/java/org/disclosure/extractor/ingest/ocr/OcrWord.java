package org.disclosure.extractor.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One word Tesseract read on a page image, in the image's pixels (origin top left), with the box and confidence
 * of each of its characters and the baseline of its line.
 *
 * @param text       the word
 * @param left       left edge
 * @param top        top edge
 * @param right      right edge
 * @param bottom     bottom edge
 * @param confidence Tesseract's confidence in the word, 0–100
 * @param chars      its characters, left to right
 * @param line       which text line of Tesseract's layout the word is on (numbered down the page)
 * @param baseline   where that line's baseline runs under the word's middle
 */
public record OcrWord(String text, int left, int top, int right, int bottom, float confidence, List<OcrChar> chars,
                      int line, double baseline) {

    /** One character of a word: its box and Tesseract's confidence in it. */
    public record OcrChar(String text, int left, int top, int right, int bottom, float confidence) {
    }

    private static final Pattern ELEMENT = Pattern.compile(
            "<span class='(ocr_line|ocr_caption|ocr_textfloat|ocr_header|ocrx_word|ocrx_cinfo)'[^>]*?title=[\"']([^\"']*)[\"'][^>]*>([^<]*)");
    private static final Pattern BBOX = Pattern.compile("(?:bbox|x_bboxes) (-?\\d+) (-?\\d+) (-?\\d+) (-?\\d+)");
    private static final Pattern BASELINE = Pattern.compile("baseline (-?[\\d.]+) (-?[\\d.]+)");
    private static final Pattern CONF = Pattern.compile("(?:x_wconf|x_conf) (-?[\\d.]+)");

    /**
     * The words of Tesseract's hOCR output made with hocr_char_boxes=1: lines (ocr_line and its kin) with their
     * baseline, words (ocrx_word) with their confidence, characters (ocrx_cinfo) with their boxes.
     */
    static List<OcrWord> parseHocr(String hocr) {
        List<OcrWord> words = new ArrayList<>();
        int line = -1;
        int[] lineBox = null;
        double slope = 0;
        double offset = 0;
        int[] wordBox = null;
        float wordConf = 0;
        List<OcrChar> chars = new ArrayList<>();
        Matcher m = ELEMENT.matcher(hocr);
        while (m.find()) {
            String kind = m.group(1);
            String title = m.group(2);
            if (!kind.equals("ocrx_cinfo")) {
                flush(words, wordBox, wordConf, chars, line, lineBox, slope, offset);
                chars = new ArrayList<>();
                wordBox = null;
            }
            switch (kind) {
                case "ocrx_word" -> {
                    wordBox = box(title);
                    wordConf = number(CONF, title, 0);
                }
                case "ocrx_cinfo" -> {
                    int[] b = box(title);
                    String text = unescape(m.group(3)).strip();
                    if (b != null && !text.isEmpty()) {
                        chars.add(new OcrChar(text, b[0], b[1], b[2], b[3], number(CONF, title, wordConf)));
                    }
                }
                default -> {
                    line++;
                    lineBox = box(title);
                    Matcher bl = BASELINE.matcher(title);
                    boolean has = bl.find();
                    slope = has ? Double.parseDouble(bl.group(1)) : 0;
                    offset = has ? Double.parseDouble(bl.group(2)) : 0;
                }
            }
        }
        flush(words, wordBox, wordConf, chars, line, lineBox, slope, offset);
        return words;
    }

    private static void flush(List<OcrWord> words, int[] box, float conf, List<OcrChar> chars, int line, int[] lineBox,
                              double slope, double offset) {
        if (box == null || chars.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        chars.forEach(c -> text.append(c.text()));
        double middle = (box[0] + box[2]) / 2.0;
        double baseline = lineBox == null ? box[3] : lineBox[3] + offset + slope * (middle - lineBox[0]);
        words.add(new OcrWord(text.toString(), box[0], box[1], box[2], box[3], Math.max(0, conf), List.copyOf(chars),
                line, baseline));
    }

    private static int[] box(String title) {
        Matcher b = BBOX.matcher(title);
        if (!b.find()) {
            return null;
        }
        return new int[] {Integer.parseInt(b.group(1)), Integer.parseInt(b.group(2)), Integer.parseInt(b.group(3)),
                Integer.parseInt(b.group(4))};
    }

    private static float number(Pattern p, String title, float otherwise) {
        Matcher m = p.matcher(title);
        return m.find() ? Float.parseFloat(m.group(1)) : otherwise;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&amp;", "&");
    }
}
