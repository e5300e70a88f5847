package io.infrakit.rpc;

import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.instance.InstanceNotFoundException;

/**
 * Which exception a plugin threw, sent in {@code error.data.Kind} so our client can throw the same class.
 * Go clients ignore {@code data}; they see only the plain message.
 */
enum ErrorKind {
    INVALID_SPEC("InvalidSpec"),
    INSTANCE_NOT_FOUND("InstanceNotFound"),
    INCOMPATIBLE_PLUGIN("IncompatiblePlugin"),
    PLUGIN_NOT_FOUND("PluginNotFound"),
    PLUGIN("Plugin");

    private final String wire;

    ErrorKind(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static ErrorKind of(Throwable failure) {
        if (failure instanceof InvalidSpecException) {
            return INVALID_SPEC;
        }
        if (failure instanceof InstanceNotFoundException) {
            return INSTANCE_NOT_FOUND;
        }
        if (failure instanceof IncompatiblePluginException) {
            return INCOMPATIBLE_PLUGIN;
        }
        if (failure instanceof PluginNotFoundException) {
            return PLUGIN_NOT_FOUND;
        }
        return PLUGIN;
    }

    static ErrorKind fromWire(String wire) {
        for (ErrorKind kind : values()) {
            if (kind.wire.equals(wire)) {
                return kind;
            }
        }
        return PLUGIN;
    }
}
