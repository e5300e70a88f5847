package io.infrakit.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables var() reads and sets. A session has one root scope; include() renders in a fork, whose settings
 * stay in the fork; source() renders in its caller's scope.
 */
final class VarScope {

    private final VarScope parent;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private VarScope(VarScope parent) {
        this.parent = parent;
    }

    static VarScope root() {
        return new VarScope(null);
    }

    VarScope fork() {
        return new VarScope(this);
    }

    Optional<Object> get(String name) {
        for (VarScope scope = this; scope != null; scope = scope.parent) {
            if (scope.values.containsKey(name)) {
                return Optional.of(scope.values.get(name));
            }
        }
        return Optional.empty();
    }

    void set(String name, Object value) {
        values.put(name, value);
    }

    /** Every name readable here, sorted. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (VarScope scope = this; scope != null; scope = scope.parent) {
            names.addAll(scope.values.keySet());
        }
        return names;
    }

    /** This scope's own values, read-only and live. */
    Map<String, Object> view() {
        return Collections.unmodifiableMap(values);
    }
}
