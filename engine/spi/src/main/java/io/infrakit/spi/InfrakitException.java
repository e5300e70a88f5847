package io.infrakit.spi;

/** The root of every error InfraKit reports to a user. Unchecked, and never logged and then rethrown. */
public class InfrakitException extends RuntimeException {

    public InfrakitException(String message) {
        super(message);
    }

    public InfrakitException(String message, Throwable cause) {
        super(message, cause);
    }
}
