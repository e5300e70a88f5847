package io.infrakit.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A plugin's name, {@code lookup[/type]}: the lookup names the plugin (and its socket), the type one object
 * inside it, as in {@code aws/ec2-instance}. An empty type means the plugin's default object.
 */
public record PluginName(String lookup, String type) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public PluginName {
        if (lookup == null || !PART.matcher(lookup).matches()) {
            throw invalid(lookup == null ? "" : lookup);
        }
        type = type == null ? "" : type;
        if (type.chars().anyMatch(Character::isWhitespace) || Identifiers.firstUnsafe(type) >= 0) {
            throw new IllegalArgumentException("invalid plugin type '" + Identifiers.escape(type) + "'");
        }
    }

    @JsonCreator
    public static PluginName parse(String name) {
        if (name == null || name.isBlank()) {
            throw invalid(name == null ? "" : name);
        }
        int slash = name.indexOf('/');
        try {
            return slash < 0
                    ? new PluginName(name, "")
                    : new PluginName(name.substring(0, slash), name.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw invalid(name);
        }
    }

    private static IllegalArgumentException invalid(String name) {
        return new IllegalArgumentException("invalid plugin name '" + Identifiers.escape(name)
                + "': expected lookup[/type], the lookup of letters, digits, '.', '_' and '-'");
    }

    public static PluginName of(String lookup) {
        return new PluginName(lookup, "");
    }

    public boolean hasType() {
        return !type.isEmpty();
    }

    @JsonValue
    @Override
    public String toString() {
        return hasType() ? lookup + "/" + type : lookup;
    }
}
