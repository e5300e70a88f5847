package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.InvalidSpecException;

import java.util.Objects;
import java.util.Set;

/**
 * A VM on a host bridge instead of QEMU's user network: a tap device joined to {@code bridge}, and an address of
 * {@code subnet} (IPv4) given to the guest, the first address in it that no other VM of this plugin holds. The
 * gateway is the subnet's first address unless given. The bridge itself is the host's: the plugin never makes one.
 */
record BridgeNetwork(String bridge, Ipv4Subnet subnet, String gateway) {

    BridgeNetwork {
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(subnet, "subnet");
        gateway = gateway == null || gateway.isBlank() ? subnet.address(1) : gateway;
        if (!bridge.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new InvalidSpecException("qemu instance property \"Bridge\" must be a network interface name "
                    + "(up to 15 letters, digits, '.', '_' or '-'), got \"" + bridge + "\"");
        }
    }

    /** The lowest address of the subnet that is neither the network, the broadcast, the gateway nor taken. */
    String freeAddress(Set<String> taken) {
        for (int host = 1; host < subnet.size() - 1; host++) {
            String address = subnet.address(host);
            if (!address.equals(gateway) && !taken.contains(address)) {
                return address;
            }
        }
        throw new InvalidSpecException("no free address left in " + subnet + " on bridge " + bridge);
    }
}
