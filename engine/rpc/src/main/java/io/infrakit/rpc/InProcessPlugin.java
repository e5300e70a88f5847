package io.infrakit.rpc;

import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.instance.InstanceChangeNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A plugin this process hosts, called directly rather than over its socket, which spares encoding every answer to
 * JSON and back. Its caller sees what a caller over the socket sees: a failure becomes the exception the client
 * rebuilds from the JSON-RPC error the plugin's server would have answered.
 */
public final class InProcessPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessPlugin.class);
    /** What a caller in process may ask the plugin for beyond its interface; none of it is offered over the socket. */
    private static final List<Class<?>> IN_PROCESS_CAPABILITIES = List.of(InstanceChangeNotices.class);

    private InProcessPlugin() {
    }

    /**
     * The plugin behind one of its interfaces (with an {@code INTERFACE} spec, whose name starts the method names in
     * errors: {@code Group.DescribeGroup}), and behind the in-process capabilities it has, such as
     * {@link InstanceChangeNotices}.
     *
     * @param name  the plugin's name, as a client of its socket knows it
     */
    public static <T> T of(Class<T> type, Object plugin, String name) {
        Objects.requireNonNull(plugin, "plugin");
        if (!type.isInstance(plugin)) {
            throw new IllegalArgumentException(plugin + " is not a " + type.getSimpleName());
        }
        Class<?>[] interfaces = Stream.concat(Stream.of(type),
                IN_PROCESS_CAPABILITIES.stream().filter(capability -> capability.isInstance(plugin))).toArray(Class[]::new);
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), interfaces, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "InProcessPlugin[" + name + "]" : method.invoke(plugin, args);
            }
            try {
                return method.invoke(plugin, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    String operation = operation(method);
                    if (!(failure instanceof InfrakitException)) {
                        LOG.warn("plugin '{}' failed {} with an unexpected exception", name, operation, failure);
                    }
                    throw RemoteErrors.toException(name, operation, RpcError.fromFailure(failure).toJson());
                }
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    private static String operation(Method method) {
        String prefix;
        try {
            prefix = ((InterfaceSpec) method.getDeclaringClass().getField("INTERFACE").get(null)).name();
        } catch (ReflectiveOperationException | ClassCastException e) {
            prefix = method.getDeclaringClass().getSimpleName();
        }
        String name = method.getName();
        return prefix + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
