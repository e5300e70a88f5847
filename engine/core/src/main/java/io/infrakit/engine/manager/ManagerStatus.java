package io.infrakit.engine.manager;

import io.infrakit.spi.Any;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.metadata.MetadataPath;
import io.infrakit.spi.metadata.MetadataTree;
import io.infrakit.spi.metadata.ReadableMetadata;
import io.infrakit.spi.stack.StackPlugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manager's read-only {@code status} tree, as InfraKit's manager keeps it: {@code leader} (whether this manager
 * leads) and {@code configs} (each enforced spec by its name). It is read from the manager on every request, so it is
 * never stale; InfraKit refreshes its copy after each change.
 */
final class ManagerStatus implements ReadableMetadata {

    private final StackPlugin stack;

    ManagerStatus(StackPlugin stack) {
        this.stack = stack;
    }

    @Override
    public Optional<List<String>> keys(MetadataPath path) {
        return tree().keys(path);
    }

    @Override
    public Any get(MetadataPath path) {
        return tree().get(path);
    }

    private MetadataTree tree() {
        Map<String, ObjectSpec> configs = new LinkedHashMap<>();
        stack.specs().forEach(spec -> configs.put(spec.metadata().name(), spec));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("leader", stack.isLeader());
        status.put("configs", configs);
        return MetadataTree.of(Any.of(status));
    }
}
