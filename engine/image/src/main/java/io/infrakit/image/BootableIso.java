package io.infrakit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An image as a BIOS-bootable ISO (docs/images-and-vms.md): GRUB, on the serial console and without a menu delay, boots
 * the image's kernel and initrd with its command line. grub-mkrescue writes a hybrid image, so the same bytes also
 * boot as a hard disk, which is what the qcow2 format is made from.
 */
final class BootableIso {

    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(2);

    private BootableIso() {
    }

    static void write(String imageName, HostTools tools, Path kernel, Path initrd, String cmdline, Path target)
            throws IOException {
        Path grubMkrescue = tools.require(imageName, "grub-mkrescue", HostTools.GRUB_PACKAGES);
        tools.require(imageName, "xorriso", HostTools.GRUB_PACKAGES);
        tools.requireGrubBiosModules(imageName);
        Path layout = Files.createTempDirectory(target.getParent(), ".iso-layout-");
        try {
            Path grubDir = Files.createDirectories(layout.resolve("boot/grub"));
            StagedFiles.linkOrCopy(kernel, layout.resolve("boot/vmlinuz"));
            StagedFiles.linkOrCopy(initrd, layout.resolve("boot/initrd.img"));
            Files.writeString(grubDir.resolve("grub.cfg"), grubConfig(cmdline));
            ExternalCommand.run(imageName, List.of(grubMkrescue.toString(), "-o", target.toString(), layout.toString()),
                    TOOL_TIMEOUT, target.getParent());
        } finally {
            StagedFiles.deleteRecursively(layout);
        }
    }

    static String grubConfig(String cmdline) {
        return """
                serial --unit=0 --speed=115200
                terminal_input serial console
                terminal_output serial console
                set timeout=0
                menuentry 'infrakit' {
                  linux /boot/vmlinuz %s
                  initrd /boot/initrd.img
                }
                """.formatted(quotedWords(cmdline));
    }

    /** GRUB would expand $ and treat ; { } and quotes in the command line; single-quoted words reach the kernel as is. */
    private static String quotedWords(String cmdline) {
        return Stream.of(cmdline.strip().split("\\s+")).filter(word -> !word.isEmpty())
                .map(word -> "'" + word.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
