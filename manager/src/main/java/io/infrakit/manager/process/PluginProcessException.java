package io.infrakit.manager.process;

import io.infrakit.spi.InfrakitException;

/** A plugin process that did not start (no such command, exited at once, never or badly answered the handshake). */
public class PluginProcessException extends InfrakitException {

    public PluginProcessException(String message) {
        super(message);
    }
}
