package io.infrakit.cli;

import io.infrakit.spi.InfrakitException;

/** A group that did not reach its spec in the time the user gave it (exit 6). */
class NotConvergedException extends InfrakitException {

    NotConvergedException(String message) {
        super(message);
    }
}
