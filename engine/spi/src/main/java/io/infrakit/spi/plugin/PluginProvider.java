package io.infrakit.spi.plugin;

/**
 * Found with {@link java.util.ServiceLoader}: each plugin jar lists its provider in
 * {@code META-INF/services/io.infrakit.spi.plugin.PluginProvider}.
 */
public interface PluginProvider {

    /** The plugin's lookup name, such as {@code simulator}: the first part of {@code lookup/type}. */
    String name();

    /** One line for {@code infrakit plugin ls}. */
    String description();

    PluginObjects create(PluginContext context);
}
