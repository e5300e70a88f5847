package io.infrakit.rpc;

import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.metadata.ReadableMetadata;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.stack.StackPlugin;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything one plugin socket serves. The objects and controllers are asked for on every request, because a
 * plugin's set may change while it runs (the manager serves one group object and one controller per group); which
 * interfaces are served is decided once, from what they are at start.
 *
 * @param stack    the manager as a whole ({@code Stack/0.1.1}), served on the manager's group socket only
 * @param metadata the metadata trees by name ({@code Updatable/0.1.1}): the manager's {@code vars} and
 *                 {@code status}
 */
public record ServedObjects(Supplier<PluginObjects> objects,
                            Supplier<Map<String, Controller>> controllers,
                            Optional<StackPlugin> stack,
                            Map<String, ReadableMetadata> metadata) {

    public ServedObjects {
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(controllers, "controllers");
        Objects.requireNonNull(stack, "stack");
        metadata = Map.copyOf(metadata);
    }

    public ServedObjects(Supplier<PluginObjects> objects, Supplier<Map<String, Controller>> controllers,
                         Optional<StackPlugin> stack) {
        this(objects, controllers, stack, Map.of());
    }

    public static ServedObjects of(PluginObjects objects) {
        Objects.requireNonNull(objects, "objects");
        return new ServedObjects(() -> objects, Map::of, Optional.empty());
    }
}
