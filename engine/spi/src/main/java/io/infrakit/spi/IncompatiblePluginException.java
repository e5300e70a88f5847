package io.infrakit.spi;

/** A plugin that answers, but not with the interface version we need. */
public class IncompatiblePluginException extends InfrakitException {

    public IncompatiblePluginException(String message) {
        super(message);
    }
}
