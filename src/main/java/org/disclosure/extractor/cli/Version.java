package org.disclosure.extractor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of this build, as pom.xml gives it (written into a resource by the build), for {@code --version}. */
public final class Version implements IVersionProvider {

    private static final String RESOURCE = "/org/disclosure/extractor/version.properties";

    /** The version, e.g. {@code 0.1.0}. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"disclosure-extractor " + current()};
    }
}
