package io.infrakit.rpc;

import io.infrakit.spi.Any;

/** Small rules shared by the message records: missing routing fields mean the default object. */
final class Wire {

    private Wire() {
    }

    static String orDefault(String routing) {
        return routing == null ? "" : routing;
    }

    static Any orEmpty(Any properties) {
        return properties == null ? Any.empty() : properties;
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
    }
}
