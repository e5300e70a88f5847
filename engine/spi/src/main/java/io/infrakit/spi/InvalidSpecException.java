package io.infrakit.spi;

/** A spec, or a plugin's properties, that cannot be used; the message names where (file:line, spec path). */
public class InvalidSpecException extends InfrakitException {

    public InvalidSpecException(String message) {
        super(message);
    }

    public InvalidSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
