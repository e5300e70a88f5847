package io.infrakit.dsl;

import java.util.Objects;

/**
 * A command read a required parameter that has no value. Only the commands that use a parameter need it (a
 * {@code down} needs no key), so the caller may ask for this one and plan again.
 */
public final class MissingParameterException extends DslException {

    private final transient Param param;

    public MissingParameterException(String fileName, Param param) {
        super(DslException.at(fileName, param.line(), "parameter '" + param.name() + "' is required"
                + hint(param)).getMessage());
        this.param = Objects.requireNonNull(param, "param");
    }

    public Param param() {
        return param;
    }

    private static String hint(Param param) {
        String hint = param.prompt() != null ? param.prompt() : param.description();
        return hint == null || hint.isBlank() ? "" : " (" + hint + ")";
    }
}
