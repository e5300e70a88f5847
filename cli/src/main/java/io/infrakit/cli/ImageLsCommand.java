package io.infrakit.cli;

import io.infrakit.image.ImageManifest;
import io.infrakit.image.ImageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "ls", description = "List the images built in this home, with the formats each boots from.")
final class ImageLsCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    ImageLsCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        List<ImageManifest> images = new ImageStore(Images.directory(home())).list();
        Printer.print(cli, output.format, images, () -> Printer.table(
                List.of("HASH", "CREATED", "FORMATS", "SPEC", "INITRD"),
                images.stream().map(image -> List.of(image.hash(), image.created().toString(),
                        String.join(",", image.formats()), image.spec(), image.initrdSize() + " bytes")).toList()));
        return ExitCode.OK;
    }
}
