package io.infrakit.cli.image;

import picocli.CommandLine.Command;

@Command(name = "image", description = "Build bootable OS images (kernel + initramfs) from LinuxKit-like YAML specs.",
        subcommands = {ImageBuildCommand.class, ImageLsCommand.class, ImageRmCommand.class,
                ImagePruneCommand.class})
public final class ImageCommand {
}
