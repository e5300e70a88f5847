package io.infrakit.manager.process;

import io.infrakit.spi.InfrakitException;

/** A plugin process asked for under a name another running plugin already answers to. */
public class PluginNameTakenException extends InfrakitException {

    public PluginNameTakenException(String message) {
        super(message);
    }
}
