package io.infrakit.plugins.instance.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free loopback ports for a VM's forwarded guest ports. The kernel picks them; they are released before QEMU
 * binds them, so another process can win the race, which the plugin handles by trying again with new ports.
 */
final class HostPorts {

    static final String HOST = "127.0.0.1";

    private HostPorts() {
    }

    static Map<Integer, Integer> allocate(List<Integer> guestPorts) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            Map<Integer, Integer> forwarded = new LinkedHashMap<>();
            for (int guestPort : guestPorts) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                held.add(socket);
                forwarded.put(guestPort, socket.getLocalPort());
            }
            return forwarded;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST + ": " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a listening socket we never used cannot lose anything
                }
            }
        }
    }
}
