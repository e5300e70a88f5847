package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import io.infrakit.dsl.CommandInfo;

/** A command as the script declared it: the public view and the closure that plans it. */
record DeclaredCommand(CommandInfo info, Closure<?> body) {
}
