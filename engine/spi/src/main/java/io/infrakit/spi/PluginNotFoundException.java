package io.infrakit.spi;

import java.util.List;

/** A plugin name that nothing answers to. */
public class PluginNotFoundException extends InfrakitException {

    private final String name;
    private final List<String> known;

    public PluginNotFoundException(String name, List<String> known) {
        this("unknown plugin '" + Identifiers.escape(name) + "'; known: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)), name, known);
    }

    /** The same, with a message that says what needed the plugin. */
    public PluginNotFoundException(String message, String name, List<String> known) {
        super(message);
        this.name = name;
        this.known = List.copyOf(known);
    }

    public String name() {
        return name;
    }

    public List<String> known() {
        return known;
    }
}
