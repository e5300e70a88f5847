package io.infrakit.rpc;

import io.infrakit.spi.InfrakitException;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The objects of one kind a plugin serves, keyed by type ("" = the default object), resolved the way InfraKit's
 * servers resolve a request's {@code Type} or the type part of its {@code Name}.
 */
final class TypedObjects<T> {

    private final Supplier<Map<String, T>> byType;

    TypedObjects(Map<String, T> byType) {
        Map<String, T> fixed = Map.copyOf(byType);
        this.byType = () -> fixed;
    }

    private TypedObjects(Supplier<Map<String, T>> byType) {
        this.byType = byType;
    }

    /** Objects asked for on every request, for a plugin whose set changes while it runs (one per group). */
    static <T> TypedObjects<T> live(Supplier<Map<String, T>> byType) {
        return new TypedObjects<>(byType);
    }

    /** The object for a type; {@code no-plugin:<type>} when there is none. */
    T resolve(String type) {
        return find(type).orElseThrow(() -> new InfrakitException("no-plugin:" + (type == null ? "" : type)));
    }

    /** The object a full plugin name such as {@code group/workers} addresses: its type part decides. */
    T resolveName(String name) {
        return resolve(typeOf(name));
    }

    Optional<T> find(String type) {
        Map<String, T> byType = this.byType.get();
        String wanted = type == null ? "" : type;
        if (wanted.isEmpty() || wanted.equals(HandshakeMessages.DEFAULT_OBJECT)) {
            T fallback = byType.get("");
            if (fallback == null && byType.size() == 1) {
                fallback = byType.values().iterator().next();
            }
            return Optional.ofNullable(fallback);
        }
        T exact = byType.get(wanted);
        if (exact != null) {
            return Optional.of(exact);
        }
        // A proxied name carries one more segment (a/b/type); InfraKit then tries the part after the first slash.
        int slash = wanted.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(byType.get(wanted.substring(slash + 1)));
    }

    static String typeOf(String name) {
        if (name == null) {
            return "";
        }
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(slash + 1);
    }
}
