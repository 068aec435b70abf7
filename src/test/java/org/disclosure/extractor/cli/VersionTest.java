package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void theVersionComesFromThePomAndTheCitationSaysTheSame() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String pomVersion = pom.replaceFirst("(?s).*?</parent>", "")
                .replaceFirst("(?s).*?<artifactId>disclosure-extractor</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertThat(Version.current()).isEqualTo(pomVersion);
        assertThat(Files.readAllLines(Path.of("CITATION.cff"))).contains("version: " + pomVersion);
        assertThat(new Version().getVersion()).containsExactly("disclosure-extractor " + pomVersion);
    }
}
