package io.infrakit.common;

import io.infrakit.spi.InfrakitException;

/** The command was asked for something that cannot be (a name already taken, an unknown name). */
public class UsageException extends InfrakitException {

    public UsageException(String message) {
        super(message);
    }
}
