package io.infrakit.playbooks;

import io.infrakit.image.ImageSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one list of spec fields that make a plugin or the image builder read or write a file, fetch a URL, or choose
 * whose account it acts with, with how each is resolved. {@link SpecConfinement} checks them in what an untrusted
 * playbook commits or builds. A plugin that is not listed reads nothing a spec names; one installed from outside
 * (INFRAKIT_PLUGINS_DIR) is as trusted as its installer.
 */
final class SpecLocations {

    /** How a plugin turns a field's text into what it reads. */
    enum Form {
        /**
         * The vanilla flavor's {@code InitScriptTemplateURL}: {@code str://} and then the text itself, or an absolute
         * {@code file:} URL; any other URL is a fetch.
         */
        URL,
        /** A file path, absolute or relative to the working directory of the manager, where the plugin runs. */
        PATH,
        /**
         * Docker's bind mounts, {@code HOST:CONTAINER[:OPTIONS]} each: a host path (absolute) is read and written by
         * the container with dockerd's rights; a name without a slash is a volume docker keeps.
         */
        BIND_MOUNTS,
        /**
         * Where, or as whom, the plugin acts with the user's credentials: an endpoint its signed requests go to, or a
         * profile of the user's credential files. Only the user chooses it.
         */
        ACCOUNT
    }

    /** {@code Properties.<section>.Properties.<property>} of a group whose {@code <section>.Plugin} is {@code plugin}. */
    record GroupField(String section, String plugin, String property, Form form) {

        String specPath() {
            return "Properties." + section + ".Properties." + property;
        }
    }

    /**
     * A path of an image spec (already resolved against the spec's directory by its parser), and the files of this
     * machine it may name whoever wrote it: what every image needs and no playbook ships.
     */
    record ImageField(String name, Function<ImageSpec, Path> path, Predicate<Path> sharedHostFile) {
    }

    static final List<GroupField> GROUP_FIELDS = List.of(
            new GroupField("Flavor", "vanilla", "InitScriptTemplateURL", Form.URL),
            new GroupField("Instance", "qemu", "Kernel", Form.PATH),
            new GroupField("Instance", "qemu", "Initrd", Form.PATH),
            new GroupField("Instance", "qemu", "Disk", Form.PATH),
            new GroupField("Instance", "qemu", "Cdrom", Form.PATH),
            new GroupField("Instance", "docker", "Binds", Form.BIND_MOUNTS),
            new GroupField("Instance", "aws", "Endpoint", Form.ACCOUNT),
            new GroupField("Instance", "aws", "Profile", Form.ACCOUNT));

    static final List<ImageField> IMAGE_FIELDS = List.of(
            new ImageField("kernel.path", spec -> spec.kernel().path(), SpecLocations::isInstalledKernel),
            new ImageField("busybox", ImageSpec::busybox, ImageSpec.DEFAULT_BUSYBOX::equals));

    private static final Path BOOT = Path.of("/boot");
    private static final Path TOP = Path.of("/");

    private SpecLocations() {
    }

    /** The distribution's kernels: {@code /boot/vmlinuz*}, and {@code /vmlinuz*} (links to them). */
    static boolean isInstalledKernel(Path path) {
        try {
            Path real = path.toRealPath();
            Path directory = real.getParent();
            return (BOOT.equals(directory) || TOP.equals(directory))
                    && real.getFileName().toString().startsWith("vmlinuz");
        } catch (IOException e) {
            return false;
        }
    }
}
