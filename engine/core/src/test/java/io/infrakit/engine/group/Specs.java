package io.infrakit.engine.group;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;

import java.util.Map;

/** Group specs as InfraKit's integration tests write them: instance data and flavor init vary, the rest is fixed. */
final class Specs {

    static final GroupId GROUP = GroupId.of("testGroup");

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private String instancePlugin = "fake";

    private Specs() {
        instance("data1");
        root.putObject("Flavor").put("Plugin", "test").putObject("Properties").put("Type", "minion")
                .put("Init", "init1").putObject("Tags").put("flavor", "tag");
    }

    static Specs cattle(int size) {
        Specs specs = new Specs();
        specs.root.putObject("Allocation").put("Size", size);
        return specs;
    }

    static Specs pets(String... logicalIds) {
        Specs specs = new Specs();
        ArrayNode ids = specs.root.putObject("Allocation").putArray("LogicalIDs");
        for (String id : logicalIds) {
            ids.add(id);
        }
        ((ObjectNode) specs.root.get("Flavor").get("Properties")).put("Type", "leader");
        return specs;
    }

    Specs instance(String data) {
        root.putObject("Instance").put("Plugin", instancePlugin).putObject("Properties").put("data", data);
        return this;
    }

    /** The instances come from this plugin rather than the fake one. */
    Specs on(String plugin) {
        instancePlugin = plugin;
        ((ObjectNode) root.get("Instance")).put("Plugin", plugin);
        return this;
    }

    Specs init(String init) {
        ((ObjectNode) root.get("Flavor").get("Properties")).put("Init", init);
        return this;
    }

    Specs updating(Map<String, Object> fields) {
        root.set("Updating", Json.mapper().valueToTree(fields));
        return this;
    }

    GroupSpec spec() {
        return new GroupSpec(GROUP, Any.of(root));
    }
}
