package io.infrakit.plugins.instance.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.common.Suggestions;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

import java.util.Iterator;
import java.util.List;

/**
 * The {@code docker} plugin: containers of one Docker daemon, reached at the launch options' {@code Host}, else at
 * {@code DOCKER_HOST}, else at {@code unix:///var/run/docker.sock}.
 */
public final class DockerPluginProvider implements PluginProvider {

    public static final String NAME = "docker";
    public static final String HOST_VARIABLE = "DOCKER_HOST";
    public static final String HOST_OPTION = "Host";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "containers of a Docker daemon, labelled with their tags; a container removed by hand is replaced"
                + " at once";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        return PluginObjects.instance(new DockerInstancePlugin(host(context)));
    }

    static String host(PluginContext context) {
        if (!context.options().isEmpty()) {
            JsonNode options = context.options().node();
            if (!options.isObject()) {
                throw new InvalidSpecException("docker plugin options must be a JSON object such as {\""
                        + HOST_OPTION + "\": \"" + DockerEndpoint.DEFAULT_HOST + "\"}, got " + options);
            }
            Iterator<String> names = options.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!name.equals(HOST_OPTION)) {
                    throw new InvalidSpecException("unknown docker plugin option \"" + name + "\""
                            + Suggestions.closest(name, List.of(HOST_OPTION))
                            .map(known -> " (did you mean \"" + known + "\"?)").orElse("; known options: Host"));
                }
            }
            JsonNode host = options.get(HOST_OPTION);
            if (host != null && !host.isNull()) {
                if (!host.isTextual() || host.textValue().isBlank()) {
                    throw new InvalidSpecException("docker plugin option \"" + HOST_OPTION
                            + "\" must be a Docker endpoint such as " + DockerEndpoint.DEFAULT_HOST + ", got " + host);
                }
                return host.textValue().strip();
            }
        }
        return context.env(HOST_VARIABLE).orElse(DockerEndpoint.DEFAULT_HOST);
    }
}
