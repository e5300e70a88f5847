package io.infrakit.cli;

import io.infrakit.image.BuiltImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "build", description = {
        "Build an image spec into a kernel and a reproducible initramfs, named by their content hash, under "
                + "$INFRAKIT_HOME/images; an image already built is found, not built again, and only gets the formats "
                + "it lacks.",
        "Where the kernel allows it, the image also gets the uncompressed vmlinux, which QEMU boots faster (PVH); "
                + "it is extracted once per kernel and shared. 'formats: [iso, qcow2]' in the spec adds a bootable "
                + "ISO (grub-mkrescue) and a qcow2 disk (qemu-img).",
        "{{NAME}} in the spec is replaced by --var NAME=VALUE. Kernel modules are looked up under "
                + "$INFRAKIT_KERNEL_MODULES (default /lib/modules)."})
final class ImageBuildCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The image spec (YAML)")
    Path spec;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A variable for the spec; repeatable")
    List<String> vars = new ArrayList<>();

    ImageBuildCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        BuiltImage image = Images.builder(home(), cli.environment())
                .build(spec, TemplateVariables.strings(vars, "--var"));
        cli.out().println(image.hash());
        cli.out().println("  kernel " + image.kernel());
        image.vmlinux().ifPresent(vmlinux -> cli.out().println("  vmlinux " + vmlinux));
        cli.out().println("  initrd " + image.initrd());
        image.iso().ifPresent(iso -> cli.out().println("  iso " + iso));
        image.qcow2().ifPresent(qcow2 -> cli.out().println("  qcow2 " + qcow2));
        cli.out().flush();
        return ExitCode.OK;
    }
}
