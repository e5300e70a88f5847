package io.infrakit.rpc;

import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InterfaceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * A plugin this process hosts, called directly rather than over its socket, which spares encoding every answer to
 * JSON and back. Its caller sees what a caller over the socket sees: a failure becomes the exception the client
 * rebuilds from the JSON-RPC error the plugin's server would have answered.
 */
public final class InProcessPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessPlugin.class);

    private InProcessPlugin() {
    }

    /**
     * The plugin behind one of its interfaces (with an {@code INTERFACE} spec, whose name starts the method names in
     * errors: {@code Group.DescribeGroup}).
     *
     * @param name  the plugin's name, as a client of its socket knows it
     */
    public static <T> T of(Class<T> type, Object plugin, String name) {
        Objects.requireNonNull(plugin, "plugin");
        if (!type.isInstance(plugin)) {
            throw new IllegalArgumentException(plugin + " is not a " + type.getSimpleName());
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
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
