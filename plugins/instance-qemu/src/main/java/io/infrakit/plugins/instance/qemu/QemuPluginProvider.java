package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

import java.nio.file.Path;

/**
 * The {@code qemu} plugin: VMs under QEMU, their files in {@code INFRAKIT_QEMU_DIR}, else in
 * {@code $INFRAKIT_HOME/instances/qemu}; the emulator is {@code INFRAKIT_QEMU_BINARY}, else
 * {@code qemu-system-x86_64} from the PATH, and the disk tool {@code INFRAKIT_QEMU_IMG}, else {@code qemu-img}.
 */
public final class QemuPluginProvider implements PluginProvider {

    public static final String NAME = QemuInstancePlugin.NAME;
    public static final String DIRECTORY_VARIABLE = "INFRAKIT_QEMU_DIR";
    public static final String BINARY_VARIABLE = "INFRAKIT_QEMU_BINARY";
    public static final String IMAGE_TOOL_VARIABLE = "INFRAKIT_QEMU_IMG";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "VMs under QEMU (TCG), booting a kernel and initrd, reachable through forwarded loopback ports";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        Path directory = context.env(DIRECTORY_VARIABLE).map(Path::of)
                .orElseGet(() -> context.home().resolve("instances").resolve(NAME));
        QemuBinaries binaries = new QemuBinaries(
                context.env(BINARY_VARIABLE).orElse(QemuBinaries.DEFAULT.emulator()),
                context.env(IMAGE_TOOL_VARIABLE).orElse(QemuBinaries.DEFAULT.imageTool()));
        return PluginObjects.instance(new QemuInstancePlugin(directory, binaries, context.clock()));
    }
}
