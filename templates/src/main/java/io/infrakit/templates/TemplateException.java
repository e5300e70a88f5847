package io.infrakit.templates;

import io.infrakit.spi.InvalidSpecException;

/**
 * A template the user wrote cannot be rendered. The message is one line; when the error has a place in a template
 * it starts with {@code <file>:<line>:<column>: }.
 */
public class TemplateException extends InvalidSpecException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
