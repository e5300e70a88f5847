package io.infrakit.rpc;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** {@code Handshake.Hello}: the objects a plugin exposes, per encoded interface ({@code Instance/0.6.1}). */
final class HandshakeMessages {

    static final String HELLO = "Handshake.Hello";
    /** How the default (untyped) object is named in a handshake. */
    static final String DEFAULT_OBJECT = ".";

    private HandshakeMessages() {
    }

    record HelloResponse(@JsonProperty("Objects") Map<String, List<ExposedObject>> objects) {
        HelloResponse {
            objects = objects == null ? Map.of() : objects;
        }
    }

    record ExposedObject(@JsonProperty("Name") String name, @JsonProperty("ProxyFor") String proxyFor) {
        ExposedObject {
            proxyFor = proxyFor == null ? "" : proxyFor;
        }
    }
}
