package org.disclosure.extractor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void theVersionComesFromThePomAndTheCitationSaysTheSame() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        // written once, as the build's revision; the modules take it from their parent
        String pomVersion = pom.replaceFirst("(?s).*?<revision>([^<]+)</revision>.*", "$1");
        assertThat(pomVersion).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Version.current()).isEqualTo(pomVersion);
        assertThat(Files.readAllLines(Path.of("CITATION.cff"))).contains("version: " + pomVersion);
        assertThat(new Version().getVersion()).containsExactly("disclosure-extractor " + pomVersion);
    }
}
