package io.infrakit.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The version, commit and build time Maven wrote into {@code version.properties} at build time (no git at run time).
 *
 * @param version the project's version
 * @param commit  the abbreviated commit the build is of ({@code unknown} built outside git)
 * @param built   when it was built, UTC to the second
 */
record Version(String version, String commit, String built) {

    private static final String UNKNOWN = "unknown";

    static Version current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return new Version(filtered(properties, "version"), filtered(properties, "commit"),
                    filtered(properties, "built"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value Maven filled in; one it did not (built outside Maven) is unknown. */
    private static String filtered(Properties properties, String key) {
        String value = properties.getProperty(key, "");
        return value.isBlank() || value.contains("${") ? UNKNOWN : value;
    }

    /** {@code infrakit 0.1.0 (commit 1a2b3c4, built 2026-12-01T10:00:00Z)} */
    String line() {
        return "infrakit " + version + " (commit " + commit + ", built " + built + ")";
    }

    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Version", version);
        fields.put("Commit", commit);
        fields.put("Built", built);
        return fields;
    }

    /** For {@code infrakit --version}. */
    static final class Provider implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {current().line()};
        }
    }
}
