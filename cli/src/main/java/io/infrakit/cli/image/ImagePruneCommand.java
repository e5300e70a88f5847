package io.infrakit.cli.image;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Images;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.image.ImageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "prune", description = {
        "Remove every image that no committed group spec and no running VM uses (by hash or by a path inside it), "
                + "and each shared kernel no image links any more; says what that freed.",
        "With --dry-run, only say which images would go and at least how much that would free.",
        "Only the committed spec counts: an image that only an earlier revision names (one group rollback could "
                + "return to) is removed."})
final class ImagePruneCommand extends BaseCommand {

    @Option(names = "--dry-run", description = "Remove nothing; print what would be removed")
    boolean dryRun;

    @Mixin
    OutputOptions output = new OutputOptions();

    ImagePruneCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        ImageStore store = new ImageStore(Images.directory(home()));
        List<ImageLsCommand.Row> unused = ImageLsCommand.rows(home(), cli.environment()).stream()
                .filter(image -> image.usedBy().isEmpty()).toList();
        Images.Removal removal = new Images.Removal(unused.stream().map(image -> new Images.Removed(image.hash(),
                image.spec(), dryRun ? store.size(image.hash()) : store.remove(image.hash()))).toList());
        Printer.print(cli, output.format, removal, () -> removal.text(dryRun));
        return ExitCode.OK;
    }
}
