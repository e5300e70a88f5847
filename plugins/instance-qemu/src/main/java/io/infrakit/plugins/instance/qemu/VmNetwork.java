package io.infrakit.plugins.instance.qemu;

import java.util.Map;
import java.util.Objects;

/** How one VM is networked: QEMU's user network with forwarded loopback ports, or a tap device on a bridge. */
sealed interface VmNetwork {

    /** Guest port to host loopback port. */
    record UserNetwork(Map<Integer, Integer> forwardedPorts) implements VmNetwork {
        public UserNetwork {
            forwardedPorts = Map.copyOf(forwardedPorts);
        }
    }

    /** The guest's address with its prefix ({@code 10.77.0.2/24}) and gateway go on its command line and fw_cfg. */
    record Tap(String device, String mac, String address, int prefix, String gateway) implements VmNetwork {
        public Tap {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(gateway, "gateway");
        }
    }
}
