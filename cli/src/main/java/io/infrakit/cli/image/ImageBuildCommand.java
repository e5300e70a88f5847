package io.infrakit.cli.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Images;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.cli.TemplateVariables;
import io.infrakit.image.BuiltImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
public final class ImageBuildCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The image spec (YAML)")
    Path spec;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A variable for the spec; repeatable")
    List<String> vars = new ArrayList<>();

    @Mixin
    OutputOptions output = new OutputOptions();

    ImageBuildCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        BuiltImage image = Images.builder(home(), cli.environment())
                .build(spec, TemplateVariables.strings(vars, "--var"));
        Printer.print(cli, output.format, Built.of(image), () -> text(image));
        return ExitCode.OK;
    }

    /** The image's hash and files; those of formats it does not have are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Built(@JsonProperty("Hash") String hash,
                 @JsonProperty("Directory") String directory,
                 @JsonProperty("Formats") List<String> formats,
                 @JsonProperty("Kernel") String kernel,
                 @JsonProperty("Vmlinux") String vmlinux,
                 @JsonProperty("Initrd") String initrd,
                 @JsonProperty("Iso") String iso,
                 @JsonProperty("Qcow2") String qcow2) {

        static Built of(BuiltImage image) {
            return new Built(image.hash(), image.directory().toString(), image.formats(), image.kernel().toString(),
                    image.vmlinux().map(Path::toString).orElse(null), image.initrd().toString(),
                    image.iso().map(Path::toString).orElse(null), image.qcow2().map(Path::toString).orElse(null));
        }
    }

    private static String text(BuiltImage image) {
        StringBuilder text = new StringBuilder(image.hash()).append('\n');
        text.append("  kernel ").append(image.kernel()).append('\n');
        image.vmlinux().ifPresent(vmlinux -> text.append("  vmlinux ").append(vmlinux).append('\n'));
        text.append("  initrd ").append(image.initrd()).append('\n');
        image.iso().ifPresent(iso -> text.append("  iso ").append(iso).append('\n'));
        image.qcow2().ifPresent(qcow2 -> text.append("  qcow2 ").append(qcow2).append('\n'));
        return text.toString();
    }
}
