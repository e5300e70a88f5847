package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import io.infrakit.dsl.Param;

import java.math.BigDecimal;

/** A parameter as the script declared it: the public view, plus the rules checked when a command is planned. */
record DeclaredParam(Param param, Closure<?> validate, BigDecimal min, BigDecimal max) {
}
