package org.disclosure.extractor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.disclosure.extractor.output.RecordWriters;
import org.junit.jupiter.api.Test;

/** Replies cross the pipe from a worker unchanged, whatever their text holds. */
class MessagesTest {

    @Test
    void recordsAndErrorsRoundTripInOrder() throws IOException {
        RecordWriters.Rendered record = new RecordWriters.Rendered("报告/𠀀甲.pdf", "ab12", null,
                "{\"doc\":{\"department\":{\"value\":\"某市财政局\"}},\"text\":\"多行\n文本，𠀀\\\"引号\\\"\"}");
        StringWriter out = new StringWriter();
        Messages.write(out, Messages.Reply.readyLine());
        Messages.write(out, Messages.Reply.of(7, record));
        Messages.write(out, Messages.Reply.error(8, "坏.docx", null, "corrupt", "坏.docx: not a readable DOCX file"));
        out.write("stray output a library printed\n");
        Messages.write(out, Messages.Reply.of(9, record));

        BufferedReader in = new BufferedReader(new StringReader(out.toString()));
        assertThat(Messages.read(in).ready()).isTrue();
        Messages.Reply first = Messages.read(in);
        assertThat(first.id()).isEqualTo(7);
        assertThat(first.record()).isEqualTo(record);
        Messages.Reply error = Messages.read(in);
        assertThat(error.failed()).isTrue();
        assertThat(error.reason()).isEqualTo("corrupt");
        assertThat(Messages.read(in).record()).isEqualTo(record);
        assertThat(Messages.read(in)).isNull();
    }
}
