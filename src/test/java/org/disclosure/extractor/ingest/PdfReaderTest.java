package org.disclosure.extractor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.disclosure.extractor.ingest.PdfLines.Glyph;
import org.disclosure.extractor.ingest.PdfLines.Line;
import org.disclosure.extractor.ingest.PdfReader.PageLines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReaderTest {

    private static final Path SEED_001_PDF = Path.of("corpus/rendered/001_627f347534218911.pdf");
    private static final Path SEED_001_TXT = Path.of("corpus/seeds/001_627f347534218911.txt");
    private static final Path BEIJING = Path.of("corpus/real/北京市司法局-2026-部门预算.pdf");
    private static final Path CHANGSHA = Path.of("corpus/real/长沙市信访局-2026-部门预算.pdf");
    private static final Pattern PAGE_NUMBER = Pattern.compile("[-—–\\s]*(第\\s*)?\\d{1,3}\\s*(页)?[-—–\\s]*|\\d+\\s*/\\s*\\d+");

    private static Document seed001;
    private static Document beijing;
    private static Document changsha;

    @BeforeAll
    static void readCorpus() throws Exception {
        PdfReader reader = new PdfReader();
        seed001 = reader.read(SEED_001_PDF, "001.pdf");
        beijing = reader.read(BEIJING, "beijing.pdf");
        changsha = reader.read(CHANGSHA, "changsha.pdf");
    }

    private static List<String> texts(Document doc) {
        return doc.blocks().stream().map(Block::text).toList();
    }

    private static Block blockContaining(Document doc, String text) {
        // a paragraph where one holds the text, else a table
        return doc.blocks().stream().filter(b -> b.text().contains(text))
                .min(Comparator.comparing(Block::isTable))
                .orElseThrow(() -> new AssertionError("no block contains " + text));
    }

    @Test
    void describesTheDocument() {
        assertThat(seed001.file()).isEqualTo("001.pdf");
        assertThat(seed001.format()).isEqualTo("pdf");
        assertThat(seed001.pages()).isEqualTo(17);
        assertThat(seed001.blocks()).allSatisfy(b -> assertThat(b.kind()).isIn(BlockKind.PARAGRAPH, BlockKind.TABLE));
        assertThat(seed001.tables()).isNotEmpty();
    }

    @Test
    void aSentenceWrappedOverLinesIsOneBlockWithNoSpacesAdded() throws IOException {
        String sentence = "（三）组织拟制全县医疗保障筹资和待遇政策措施，完善动态调整和区域调剂平衡机制，统筹城乡医疗保障待遇标准，"
                + "建立健全与筹资水平相适应的待遇调整机制。组织拟制并实施长期护理保险制度改革方案。";
        assertThat(Files.readString(SEED_001_TXT, StandardCharsets.UTF_8)).contains(sentence);
        assertThat(texts(seed001)).contains(sentence);
    }

    @Test
    void aParagraphCutByAPageBreakIsJoinedOnTheFirstPage() throws IOException {
        // wraps "…于2019年" / "3月20日…" on page 1 and "…包括办公室、规" / "划财务和法规股…" across pages 1 and 2
        String seedLine = Files.readAllLines(SEED_001_TXT, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("（一）内设机构设置。")).findFirst().orElseThrow().strip();
        Block block = blockContaining(seed001, "（一）内设机构设置。");
        assertThat(block.text()).isEqualTo(seedLine).contains("于2019年3月20日正式挂牌成立").contains("办公室、规划财务");
        assertThat(block.page()).isEqualTo(1);
        assertThat(block.emphasised()).isFalse();
    }

    @Test
    void pagesAreSetAndNeverGoBack() {
        for (Document doc : List.of(seed001, beijing, changsha)) {
            int last = 1;
            for (Block b : doc.blocks()) {
                assertThat(b.page()).isBetween(last, doc.pages());
                last = b.page();
            }
        }
        assertThat(seed001.blocks().get(0).page()).isEqualTo(1);
        assertThat(seed001.blocks().get(seed001.blocks().size() - 1).page()).isEqualTo(17);
        assertThat(blockContaining(seed001, "第三部分").page()).isEqualTo(9);
    }

    @Test
    void noBlockIsARunningPageNumber() {
        for (Document doc : List.of(seed001, beijing, changsha)) {
            assertThat(texts(doc)).noneMatch(t -> PAGE_NUMBER.matcher(t.strip()).matches());
        }
        // Beijing prints "- 8 -" under the last line of page 8, in the middle of a sentence that goes on to page 9
        Block block = blockContaining(beijing, "北京市司法局共有车辆37台");
        assertThat(block.text()).isEqualTo("截至2025年底，北京市司法局共有车辆37台，单位价值100万元以上的设备7台（套）。"
                + "2026年预算安排中，购置单位价值100万元以上的设备0台（套），共计0万元。");
        assertThat(block.page()).isEqualTo(8);
        assertThat(texts(beijing)).noneMatch(t -> t.matches(".*-\\s*\\d+\\s*-.*"));
    }

    @Test
    void tableRowsStayApartFromTheNarrative() {
        List<String> texts = texts(seed001);
        assertThat(texts).contains("（二）决算单位构成。蓝山县医疗保障局2023年部门决算汇总公开单位构成只包括蓝山县医疗保障局本级。"
                + "不再包含蓝山县医保事务中心决算报表数据。医保事务中心决算报表单独上报。");
        // the ruled table is a table block of its own; the note under its frame stays a paragraph
        Block table = blockContaining(seed001, "一般公共预算财政拨款收入");
        assertThat(table.isTable()).isTrue();
        assertThat(table.table().rows()).anySatisfy(row -> assertThat(row).extracting(Cell::text)
                .containsExactly("本年收入合计", "9", "391.37", "本年支出合计", "22", "391.37"));
        assertThat(texts).contains("注：本表反映部门本年度的总收支和年末结转结余情况。");
        // no figure of the tables (pages 2 to 8) is left in a paragraph
        List<String> paragraphs = seed001.blocks().stream().filter(b -> !b.isTable() && b.page() <= 8)
                .map(Block::text).toList();
        assertThat(paragraphs).noneMatch(t -> t.contains("391.37"));
    }

    @Test
    void headingsAndTitlesInBoldAreEmphasisedBlocksOfTheirOwn() {
        assertThat(blockContaining(seed001, "一、部门职能职责").text()).isEqualTo("一、部门职能职责");
        assertThat(blockContaining(seed001, "一、部门职能职责").emphasised()).isTrue();
        assertThat(blockContaining(seed001, "部门收入决算表").emphasised()).isTrue();
        assertThat(blockContaining(seed001, "（九）完成县委、县政府交办的其他任务。").emphasised()).isFalse();
    }

    @Test
    void readsInVisualOrderWhereTheContentStreamDoesNot() {
        // Changsha page 30 prints the header cell "整体绩效目标" before the title cell above and beside it
        Table table = changsha.blocks().stream().filter(b -> b.page() == 30 && b.isTable()).findFirst()
                .orElseThrow().table();
        assertThat(table.rows().get(0)).extracting(Cell::text)
                .containsSubsequence("单位名称", "整体绩效目标", "部门整体支出年度绩效目标");
    }

    @Test
    void aLineWhoseTailIsPrintedBeforeItsHeadReadsInOrder(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("order.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // the paragraph's second line first, then its first line above it
                show(cs, font, 72, 686, "mu nu xi omicron.");
                show(cs, font, 72, 700, "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda");
            }
            doc.save(pdf.toFile());
        }
        Document doc = new PdfReader().read(pdf, "order.pdf");
        assertThat(texts(doc)).containsExactly(
                "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron.");
        assertThat(doc.pages()).isEqualTo(1);
    }

    @Test
    void joinsWrappedNumbersAndCjkWithoutSpacesAndLatinWordsWithOne() {
        // 14,770 | .62 — Chinese text wraps in the middle of a number
        Line first = line(72, 100, "比上年增加一般公共预算财政拨款支出14,770");
        Line second = line(72, 118, ".62万元，主要是人员经费增加。");
        List<Block> blocks = new PdfParagraphs(List.of(new PageLines(1, 595, 842, List.of(first, second)))).blocks();
        assertThat(blocks).extracting(Block::text).containsExactly("比上年增加一般公共预算财政拨款支出14,770.62万元，主要是人员经费增加。");

        Line latin1 = line(72, 100, "采购Windows");
        Line latin2 = line(72, 118, "Server许可");
        List<Block> latin = new PdfParagraphs(List.of(new PageLines(1, 595, 842, List.of(latin1, latin2)))).blocks();
        assertThat(latin).extracting(Block::text).containsExactly("采购Windows Server许可");
    }

    @Test
    void dropsPageNumbersOnlyInThePageMargins() {
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(glyphs(72, 400, "正文第一行"));
        glyphs.addAll(glyphs(290, 810, "- 3 -"));
        glyphs.addAll(glyphs(72, 420, "5"));
        List<Line> lines = PdfLines.lines(glyphs, List.of(), 842);
        assertThat(lines).extracting(Line::text).containsExactly("正文第一行", "5");
        assertThat(PdfLines.isPageNumber("第 3 页")).isTrue();
        assertThat(PdfLines.isPageNumber("3/20")).isTrue();
        assertThat(PdfLines.isPageNumber("391.37")).isFalse();
    }

    @Test
    void splitsATableRowAtWideGaps() {
        List<Glyph> glyphs = new ArrayList<>();
        glyphs.addAll(glyphs(72, 300, "本年收入合计"));
        glyphs.addAll(glyphs(250, 300, "391.37"));
        glyphs.addAll(glyphs(400, 300, "391.37"));
        Line row = PdfLines.lines(glyphs, List.of(), 842).get(0);
        assertThat(row.tabular()).isTrue();
        assertThat(row.text()).isEqualTo("本年收入合计 391.37 391.37");
    }

    @Test
    void contentsEntriesWithDotLeadersStayApart() throws Exception {
        Document doc = new PdfReader().read(Path.of("corpus/real/上海市普陀区司法局-2026-部门预算.pdf"), "putuo.pdf");
        List<String> page2 = doc.blocks().stream().filter(b -> b.page() == 2).map(Block::text).toList();
        assertThat(page2).anyMatch(t -> t.startsWith("一、部门主要职能 …"));
        assertThat(page2).anyMatch(t -> t.startsWith("二、部门机构设置 …"));
        assertThat(page2).noneMatch(t -> t.contains("职能") && t.contains("机构设置"));
    }

    @Test
    void runningHeadersRepeatedAtopThePagesAreDropped() {
        List<PageLines> pages = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            List<Glyph> glyphs = new ArrayList<>();
            for (Glyph g : glyphs(60, 18, "某某市某某局2026年度部门预算公开")) {
                glyphs.add(new Glyph(g.text(), g.x() * 0.75 + 15, g.y(), g.width() * 0.75, 9, false, false, ""));
            }
            glyphs.addAll(glyphs(72, 100, "第" + p + "页正文的第一行，内容各不相同。"));
            pages.add(new PageLines(p, 595, 842, PdfLines.lines(glyphs, List.of(), 842)));
        }
        List<Block> blocks = new PdfParagraphs(pages).blocks();
        assertThat(blocks).extracting(Block::text).noneMatch(t -> t.contains("部门预算公开")).hasSize(4);
    }

    @Test
    void aSuperscriptStaysOnItsLine() {
        List<Glyph> glyphs = new ArrayList<>(glyphs(72, 400, "原江北区规划自然资源局"));
        glyphs.add(new Glyph("*", 204, 395, 5, 8, false, false, ""));
        glyphs.addAll(glyphs(209, 400, "、沙坪坝"));
        assertThat(PdfLines.lines(glyphs, List.of(), 842)).extracting(Line::text)
                .containsExactly("原江北区规划自然资源局*、沙坪坝");
    }

    @Test
    void knowsWhenALineStartsTheNextNumberedItem() {
        assertThat(PdfParagraphs.nextItem("八、财政拨款安排的行政经费及“三公”经费预算表", "九、政府性基金预算支出情况表")).isTrue();
        assertThat(PdfParagraphs.nextItem("（二）公务接待费。", "（三）公务用车购置和运行维护费。")).isTrue();
        assertThat(PdfParagraphs.nextItem("表7.2026年部门预算表", "表8.2026年部门预算表")).isTrue();
        assertThat(PdfParagraphs.nextItem("减少的主要原因为1、医保局调剂。", "2、2023年退休2人。")).isFalse();
        assertThat(PdfParagraphs.nextItem("九、其他", "十一、其他")).isFalse();
        assertThat(PdfParagraphs.number("二十三")).isEqualTo(23);
        assertThat(PdfParagraphs.number("十")).isEqualTo(10);
    }

    @Test
    void aTruncatedPdfIsCorrupt(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.pdf");
        byte[] bytes = Files.readAllBytes(SEED_001_PDF);
        Files.write(cut, java.util.Arrays.copyOf(bytes, 3000));
        assertThatThrownBy(() -> new PdfReader().read(cut, "cut.pdf"))
                .isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo("corrupt");
                    assertThat(e.getMessage()).startsWith("cut.pdf: ").contains("PDFBox");
                });
    }

    @Test
    void randomBytesAreCorrupt(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.pdf");
        byte[] bytes = new byte[5000];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        assertThatThrownBy(() -> new PdfReader().read(junk, "junk.pdf"))
                .isInstanceOfSatisfying(UnreadableDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo("corrupt"));
    }

    @Test
    void aPdfLockedWithAUserPasswordIsEncrypted(@TempDir Path dir) throws Exception {
        Path locked = encrypted(dir.resolve("locked.pdf"), "user-secret");
        assertThatThrownBy(() -> new PdfReader().read(locked, "locked.pdf"))
                .isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo("encrypted");
                    assertThat(e.getMessage()).isEqualTo(
                            "locked.pdf: encrypted PDF, no text can be read without its password (skipped)");
                });
    }

    @Test
    void aPdfEncryptedWithOnlyAnOwnerPasswordIsRead(@TempDir Path dir) throws Exception {
        Path restricted = encrypted(dir.resolve("restricted.pdf"), "");
        Document doc = new PdfReader().read(restricted, "restricted.pdf");
        assertThat(texts(doc)).containsExactly("Budget report 2024");
    }

    @Test
    void aPdfWithoutTextGivesNoBlocks(@TempDir Path dir) throws Exception {
        Path blank = dir.resolve("scan.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(blank.toFile());
        }
        Document doc = new PdfReader().read(blank, "scan.pdf");
        assertThat(doc.blocks()).isEmpty();
        assertThat(doc.pages()).isEqualTo(2);
    }

    private static Path encrypted(Path file, String userPassword) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                show(cs, new PDType1Font(Standard14Fonts.FontName.HELVETICA), 72, 700, "Budget report 2024");
            }
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
        return file;
    }

    private static void show(PDPageContentStream cs, PDType1Font font, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, 12);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** Glyphs for a string set at 12pt from (x, baseline y): CJK one em wide, other characters half. */
    private static List<Glyph> glyphs(double x, double y, String text) {
        List<Glyph> glyphs = new ArrayList<>();
        double at = x;
        for (char c : text.toCharArray()) {
            double w = PdfLines.isCjk(c) ? 12 : 6;
            if (c != ' ') {
                glyphs.add(new Glyph(String.valueOf(c), at, y, w, 12, false, false, ""));
            }
            at += w;
        }
        return glyphs;
    }

    private static Line line(double x, double y, String text) {
        return PdfLines.line(glyphs(x, y, text), List.of());
    }
}
