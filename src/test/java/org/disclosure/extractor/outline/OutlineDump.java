package org.disclosure.extractor.outline;

import java.nio.file.Path;
import org.disclosure.extractor.Pipeline;
import org.disclosure.extractor.ingest.Document;

/** Prints the section tree of the files given, one heading a line, for looking at real reports by eye. */
public final class OutlineDump {

    private OutlineDump() {
    }

    public static void main(String[] args) throws Exception {
        Pipeline pipeline = new Pipeline();
        for (String file : args) {
            Document doc = pipeline.read(Path.of(file), file);
            SectionTree tree = Outline.build(doc);
            System.out.println("=== " + file + "  blocks=" + doc.blocks().size() + " sections=" + tree.sections().size());
            for (Section s : tree.sections()) {
                System.out.printf("%s%-4d %-9s %-8s %s  [%d-%d)%n", "  ".repeat(Math.max(0, s.level() - 1)), s.headingBlock(),
                        s.scope(), s.canonical() == null ? "-" : s.canonical(), s.heading(), s.firstBlock(), s.endBlock());
            }
        }
    }
}
