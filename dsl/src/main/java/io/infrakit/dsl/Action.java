package io.infrakit.dsl;

import java.io.Serializable;

/** One step of a plan, in script order; {@code line} is where the script asked for it. */
public sealed interface Action extends Serializable permits BuildImage, CommitGroup, ScaleGroup, DestroyGroup, Echo {

    int line();
}
