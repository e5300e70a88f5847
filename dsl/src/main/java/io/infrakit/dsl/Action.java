package io.infrakit.dsl;

/** One step of a plan, in script order; {@code line} is where the script asked for it. */
public sealed interface Action permits BuildImage, CommitGroup, ScaleGroup, DestroyGroup, Echo {

    int line();
}
