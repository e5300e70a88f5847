package io.infrakit.dsl.internal;

import io.infrakit.dsl.Param;

/** Thrown where a command reads a required parameter nobody gave; becomes a MissingParameterException. */
final class ParameterNotGiven extends RuntimeException {

    private final transient Param param;

    ParameterNotGiven(Param param) {
        super("parameter '" + param.name() + "' is required", null, false, false);
        this.param = param;
    }

    Param param() {
        return param;
    }
}
