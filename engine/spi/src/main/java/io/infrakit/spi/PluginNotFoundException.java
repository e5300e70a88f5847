package io.infrakit.spi;

import java.util.List;

/** A plugin name that nothing answers to. */
public class PluginNotFoundException extends InfrakitException {

    private final String name;
    private final List<String> known;

    public PluginNotFoundException(String name, List<String> known) {
        super("unknown plugin '" + name + "'; known: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
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
