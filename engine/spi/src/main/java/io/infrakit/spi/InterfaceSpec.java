package io.infrakit.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/** An interface a plugin implements, with its exact version, written {@code Name/Version} on the wire. */
public record InterfaceSpec(@JsonProperty("Name") String name, @JsonProperty("Version") String version) {

    public InterfaceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    @JsonCreator
    public static InterfaceSpec of(@JsonProperty("Name") String name, @JsonProperty("Version") String version) {
        return new InterfaceSpec(name, version);
    }

    public static InterfaceSpec parse(String encoded) {
        int slash = encoded.indexOf('/');
        if (slash <= 0 || slash == encoded.length() - 1) {
            throw new IllegalArgumentException("not an interface spec (Name/Version): '" + encoded + "'");
        }
        String rest = encoded.substring(slash + 1);
        int sub = rest.indexOf('/');
        return new InterfaceSpec(encoded.substring(0, slash), sub < 0 ? rest : rest.substring(0, sub));
    }

    public String encoded() {
        return name + "/" + version;
    }

    @Override
    public String toString() {
        return encoded();
    }
}
