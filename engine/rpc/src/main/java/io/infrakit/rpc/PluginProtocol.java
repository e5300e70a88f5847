package io.infrakit.rpc;

import io.infrakit.rpc.HandshakeMessages.ExposedObject;
import io.infrakit.rpc.HandshakeMessages.HelloResponse;
import io.infrakit.spi.Any;
import io.infrakit.spi.InputExample;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.Vendor;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.metadata.UpdatableMetadata;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.stack.StackPlugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Everything one plugin serves, built from its objects: the JSON-RPC methods, the handshake and the API document. */
final class PluginProtocol {

    private final ApiDocument apiDocument;
    private final JsonRpcDispatcher dispatcher;

    private PluginProtocol(String pluginName, ServedObjects served) {
        PluginObjects atStart = served.objects().get();
        Any example = firstCapability(atStart, InputExample.class).map(InputExample::exampleProperties)
                .orElse(Any.empty());
        List<RpcService> services = new ArrayList<>(services(atStart, served.objects(), example));
        if (!served.controllers().get().isEmpty()) {
            services.add(ControllerService.of(served.controllers(), example));
        }
        served.stack().ifPresent(stack -> services.add(StackService.of(stack, example)));
        if (!served.metadata().isEmpty()) {
            services.add(UpdatableService.of(served::metadata));
        }
        this.apiDocument = ApiDocument.describe(
                firstCapability(atStart, Vendor.class).map(Vendor::vendorInfo).orElse(null), services);
        List<RpcOperation> operations = new ArrayList<>();
        services.forEach(service -> operations.addAll(service.operations()));
        operations.add(new RpcOperation(HandshakeMessages.HELLO, params -> hello(served),
                Map.of(), hello(served)));
        this.dispatcher = new JsonRpcDispatcher(pluginName, operations);
    }

    static PluginProtocol of(String pluginName, PluginObjects objects) {
        return new PluginProtocol(pluginName, ServedObjects.of(objects));
    }

    static PluginProtocol of(String pluginName, ServedObjects served) {
        return new PluginProtocol(pluginName, served);
    }

    byte[] dispatch(byte[] body) {
        return dispatcher.dispatch(body);
    }

    ApiDocument apiDocument() {
        return apiDocument;
    }

    private static List<RpcService> services(PluginObjects atStart, Supplier<PluginObjects> objects, Any example) {
        List<RpcService> services = new ArrayList<>();
        if (!atStart.instances().isEmpty()) {
            services.add(InstanceService.of(TypedObjects.live(() -> objects.get().instances()), example));
        }
        if (!atStart.flavors().isEmpty()) {
            services.add(FlavorService.of(TypedObjects.live(() -> objects.get().flavors()), example));
        }
        if (!atStart.groups().isEmpty()) {
            services.add(GroupService.of(TypedObjects.live(() -> objects.get().groups()), example));
        }
        if (!rollouts(atStart).isEmpty()) {
            services.add(RolloutService.of(TypedObjects.live(() -> rollouts(objects.get()))));
        }
        return List.copyOf(services);
    }

    private static Map<String, RolloutControl> rollouts(PluginObjects objects) {
        Map<String, RolloutControl> rollouts = new TreeMap<>();
        objects.groups().forEach((type, group) -> {
            if (group instanceof RolloutControl control) {
                rollouts.put(type, control);
            }
        });
        return rollouts;
    }

    private static HelloResponse hello(ServedObjects served) {
        Map<String, List<ExposedObject>> exposed = new LinkedHashMap<>();
        for (Map.Entry<InterfaceSpec, SortedSet<String>> entry : served.objects().get().implemented().entrySet()) {
            exposed.put(entry.getKey().encoded(), exposedObjects(entry.getValue()));
        }
        Map<String, Controller> controllers = served.controllers().get();
        if (!controllers.isEmpty()) {
            exposed.put(Controller.INTERFACE.encoded(), exposedObjects(new TreeSet<>(controllers.keySet())));
        }
        served.stack().ifPresent(stack -> exposed.put(StackPlugin.INTERFACE.encoded(),
                exposedObjects(new TreeSet<>(Set.of(PluginObjects.DEFAULT_TYPE)))));
        if (!served.metadata().isEmpty()) {
            exposed.put(UpdatableMetadata.INTERFACE.encoded(),
                    exposedObjects(new TreeSet<>(served.metadata().keySet())));
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
