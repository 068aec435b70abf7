package org.disclosure.extractor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.disclosure.extractor.Pipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every report of the repo's corpus, in every format, gets the identity its gold record gives. */
class IdentityGoldTest {

    private static final Pipeline PIPELINE = new Pipeline();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> corpusFiles() throws IOException {
        return Files.walk(Path.of("corpus"))
                .filter(Files::isRegularFile)
                
                .filter(p -> Files.exists(gold(p)))
                .sorted();
    }

    private static Path gold(Path file) {
        String name = file.getFileName().toString();
        return Path.of("src", "test", "resources", "gold", name.substring(0, name.lastIndexOf('.')) + ".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void identityMatchesGold(Path file) throws IOException {
        JsonNode gold = JSON.readTree(gold(file).toFile());
        Pipeline.Outcome outcome = PIPELINE.process(file, file.toString());
        assertThat(outcome).isInstanceOf(Pipeline.Extracted.class);
        ReportRecord record = ((Pipeline.Extracted) outcome).record();
        for (String key : new String[] {"doc.department", "doc.fiscal_year", "doc.kind"}) {
            Optional<FieldValue> found = record.field(key);
            JsonNode required = gold.path("fields").get(key);
            JsonNode optional = gold.path("optional").get(key);
            if (required != null) {
                assertThat(found).as(key).isPresent();
                assertThat(String.valueOf(found.get().value())).as(key).isEqualTo(required.asText());
            } else if (found.isPresent()) {
                assertThat(optional).as(key + " is not in the gold record").isNotNull();
                assertThat(String.valueOf(found.get().value())).as(key).isEqualTo(optional.asText());
            }
        }
        record.fields().forEach(f -> assertThat(f.provenance().text()).as(f.key() + " provenance").isNotBlank());
    }
}
