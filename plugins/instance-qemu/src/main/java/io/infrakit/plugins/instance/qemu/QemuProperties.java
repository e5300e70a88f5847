package io.infrakit.plugins.instance.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.Suggestions;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one VM is made of, read strictly from the instance properties: the kernel (a bzImage or a PVH
 * {@code vmlinux}) and initrd to boot, the kernel command line, the image's content hash (passed to the guest as
 * {@code infrakit.image=}), memory, CPUs, the guest TCP ports to forward to loopback ports of this host, how long a
 * graceful power-down may take, and the accelerator.
 */
record QemuProperties(BootSource boot, String cmdline, String image, int memoryMib, int cpus,
                      List<Integer> ports, Duration powerdownTimeout, String accel,
                      Optional<BridgeNetwork> bridge) {

    static final String KERNEL = "Kernel";
    static final String INITRD = "Initrd";
    static final String DISK = "Disk";
    static final String CDROM = "Cdrom";
    static final String CMDLINE = "Cmdline";
    static final String IMAGE = "Image";
    static final String MEMORY = "Memory";
    static final String CPUS = "Cpus";
    static final String PORTS = "Ports";
    static final String POWERDOWN_TIMEOUT = "PowerdownTimeout";
    static final String ACCEL = "Accel";
    static final String BRIDGE = "Bridge";
    static final String SUBNET = "Subnet";
    static final String GATEWAY = "Gateway";
    static final Set<String> KNOWN = new TreeSet<>(
            List.of(KERNEL, INITRD, DISK, CDROM, CMDLINE, IMAGE, MEMORY, CPUS, PORTS, POWERDOWN_TIMEOUT, ACCEL,
                    BRIDGE, SUBNET, GATEWAY));

    /** cryptomgr.notests: the kernel's crypto self-tests take ~0.6 s of a TCG boot and prove nothing new per VM. */
    static final String DEFAULT_CMDLINE = "console=ttyS0 quiet panic=-1 cryptomgr.notests";
    static final int DEFAULT_MEMORY_MIB = 128;
    static final Duration DEFAULT_POWERDOWN_TIMEOUT = Duration.ofSeconds(10);

    QemuProperties {
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(bridge, "bridge");
        ports = List.copyOf(ports);
    }

    static QemuProperties parse(Any properties) {
        if (properties.isEmpty() || !properties.node().isObject()) {
            throw new InvalidSpecException("qemu instance properties must be a JSON object with \"" + KERNEL
                    + "\" and \"" + INITRD + "\", or \"" + DISK + "\", or \"" + CDROM + "\", got "
                    + (properties.isEmpty() ? "nothing" : properties));
        }
        JsonNode node = properties.node();
        rejectUnknown(node);
        BootSource boot = boot(node);
        if (!(boot instanceof BootSource.Kernel) && node.hasNonNull(CMDLINE)) {
            throw new InvalidSpecException("qemu instance property \"" + CMDLINE + "\" applies to a \"" + KERNEL
                    + "\" boot only: a disk or an ISO has its command line in its boot loader");
        }
        return new QemuProperties(
                boot,
                text(node, CMDLINE, DEFAULT_CMDLINE),
                image(node),
                integer(node, MEMORY, DEFAULT_MEMORY_MIB, 32, 65536),
                integer(node, CPUS, 1, 1, 64),
                ports(node),
                powerdownTimeout(node),
                accel(node),
                bridge(node));
    }

    /** The power-down timeout of properties once accepted, read leniently: its files may be gone by now. */
    static Duration powerdownTimeoutOf(Any properties) {
        try {
            return properties.isEmpty() ? DEFAULT_POWERDOWN_TIMEOUT : powerdownTimeout(properties.node());
        } catch (InvalidSpecException e) {
            return DEFAULT_POWERDOWN_TIMEOUT;
        }
    }

    private static void rejectUnknown(JsonNode node) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                String hint = Suggestions.closest(name, KNOWN).map(known -> " (did you mean \"" + known + "\"?)")
                        .orElse("; known properties: " + String.join(", ", KNOWN));
                throw new InvalidSpecException("unknown qemu instance property \"" + name + "\"" + hint);
            }
        }
    }

    private static BootSource boot(JsonNode node) {
        boolean kernel = node.hasNonNull(KERNEL) || node.hasNonNull(INITRD);
        int kinds = (kernel ? 1 : 0) + (node.hasNonNull(DISK) ? 1 : 0) + (node.hasNonNull(CDROM) ? 1 : 0);
        if (kinds > 1) {
            throw new InvalidSpecException("qemu instance properties boot one thing: \"" + KERNEL + "\" and \""
                    + INITRD + "\", or \"" + DISK + "\", or \"" + CDROM + "\", not several");
        }
        if (node.hasNonNull(DISK)) {
            return new BootSource.Disk(existingFile(node, DISK));
        }
        if (node.hasNonNull(CDROM)) {
            return new BootSource.Cdrom(existingFile(node, CDROM));
        }
        if (!kernel) {
            throw new InvalidSpecException("qemu instance properties need \"" + KERNEL + "\" and \"" + INITRD
                    + "\" (what an image build gives), or \"" + DISK + "\" (a qcow2 image), or \"" + CDROM
                    + "\" (an ISO)");
        }
        return new BootSource.Kernel(existingFile(node, KERNEL), existingFile(node, INITRD));
    }

    private static Optional<BridgeNetwork> bridge(JsonNode node) {
        if (!node.hasNonNull(BRIDGE)) {
            if (node.hasNonNull(SUBNET) || node.hasNonNull(GATEWAY)) {
                throw new InvalidSpecException("qemu instance properties \"" + SUBNET + "\" and \"" + GATEWAY
                        + "\" need \"" + BRIDGE + "\", the host bridge the VMs join");
            }
            return Optional.empty();
        }
        if (!node.hasNonNull(SUBNET)) {
            throw new InvalidSpecException("qemu instance property \"" + BRIDGE + "\" needs \"" + SUBNET
                    + "\", the IPv4 network its VMs take addresses from, such as 10.77.0.0/24");
        }
        String gateway = text(node, GATEWAY, "");
        return Optional.of(new BridgeNetwork(text(node, BRIDGE, ""), Ipv4Subnet.parse(text(node, SUBNET, "")),
                gateway));
    }

    private static Path existingFile(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            throw new InvalidSpecException("qemu instance property \"" + property + "\" is required");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw mistyped(property, "a file path", value);
        }
        Path file;
        try {
            file = Path.of(value.textValue()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw mistyped(property, "a file path", value);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidSpecException("qemu instance property \"" + property + "\": no readable file " + file);
        }
        return file;
    }

    private static String text(JsonNode node, String property, String fallback) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw mistyped(property, "a string", value);
        }
        return value.textValue().strip();
    }

    private static String image(JsonNode node) {
        String image = text(node, IMAGE, "");
        if (!image.matches("[A-Za-z0-9._-]*")) {
            throw mistyped(IMAGE, "an image hash (letters, digits, '.', '_' or '-')", node.get(IMAGE));
        }
        return image;
    }

    private static int integer(JsonNode node, String property, int fallback, int min, int max) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()
                || value.asInt() < min || value.asInt() > max) {
            throw mistyped(property, "an integer from " + min + " to " + max, value);
        }
        return value.asInt();
    }

    private static List<Integer> ports(JsonNode node) {
        JsonNode value = node.get(PORTS);
        if (value == null || value.isNull()) {
            return List.of();
        }
        String expected = "a list of TCP port numbers from 1 to 65535";
        if (!value.isArray()) {
            throw mistyped(PORTS, expected, value);
        }
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : value) {
            if (!port.canConvertToExactIntegral() || port.asInt() < 1 || port.asInt() > 65535
                    || ports.contains(port.asInt())) {
                throw mistyped(PORTS, expected + ", each once", value);
            }
            ports.add(port.asInt());
        }
        return ports;
    }

    private static Duration powerdownTimeout(JsonNode node) {
        JsonNode value = node.get(POWERDOWN_TIMEOUT);
        if (value == null || value.isNull()) {
            return DEFAULT_POWERDOWN_TIMEOUT;
        }
        try {
            Duration timeout = Durations.parse(value.isTextual() ? value.textValue() : value.toString());
            if (!timeout.isNegative() && timeout.compareTo(Duration.ofMinutes(10)) <= 0) {
                return timeout;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the property's name
        }
        throw mistyped(POWERDOWN_TIMEOUT, "a duration from 0s to 10m such as 10s", value);
    }

    private static String accel(JsonNode node) {
        String accel = text(node, ACCEL, "tcg");
        if (!accel.equals("tcg") && !accel.equals("kvm")) {
            throw mistyped(ACCEL, "\"tcg\" or \"kvm\"", node.get(ACCEL));
        }
        return accel;
    }

    private static InvalidSpecException mistyped(String property, String expected, JsonNode value) {
        return new InvalidSpecException(
                "qemu instance property \"" + property + "\" must be " + expected + ", got " + value);
    }
}
