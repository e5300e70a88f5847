package io.infrakit.spi;

/**
 * A plugin that failed an operation. The message is the plugin's own, plain, as InfraKit clients match on it;
 * {@link #describe()} adds the plugin and operation for people.
 */
public class PluginException extends InfrakitException {

    private final String plugin;
    private final String operation;

    public PluginException(String plugin, String operation, String message) {
        super(message);
        this.plugin = plugin;
        this.operation = operation;
    }

    public PluginException(String plugin, String operation, String message, Throwable cause) {
        super(message, cause);
        this.plugin = plugin;
        this.operation = operation;
    }

    public String plugin() {
        return plugin;
    }

    public String operation() {
        return operation;
    }

    public String describe() {
        return "plugin '" + plugin + "' " + operation + ": " + getMessage();
    }
}
