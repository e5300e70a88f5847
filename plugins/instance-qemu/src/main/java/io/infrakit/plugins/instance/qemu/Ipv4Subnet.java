package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.InvalidSpecException;

/** An IPv4 network in CIDR notation, such as 10.77.0.0/24. */
record Ipv4Subnet(long network, int prefix) {

    static Ipv4Subnet parse(String cidr) {
        String[] parts = cidr.strip().split("/");
        try {
            if (parts.length == 2) {
                int prefix = Integer.parseInt(parts[1]);
                long address = toLong(parts[0]);
                if (prefix >= 8 && prefix <= 30) {
                    long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                    return new Ipv4Subnet(address & mask, prefix);
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidSpecException("qemu instance property \"Subnet\" must be an IPv4 network such as "
                + "10.77.0.0/24 (prefix 8 to 30), got \"" + cidr + "\"");
    }

    long size() {
        return 1L << (32 - prefix);
    }

    String address(long host) {
        long value = network + host;
        return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "." + (value & 0xFF);
    }

    private static long toLong(String dotted) {
        String[] octets = dotted.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException(dotted);
        }
        long value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException(dotted);
            }
            value = value << 8 | part;
        }
        return value;
    }

    @Override
    public String toString() {
        return address(0) + "/" + prefix;
    }
}
