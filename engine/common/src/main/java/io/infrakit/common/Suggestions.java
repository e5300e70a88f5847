package io.infrakit.common;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The closest known name for a misspelt one, by edit distance: what every "did you mean" in InfraKit says. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate nearest to {@code name} (case aside), if one is close enough to be a typo of it. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(3, name.length() / 3));
        return candidates.stream()
                .filter(candidate -> !candidate.equals(name))
                .filter(candidate -> distance(name.toLowerCase(), candidate.toLowerCase()) <= allowed)
                .min(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code "; did you mean 'Allocation'?"}, or nothing when no candidate is close: every message's wording. */
    public static String hint(String name, Collection<String> candidates) {
        return closest(name, candidates).map(match -> "; did you mean '" + match + "'?").orElse("");
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
