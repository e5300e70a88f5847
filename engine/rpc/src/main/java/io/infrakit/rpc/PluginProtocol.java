package io.infrakit.rpc;

import io.infrakit.rpc.HandshakeMessages.ExposedObject;
import io.infrakit.rpc.HandshakeMessages.HelloResponse;
import io.infrakit.spi.Any;
import io.infrakit.spi.InputExample;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.Vendor;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.plugin.PluginObjects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Everything one plugin serves, built from its objects: the JSON-RPC methods, the handshake and the API document. */
final class PluginProtocol {

    private final ApiDocument apiDocument;
    private final JsonRpcDispatcher dispatcher;

    private PluginProtocol(String pluginName, PluginObjects objects, Supplier<Map<String, Controller>> controllers) {
        Any example = firstCapability(objects, InputExample.class).map(InputExample::exampleProperties)
                .orElse(Any.empty());
        List<RpcService> services = new ArrayList<>(services(objects, example));
        if (!controllers.get().isEmpty()) {
            services.add(ControllerService.of(controllers, example));
        }
        this.apiDocument = ApiDocument.describe(
                firstCapability(objects, Vendor.class).map(Vendor::vendorInfo).orElse(null), services);
        List<RpcOperation> operations = new ArrayList<>();
        services.forEach(service -> operations.addAll(service.operations()));
        operations.add(new RpcOperation(HandshakeMessages.HELLO, params -> hello(objects, controllers.get()),
                Map.of(), hello(objects, controllers.get())));
        this.dispatcher = new JsonRpcDispatcher(pluginName, operations);
    }

    static PluginProtocol of(String pluginName, PluginObjects objects) {
        return new PluginProtocol(pluginName, objects, Map::of);
    }

    /** With controllers, asked for on every request (their set may change while the plugin runs). */
    static PluginProtocol of(String pluginName, PluginObjects objects, Supplier<Map<String, Controller>> controllers) {
        return new PluginProtocol(pluginName, objects, controllers);
    }

    byte[] dispatch(byte[] body) {
        return dispatcher.dispatch(body);
    }

    ApiDocument apiDocument() {
        return apiDocument;
    }

    private static List<RpcService> services(PluginObjects objects, Any example) {
        List<RpcService> services = new ArrayList<>();
        if (!objects.instances().isEmpty()) {
            services.add(InstanceService.of(new TypedObjects<>(objects.instances()), example));
        }
        if (!objects.flavors().isEmpty()) {
            services.add(FlavorService.of(new TypedObjects<>(objects.flavors()), example));
        }
        if (!objects.groups().isEmpty()) {
            services.add(GroupService.of(new TypedObjects<>(objects.groups()), example));
        }
        Map<String, RolloutControl> rollouts = new TreeMap<>();
        objects.groups().forEach((type, group) -> {
            if (group instanceof RolloutControl control) {
                rollouts.put(type, control);
            }
        });
        if (!rollouts.isEmpty()) {
            services.add(RolloutService.of(new TypedObjects<>(rollouts)));
        }
        return List.copyOf(services);
    }

    private static HelloResponse hello(PluginObjects objects, Map<String, Controller> controllers) {
        Map<String, List<ExposedObject>> exposed = new LinkedHashMap<>();
        for (Map.Entry<InterfaceSpec, SortedSet<String>> entry : objects.implemented().entrySet()) {
            exposed.put(entry.getKey().encoded(), exposedObjects(entry.getValue()));
        }
        if (!controllers.isEmpty()) {
            exposed.put(Controller.INTERFACE.encoded(), exposedObjects(new TreeSet<>(controllers.keySet())));
        }
        return new HelloResponse(exposed);
    }

    private static List<ExposedObject> exposedObjects(SortedSet<String> types) {
        return types.stream()
                .map(type -> new ExposedObject(type.isEmpty() ? HandshakeMessages.DEFAULT_OBJECT : type, ""))
                .toList();
    }

    /** The default objects are asked first, as InfraKit asks its {@code .} object for vendor and example. */
    private static <C> Optional<C> firstCapability(PluginObjects objects, Class<C> capability) {
        Stream<Object> defaults = Stream.of(
                objects.instances().get(PluginObjects.DEFAULT_TYPE),
                objects.flavors().get(PluginObjects.DEFAULT_TYPE),
                objects.groups().get(PluginObjects.DEFAULT_TYPE));
        Stream<Object> others = Stream.of(objects.instances(), objects.flavors(), objects.groups())
                .flatMap(byType -> new TreeMap<>(byType).values().stream());
        return Stream.concat(defaults, others)
                .filter(Objects::nonNull)
                .filter(capability::isInstance)
                .map(capability::cast)
                .findFirst();
    }
}
