package io.infrakit.manager;

import io.infrakit.spi.InfrakitException;

/** The manager is not running and could not be started, or does not answer. */
public class ManagerUnreachableException extends InfrakitException {

    public ManagerUnreachableException(String message) {
        super(message);
    }
}
