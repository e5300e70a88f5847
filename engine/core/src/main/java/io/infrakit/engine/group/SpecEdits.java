package io.infrakit.engine.group;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupSpec;

/** Changes to a committed spec that the controller makes itself, keeping everything else the user wrote. */
final class SpecEdits {

    private SpecEdits() {
    }

    static GroupSpec withSize(GroupSpec spec, int size) {
        ObjectNode root = spec.properties().node().isObject()
                ? (ObjectNode) spec.properties().node() : JsonNodeFactory.instance.objectNode();
        ObjectNode allocation = root.get("Allocation") instanceof ObjectNode existing
                ? existing : root.putObject("Allocation");
        allocation.put("Size", size);
        return new GroupSpec(spec.id(), Any.of(root));
    }
}
