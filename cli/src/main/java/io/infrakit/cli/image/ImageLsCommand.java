package io.infrakit.cli.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Images;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.image.ImageManifest;
import io.infrakit.image.ImageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Command(name = "ls", description = "List the images built in this home, with the formats each boots from and the "
        + "committed groups and running VMs that use it.")
final class ImageLsCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    ImageLsCommand(CliEnvironment cli) {
        super(cli);
    }

    /** One image, with PascalCase keys as every JSON output has (its image.json on disk keeps its own). */
    record Row(@JsonProperty("Hash") String hash,
               @JsonProperty("Created") Instant created,
               @JsonProperty("Formats") List<String> formats,
               @JsonProperty("Spec") String spec,
               @JsonProperty("KernelSource") String kernelSource,
               @JsonProperty("Cmdline") String cmdline,
               @JsonProperty("Modules") List<String> modules,
               @JsonProperty("Services") List<String> services,
               @JsonProperty("Files") List<String> files,
               @JsonProperty("KernelSize") long kernelSize,
               @JsonProperty("InitrdSize") long initrdSize,
               @JsonProperty("UsedBy") List<String> usedBy) {

        static Row of(ImageManifest image, List<String> usedBy) {
            return new Row(image.hash(), image.created(), image.formats(), image.spec(), image.kernelSource(),
                    image.cmdline(), image.modules(), image.services(), image.files(), image.kernelSize(),
                    image.initrdSize(), usedBy);
        }
    }

    @Override
    protected int run() {
        List<Row> rows = rows(home(), cli.environment());
        Printer.print(cli, output.format, rows, () -> Printer.table(
                List.of("HASH", "CREATED", "FORMATS", "SPEC", "INITRD", "USED BY"),
                rows.stream().map(image -> List.of(image.hash(), image.created().toString(),
                        String.join(",", image.formats()), image.spec(), image.initrdSize() + " bytes",
                        image.usedBy().isEmpty() ? "-" : String.join(", ", image.usedBy()))).toList()));
        return ExitCode.OK;
    }

    /** Every image of the home, oldest first, with who uses it. */
    static List<Row> rows(InfrakitHome home, Map<String, String> environment) {
        List<ImageManifest> images = new ImageStore(Images.directory(home)).list();
        Map<String, List<String>> usedBy = ImageUsage.usedBy(images.stream().map(ImageManifest::hash).toList(),
                Images.directory(home), ImageUsage.users(home, environment));
        return images.stream().map(image -> Row.of(image, usedBy.get(image.hash()))).toList();
    }
}
