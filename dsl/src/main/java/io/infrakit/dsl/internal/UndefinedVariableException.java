package io.infrakit.dsl.internal;

import groovy.lang.MissingPropertyException;

/**
 * A name the script reads that is neither a parameter nor a variable. It is a {@link MissingPropertyException}
 * because Groovy's closures rely on that type to go on resolving a call such as {@code grup 'x'} as a method.
 */
final class UndefinedVariableException extends MissingPropertyException {

    private final String reason;

    UndefinedVariableException(String name, Class<?> script, String reason) {
        super(reason, name, script);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
