package io.infrakit.playbooks;

import io.infrakit.dsl.Param;

import java.util.Optional;

/** Asks a person for a parameter's value; empty when nobody can be asked (no terminal). */
public interface Prompter {

    Optional<String> ask(Param param);

    Prompter NOBODY = param -> Optional.empty();
}
