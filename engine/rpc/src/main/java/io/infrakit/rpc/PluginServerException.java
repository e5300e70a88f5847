package io.infrakit.rpc;

import io.infrakit.spi.InfrakitException;

/** A plugin server that cannot start or serve: the message names the plugin and its socket. */
public class PluginServerException extends InfrakitException {

    public PluginServerException(String message) {
        super(message);
    }

    public PluginServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
