package io.infrakit.rpc;

import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A remote plugin's handshake, done before its first call and remembered: the plugin must implement the exact
 * interface version, and expose the object the plugin name's type addresses. A plugin that cannot be reached is
 * asked again on the next call.
 */
final class HandshakeCheck {

    private final PluginClient client;
    private final PluginName name;
    private final InterfaceSpec wanted;
    private boolean done;
    private InfrakitException refusal;

    HandshakeCheck(PluginClient client, PluginName name, InterfaceSpec wanted) {
        this.client = client;
        this.name = name;
        this.wanted = wanted;
    }

    synchronized void ensure() {
        if (!done) {
            refusal = verify(name, wanted, client.hello()).orElse(null);
            done = true;
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    static Optional<InfrakitException> verify(PluginName name, InterfaceSpec wanted,
                                              Map<InterfaceSpec, List<String>> objects) {
        List<String> exposed = objects.get(wanted);
        if (exposed == null) {
            return Optional.of(new IncompatiblePluginException("Plugin " + name + " does not support interface "
                    + wanted.encoded() + " (it implements " + implemented(wanted, objects) + ")"));
        }
        if (!exposes(exposed, name.type())) {
            return Optional.of(new PluginNotFoundException(name.toString(), exposed.stream()
                    .map(object -> HandshakeMessages.DEFAULT_OBJECT.equals(object)
                            ? name.lookup()
                            : name.lookup() + "/" + object)
                    .toList()));
        }
        return Optional.empty();
    }

    /** Mirrors the server's resolution: no type means the default object, or the only one. */
    private static boolean exposes(List<String> exposed, String type) {
        if (type.isEmpty()) {
            return exposed.contains(HandshakeMessages.DEFAULT_OBJECT) || exposed.size() == 1;
        }
        int slash = type.indexOf('/');
        return exposed.contains(type) || (slash >= 0 && exposed.contains(type.substring(slash + 1)));
    }

    /** Other versions of the wanted interface if there are any, else everything the plugin implements. */
    private static String implemented(InterfaceSpec wanted, Map<InterfaceSpec, List<String>> objects) {
        List<String> sameName = objects.keySet().stream()
                .filter(spec -> spec.name().equals(wanted.name()))
                .map(InterfaceSpec::encoded)
                .toList();
        if (!sameName.isEmpty()) {
            return String.join(", ", sameName);
        }
        return objects.isEmpty() ? "no interface" : objects.keySet().stream()
                .map(InterfaceSpec::encoded)
                .collect(Collectors.joining(", "));
    }
}
