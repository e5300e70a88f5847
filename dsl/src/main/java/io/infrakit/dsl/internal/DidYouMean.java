package io.infrakit.dsl.internal;

import io.infrakit.common.Suggestions;

import java.util.Collection;

/** The DSL's wording of a suggestion for a misspelt name. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** {@code "; did you mean 'group'?"}, or nothing when no candidate is close. */
    public static String hint(String name, Collection<String> candidates) {
        return Suggestions.hint(name, candidates);
    }
}
