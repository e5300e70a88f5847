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
            throw new IllegalArgumentException("invalid plugin name '" + lookup + "': expected lookup[/type]");
        }
        type = type == null ? "" : type;
        if (type.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid plugin type '" + type + "'");
        }
    }

    @JsonCreator
    public static PluginName parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("invalid plugin name '': expected lookup[/type]");
        }
        int slash = name.indexOf('/');
        return slash < 0
                ? new PluginName(name, "")
                : new PluginName(name.substring(0, slash), name.substring(slash + 1));
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
