package io.infrakit.common;

import io.infrakit.spi.InfrakitException;

/** A playbook could not be fetched (unreachable host, unknown ref, refused credentials); names the URL and ref. */
public class PlaybookFetchException extends InfrakitException {

    public PlaybookFetchException(String message) {
        super(message);
    }

    public PlaybookFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
